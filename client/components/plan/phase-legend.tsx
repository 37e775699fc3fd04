import { useTranslation } from 'react-i18next';
import { phaseColor, phaseTextColor } from '../../../geo/palette/index.ts';
import { monthLabel } from '../../i18n/format-when.ts';
import type { ComputedPlan } from '../../wire.ts';

/** Which colour is which batch: its number (as on the map), the month it starts, how many stairwells. */
export function PhaseLegend({ plan, selectedPhase, onSelectPhase }: { plan: ComputedPlan; selectedPhase: number | null; onSelectPhase: (phase: number) => void }) {
  const { t, i18n } = useTranslation();
  if (plan.phases.length === 0) return null;
  return (
    <section className="phase-legend" aria-label={t('plan.legend')} data-testid="phase-legend">
      <h3>{t('plan.legend')}</h3>
      <ol>
        {plan.phases.map((p) => (
          <li key={p.index} data-phase={p.index} className={selectedPhase === p.index ? 'selected' : undefined}>
            <button type="button" onClick={() => onSelectPhase(p.index)} title={t('plan.phaseN', { n: p.index + 1 })}>
              <span className="swatch" style={{ background: phaseColor(p.index), color: phaseTextColor(p.index) }}>
                {p.index + 1}
              </span>
              <span>
                {monthLabel(p.startDate, i18n.language)} · {t('plan.sites', { count: p.stairwellIds.length })}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
