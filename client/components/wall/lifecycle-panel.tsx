import { useTranslation } from 'react-i18next';
import { LIFT_HEALTH, type LifecycleSummary } from '../../../geo/lifecycle/index.ts';
import { HEALTH_PALETTE } from '../../../geo/palette/index.ts';

/**
 * The wall after handover: lifts in service, visits this month, open faults and the mean arrival time, and each health
 * colour the map uses with its count. Counts and minutes only, never a name.
 */
export function LifecyclePanel({ summary }: { summary: LifecycleSummary }) {
  const { t, i18n } = useTranslation();
  const shown = LIFT_HEALTH.filter((h) => summary.byHealth[h] > 0);
  return (
    <section className="wall-card lifecycle" aria-label={t('lifecycle.title')} data-testid="lifecycle">
      <p className="lifecycle-figures">
        <span>
          {t('lifecycle.title')} <b>{summary.inService}</b> {t('lifecycle.lifts')}
        </span>
        <span>
          {t('lifecycle.visits')} <b>{summary.visitsThisMonth}</b> {t('lifecycle.times')}
        </span>
        <span className={summary.openFaults ? 'alert' : ''}>
          {t('lifecycle.openFaults')} <b>{summary.openFaults}</b>
        </span>
        <span>
          {t('lifecycle.arrival')} <b>{summary.meanArrivalMinutes ?? '—'}</b> {t('lifecycle.minutes')}
        </span>
      </p>
      <ul className="lifecycle-health">
        {shown.map((h) => (
          <li key={h} data-health={h}>
            <span className="swatch" style={{ background: HEALTH_PALETTE[h].color }} />
            {i18n.language === 'en' ? HEALTH_PALETTE[h].en : HEALTH_PALETTE[h].zh} <b>{summary.byHealth[h]}</b>
          </li>
        ))}
      </ul>
    </section>
  );
}
