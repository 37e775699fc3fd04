import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGES, type Stage } from '../../../geo/stages/index.ts';
import { useTRPC } from '../../trpc.ts';

interface StairwellStage {
  id: number;
  doorNumber: string;
  stage: Stage;
}

/**
 * A stairwell's stage, moved one step by staff (SPEC §4): the server checks
 * the consent rule on signed votes and says why when it refuses; the wall
 * and every other open screen recolour as soon as it is saved.
 */
export function StagePanel({ stairwells }: { stairwells: StairwellStage[] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [stairwellId, setStairwellId] = useState(stairwells[0]?.id ?? 0);
  const current = stairwells.find((s) => s.id === stairwellId);
  const [to, setTo] = useState<Stage | null>(null);
  const [reason, setReason] = useState('');
  const save = useMutation(trpc.canvass.setStage.mutationOptions());
  const target = to ?? current?.stage ?? 'canvassing';
  return (
    <section className="staff-card" data-testid="stage-panel">
      <h2>{t('staff.stageTitle')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ stairwellId, to: target, reason: reason.trim() || undefined }, { onSuccess: () => setReason('') });
        }}
      >
        <label>
          {t('staff.stairwell')}
          <select
            name="stageStairwell"
            value={stairwellId}
            onChange={(e) => {
              setStairwellId(Number(e.target.value));
              setTo(null);
              save.reset();
            }}
          >
            {stairwells.map((s) => (
              <option key={s.id} value={s.id}>
                {s.doorNumber} · {t(`stage.${s.stage}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('staff.stageTo')}
          <select name="stageTo" value={target} onChange={(e) => setTo(e.target.value as Stage)}>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`stage.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('staff.stageReason')}
          <input name="stageReason" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <button type="submit" disabled={save.isPending || !current}>
          {t('staff.stageSave')}
        </button>
        {save.data && <span role="status"> {save.data.changed ? t('staff.stageSaved', { door: current?.doorNumber, stage: t(`stage.${save.data.to}`) }) : t('staff.stageSame')}</span>}
        {save.error && <p role="alert">{save.error.message}</p>}
      </form>
    </section>
  );
}
