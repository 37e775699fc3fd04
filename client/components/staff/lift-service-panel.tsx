import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fenFromText, yuan } from '../../../geo/cost/index.ts';
import { refusalText } from '../../hooks/use-problem-text.ts';
import { useTRPC } from '../../trpc.ts';
import type { PipelineStairwell } from '../../wire.ts';
import { HEALTH_PALETTE } from '../../../geo/palette/index.ts';
import { QrCode } from '../../papers/qr-code.tsx';

const FIELDS = ['userUnit', 'maintainer', 'maintainerLicence', 'maintainerPhone', 'price', 'termFrom', 'termTo', 'guarantor', 'template', 'inspectionValidUntil'] as const;
type Field = (typeof FIELDS)[number];
const DATES = new Set<Field>(['termFrom', 'termTo', 'inspectionValidUntil']);
const OPTIONAL = new Set<Field>(['guarantor', 'template']);

/** 维保合同: a lift in service's 使用管理单位, maintainer and licence, yearly price, term, 物业托底, template, inspection validity. */
export function LiftServicePanel({ stairwell: s }: { stairwell: PipelineStairwell }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const save = useMutation(trpc.stages.setLiftService.mutationOptions());
  const v = s.service;
  const [values, setValues] = useState<Record<Field, string>>({
    userUnit: v?.userUnit ?? '',
    maintainer: v?.maintainer ?? '',
    maintainerLicence: v?.maintainerLicence ?? '',
    maintainerPhone: v?.maintainerPhone ?? '',
    price: v ? (v.priceFenPerYear / 100).toFixed(2) : '',
    termFrom: v?.termFrom ?? '',
    termTo: v?.termTo ?? '',
    guarantor: v?.guarantor ?? '',
    template: v?.template ?? '',
    inspectionValidUntil: v?.inspectionValidUntil ?? '',
  });
  return (
    <section className="lift-service" data-testid="lift-service">
      <h4>{t('service.title')}</h4>
      <p>{v ? t('service.current', { maintainer: v.maintainer, price: yuan(v.priceFenPerYear), from: v.termFrom, to: v.termTo, until: v.inspectionValidUntil }) : t('service.none')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const { price, guarantor, template, ...rest } = values;
          save.mutate({ stairwellId: s.id, ...rest, priceFenPerYear: fenFromText(price) ?? -1, guarantor: guarantor || undefined, template: template || undefined });
        }}
      >
        {FIELDS.map((f) => (
          <label key={f}>
            {t(`service.${f}`)}
            <input name={`service-${f}`} type={DATES.has(f) ? 'date' : 'text'} required={!OPTIONAL.has(f)} value={values[f]} onChange={(e) => setValues({ ...values, [f]: e.target.value })} />
          </label>
        ))}
        <button type="submit" disabled={save.isPending}>
          {t('service.save')}
        </button>
        {save.data && <p role="status">{t('service.saved', { maintainer: save.data.maintainer })}</p>}
        {save.error && <p role="alert">{refusalText(save.error)}</p>}
      </form>
      {s.upkeep && (
        <p data-testid="lift-health">
          <span className="swatch" style={{ background: HEALTH_PALETTE[s.upkeep.health].color }} /> {HEALTH_PALETTE[s.upkeep.health].zh} ·{' '}
          {t('service.upkeep', { last: s.upkeep.lastVisitOn ?? '—', next: s.upkeep.nextVisitDue, faults: s.upkeep.openFaults })}
        </p>
      )}
      {v && <LiftSticker stairwellId={s.id} />}
    </section>
  );
}

/** The QR code staff print and stick in the car: the maintainer's phone records a visit by scanning it there. */
function LiftSticker({ stairwellId }: { stairwellId: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const sticker = useQuery(trpc.upkeep.sticker.queryOptions({ stairwellId }));
  const site = useQuery(trpc.admin.site.queryOptions());
  if (!sticker.data || !site.data) return null;
  const origin = site.data.publicUrl ?? location.origin;
  return <QrCode url={`${origin}${sticker.data.path}`} size="30mm" label={t('service.sticker', { door: sticker.data.doorNumber })} />;
}
