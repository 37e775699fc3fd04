import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fenFromText, yuan } from '../../../geo/cost/index.ts';
import { repairApprovableFrom } from '../../../geo/lifecycle/index.ts';
import { refusalText } from '../../hooks/use-problem-text.ts';
import { useTRPC } from '../../trpc.ts';

/**
 * 维修资金: a repair paid from the maintenance fund is posted to the owners, approved no sooner than 7 days after the
 * notice went up, then marked done. Also links to the lift's record (visits, faults) as its maintainer sees it.
 */
export function LiftRepairsPanel({ stairwellId, today }: { stairwellId: number; today: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useQueryClient();
  const lift = useQuery(trpc.upkeep.lift.queryOptions({ stairwellId }));
  const refresh = () => void client.invalidateQueries(trpc.upkeep.pathFilter());
  const propose = useMutation(trpc.upkeep.proposeRepair.mutationOptions({ onSuccess: refresh }));
  const settle = useMutation(trpc.upkeep.settleRepair.mutationOptions({ onSuccess: refresh }));
  const [v, setV] = useState({ description: '', amount: '', noticedOn: today });
  const [badAmount, setBadAmount] = useState(false);
  const error = propose.error ?? settle.error;
  return (
    <section className="lift-repairs" data-testid="lift-repairs">
      <h4>{t('repairs.title')}</h4>
      <p>
        <a href={`/maintain?lift=${stairwellId}`}>{t('repairs.record')}</a>
      </p>
      <ul>
        {(lift.data?.repairs ?? []).map((r) => (
          <li key={r.id} data-repair={r.id}>
            {r.noticedOn} {r.description} {yuan(r.amountFen)} ·{' '}
            {r.doneOn
              ? t('repairs.done', { on: r.doneOn })
              : r.approvedOn
                ? t('repairs.approved', { on: r.approvedOn })
                : t('repairs.posted', { from: repairApprovableFrom(r.noticedOn) })}
            {!r.approvedOn && today >= repairApprovableFrom(r.noticedOn) && (
              <button type="button" onClick={() => settle.mutate({ repairId: r.id, approvedOn: today })}>
                {t('repairs.approve')}
              </button>
            )}
            {r.approvedOn && !r.doneOn && (
              <button type="button" onClick={() => settle.mutate({ repairId: r.id, doneOn: today })}>
                {t('repairs.markDone')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const amountFen = fenFromText(v.amount);
          setBadAmount(amountFen === null || amountFen <= 0);
          if (amountFen === null || amountFen <= 0) return;
          propose.mutate({ stairwellId, description: v.description, amountFen, noticedOn: v.noticedOn }, { onSuccess: () => setV({ ...v, description: '', amount: '' }) });
        }}
      >
        <label>
          {t('repairs.description')}
          <input name="repairDescription" required maxLength={200} value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} />
        </label>
        <label>
          {t('repairs.amount')}
          <input name="repairAmount" required inputMode="decimal" value={v.amount} onChange={(e) => setV({ ...v, amount: e.target.value })} />
        </label>
        <label>
          {t('repairs.noticedOn')}
          <input name="repairNoticedOn" type="date" required max={today} value={v.noticedOn} onChange={(e) => setV({ ...v, noticedOn: e.target.value })} />
        </label>
        <button type="submit" disabled={propose.isPending}>
          {t('repairs.post')}
        </button>
      </form>
      {badAmount && <p role="alert">{t('repairs.badAmount')}</p>}
      {error && !badAmount && <p role="alert">{refusalText(error)}</p>}
    </section>
  );
}
