import { useTranslation } from 'react-i18next';
import type { ComputedPlan } from '../../wire.ts';

type Score = ComputedPlan['score'];

/** The three goals side by side: naive plan, planner, after moves, and a compared scenario. */
export function PlanScores({ plan, compare }: { plan: ComputedPlan; compare: { name: string; plan: ComputedPlan } | null }) {
  const { t } = useTranslation();
  const columns: { key: string; label: string; score: Score }[] = [
    { key: 'naive', label: t('plan.naive'), score: plan.naiveScore },
    { key: 'planner', label: t('plan.planner'), score: plan.plannerScore },
    ...(plan.moves.length ? [{ key: 'moves', label: t('plan.afterMoves'), score: plan.score }] : []),
    ...(compare ? [{ key: 'compare', label: compare.name, score: compare.plan.score }] : []),
  ];
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  return (
    <table className="plan-scores" data-testid="plan-scores">
      <thead>
        <tr>
          <th>{t('plan.scores')}</th>
          {columns.map((c) => (
            <th key={c.key}>{c.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr data-score="weighted">
          <th>{t('plan.weighted')}</th>
          {columns.map((c) => (
            <td key={c.key}>{fmt(c.score.weightedCompletion)}</td>
          ))}
        </tr>
        <tr data-score="split">
          <th>{t('plan.split')}</th>
          {columns.map((c) => (
            <td key={c.key}>{c.score.buildingsSplit}</td>
          ))}
        </tr>
        <tr data-score="parking">
          <th>{t('plan.peakParking')}</th>
          {columns.map((c) => (
            <td key={c.key}>{c.score.peakParkingLost}</td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
