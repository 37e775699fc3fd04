import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MONEY_ZH, SPLIT_ZH, yuan } from '../../geo/cost/index.ts';
import { LoadState } from '../components/load-state.tsx';
import { useTRPC } from '../trpc.ts';
import { PaperSheet } from './paper-sheet.tsx';

/**
 * 出资对账单: one A4 page per household: the split as agreed and signed, the flat's share, the subsidy it advances
 * until the subsidy arrives, every amount paid (date, kind, amount; never whose account), and what is outstanding or
 * owed back. Handed to the household; not posted.
 */
export function StatementPapers({ stairwellId, estate, origin, today }: { stairwellId: number; estate: string; origin: string; today: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const q = useQuery(trpc.money.ofStairwell.queryOptions({ stairwellId }));
  if (!q.data) return <LoadState error={q.error} refetch={() => void q.refetch()} />;
  const m = q.data;
  if (!m.ledger || !m.agreement) return <p className="paper-warning">{t('statement.noAgreement', { door: m.doorNumber })}</p>;
  const { agreement, ledger } = m;
  return (
    <>
      {ledger.lines.map((l) => (
        <section key={l.flatId} id={`flat-${l.flatId}`} data-testid="statement" data-room={l.room}>
          <PaperSheet estate={estate} door={m.doorNumber} title={t('statement.title', { room: l.room })} origin={origin} stairwellId={stairwellId} postedOn={today}>
            <p>{t('statement.split', { method: SPLIT_ZH[agreement.method], on: agreement.agreedOn, cost: yuan(agreement.liftCostFen), subsidy: yuan(ledger.subsidyExpectedFen) })}</p>
            <table className="paper-table">
              <tbody>
                <tr>
                  <th>{t('statement.due')}</th>
                  <td>{yuan(l.dueFen)}</td>
                </tr>
                <tr>
                  <th>{t('statement.advance')}</th>
                  <td>{m.subsidy?.receivedOn ? t('statement.advanceBack', { amount: yuan(l.advanceFen), on: m.subsidy.receivedOn }) : yuan(l.advanceFen)}</td>
                </tr>
                {l.hardshipFen > 0 && (
                  <tr>
                    <th>{t('statement.hardship')}</th>
                    <td>{yuan(l.hardshipFen)}</td>
                  </tr>
                )}
              </tbody>
            </table>
            <h2>{t('statement.payments')}</h2>
            <table className="paper-table" data-testid="statement-payments">
              <thead>
                <tr>
                  <th>{t('statement.on')}</th>
                  <th>{t('statement.kind')}</th>
                  <th>{t('statement.amount')}</th>
                </tr>
              </thead>
              <tbody>
                {m.entries
                  .filter((e) => e.flatId === l.flatId && e.kind !== 'hardship')
                  .map((e) => (
                    <tr key={e.id}>
                      <td>{e.on}</td>
                      <td>{MONEY_ZH[e.kind]}</td>
                      <td>{yuan(e.amountFen)}</td>
                    </tr>
                  ))}
                <tr>
                  <th colSpan={2}>{t('statement.paid')}</th>
                  <th>{yuan(l.paidFen)}</th>
                </tr>
              </tbody>
            </table>
            {m.maintenance && (
              <p data-testid="statement-maintenance">{t('statement.maintenance', { fee: yuan(m.maintenance.byFlat[l.flatId] ?? 0), maintainer: m.maintenance.maintainer, price: yuan(m.maintenance.priceFenPerYear) })}</p>
            )}
            <p className="paper-result" data-testid="statement-balance">
              {l.refundFen > 0 ? t('statement.refund', { amount: yuan(l.refundFen) }) : l.outstandingFen > 0 ? t('statement.outstanding', { amount: yuan(l.outstandingFen) }) : t('statement.settled')}
            </p>
          </PaperSheet>
        </section>
      ))}
    </>
  );
}
