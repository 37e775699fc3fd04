import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc.ts';
import { refusalText } from '../../hooks/use-problem-text.ts';
import { StairwellSelect } from './stairwell-select.tsx';

/** A stairwell's agreed floor coefficients and estimated lift cost, which the doorstep cost figure uses. */
export function CostsPanel({ stairwells }: { stairwells: { id: number; doorNumber: string }[] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useQueryClient();
  const [stairwellId, setStairwellId] = useState(stairwells[0]?.id ?? 0);
  const costs = useQuery({ ...trpc.canvass.costs.queryOptions({ stairwellId }), enabled: stairwellId > 0 });
  const save = useMutation(trpc.canvass.setCosts.mutationOptions({ onSuccess: () => client.invalidateQueries({ queryKey: trpc.canvass.pathKey() }) }));
  const [draft, setDraft] = useState<{ coefficients: string; lift: string } | null>(null);
  const shown = draft ?? (costs.data ? { coefficients: costs.data.coefficients.join(' '), lift: String(costs.data.liftCostYuan) } : null);
  return (
    <section className="staff-card">
      <h2>{t('staff.costs')}</h2>
      <label>
        {t('staff.stairwell')}
        <StairwellSelect
          stairwells={stairwells}
          value={stairwellId}
          onChange={(id) => {
            if (id === null) return;
            setStairwellId(id);
            setDraft(null);
          }}
        />
      </label>
      {shown && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ stairwellId, coefficients: shown.coefficients.split(/[\s,，]+/).filter(Boolean).map(Number), liftCostYuan: Number(shown.lift) });
          }}
        >
          <label>
            {t('staff.coefficients')}
            <input name="coefficients" value={shown.coefficients} onChange={(e) => setDraft({ ...shown, coefficients: e.target.value })} />
          </label>
          <label>
            {t('staff.liftCost')}
            <input name="liftCost" inputMode="numeric" value={shown.lift} onChange={(e) => setDraft({ ...shown, lift: e.target.value })} />
          </label>
          <button type="submit">{t('staff.saveCosts')}</button>
          {save.isSuccess && <span> {t('staff.saved')}</span>}
          {save.error && <p role="alert">{refusalText(save.error)}</p>}
        </form>
      )}
    </section>
  );
}
