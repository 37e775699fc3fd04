import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DELIVERERS, DELIVERER_ZH, PROMISE_DEFAULTS, PROMISE_KINDS, PROMISE_KIND_ZH, type Deliverer, type PromiseKind } from '../../../geo/register/index.ts';
import { PIPELINE_STAGES, STAGE_ZH, type PipelineStage } from '../../../geo/stages/index.ts';
import { refusalText } from '../../hooks/use-problem-text.ts';
import { useTRPC } from '../../trpc.ts';
import { StairwellSelect } from './stairwell-select.tsx';

/**
 * A promise staff make without a visit's "depends on": a wall panel, a pipe
 * moved, lighting or a sealed meter box for a low-floor household, chosen by
 * stairwell and room, with who delivers it and the stage it is due by.
 */
export function NewPromiseForm({ stairwells }: { stairwells: readonly { id: number; doorNumber: string }[] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useQueryClient();
  const [stairwellId, setStairwell] = useState<number | null>(null);
  const [flatId, setFlat] = useState<number | null>(null);
  const [kind, setKind] = useState<PromiseKind>('wall_panel');
  const [choice, setChoice] = useState<{ deliverer: Deliverer; dueStage: PipelineStage } | null>(null);
  const [note, setNote] = useState('');
  const flats = useQuery(trpc.canvass.register.queryOptions({ stairwellId: stairwellId ?? 0 }, { enabled: stairwellId !== null }));
  const make = useMutation(
    trpc.promises.make.mutationOptions({
      onSuccess: () => {
        setNote('');
        void client.invalidateQueries(trpc.promises.pathFilter());
      },
    }),
  );
  const v = choice ?? PROMISE_DEFAULTS[kind];
  return (
    <form
      className="new-promise"
      data-testid="new-promise"
      onSubmit={(e) => {
        e.preventDefault();
        if (flatId !== null) make.mutate({ flatId, kind, deliverer: v.deliverer, dueStage: v.dueStage, note: note || undefined });
      }}
    >
      <h3>{t('promises.new')}</h3>
      <label>
        {t('promises.stairwell')}
        <StairwellSelect name="promiseStairwell" stairwells={stairwells} value={stairwellId} none onChange={(id) => (setStairwell(id), setFlat(null))} />
      </label>
      <label>
        {t('promises.room')}
        <select name="promiseFlat" required value={flatId ?? ''} onChange={(e) => setFlat(e.target.value ? Number(e.target.value) : null)}>
          <option value="">—</option>
          {flats.data?.register.map((f) => (
            <option key={f.id} value={f.id}>
              {f.room}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('promises.kind')}
        <select name="promiseKind" value={kind} onChange={(e) => (setKind(e.target.value as PromiseKind), setChoice(null))}>
          {PROMISE_KINDS.map((k) => (
            <option key={k} value={k}>
              {PROMISE_KIND_ZH[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('promises.deliverer')}
        <select name="promiseDeliverer" value={v.deliverer} onChange={(e) => setChoice({ ...v, deliverer: e.target.value as Deliverer })}>
          {DELIVERERS.map((d) => (
            <option key={d} value={d}>
              {DELIVERER_ZH[d]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('promises.dueStage')}
        <select name="promiseDue" value={v.dueStage} onChange={(e) => setChoice({ ...v, dueStage: e.target.value as PipelineStage })}>
          {PIPELINE_STAGES.slice(1).map((s) => (
            <option key={s} value={s}>
              {t('promises.by', { stage: STAGE_ZH[s] })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('promises.note')}
        <input name="promiseNote" maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={flatId === null || make.isPending}>
        {t('promises.make')}
      </button>
      {make.data && <p role="status">{t('promises.made', { label: make.data.label })}</p>}
      {make.error && <p role="alert">{refusalText(make.error)}</p>}
    </form>
  );
}
