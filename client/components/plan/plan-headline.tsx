import { useTranslation } from 'react-i18next';
import { batchDelays } from '../../../geo/phasing/index.ts';
import { monthLabel } from '../../i18n/format-when.ts';
import type { ComputedPlan } from '../../wire.ts';

/** The plan in one line: when the last batch is done, and what the planner's manual moves delay. */
export function PlanHeadline({ plan }: { plan: ComputedPlan }) {
  const { t, i18n } = useTranslation();
  const delays = plan.moves.length ? batchDelays(plan.plannerPhaseStarts, plan.phases.map((p) => p.startDate)) : null;
  return (
    <div className="plan-headline">
      {plan.completionDate && (
        <p data-testid="plan-completes">
          <strong>{t('plan.completes', { month: monthLabel(plan.completionDate, i18n.language), date: plan.completionDate, phases: plan.phases.length })}</strong>
        </p>
      )}
      {delays && (
        <p className="violations" data-testid="plan-delays" role="status">
          {delays.first === delays.last
            ? t('plan.delaysOne', { first: delays.first + 1, days: delays.days })
            : t('plan.delays', { first: delays.first + 1, last: delays.last + 1, days: delays.days })}
        </p>
      )}
    </div>
  );
}
