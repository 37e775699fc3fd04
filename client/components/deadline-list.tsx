import { useTranslation } from 'react-i18next';
import type { Deadline } from '../../geo/campaign/index.ts';
import { doorLabel } from '../../geo/estate/door-label.ts';

/** What is due (SPEC §4), overdue first: door numbers and dates only, so the wall may show it too. */
/** `short` drops the estate's name from door numbers, as the wall's map labels do. */
export function DeadlineList({ deadlines, testId, limit, short = false }: { deadlines: readonly Deadline[]; testId: string; limit?: number; short?: boolean }) {
  const { t, i18n } = useTranslation();
  const shown = limit === undefined ? deadlines : deadlines.slice(0, limit);
  return (
    <div className="deadlines" data-testid={testId}>
      <h3>
        {t('pipeline.deadlines', { count: deadlines.length })}
        {shown.length < deadlines.length && ` · ${t('pipeline.more', { count: deadlines.length - shown.length })}`}
      </h3>
      {shown.length === 0 ? (
        <p>{t('pipeline.noDeadlines')}</p>
      ) : (
        <ul>
          {shown.map((d) => (
            <li key={`${d.stairwellId}:${d.kind}`} data-kind={d.kind} data-door={d.doorNumber} className={d.overdue ? 'overdue' : undefined}>
              {short ? (i18n.language === 'en' ? d.en : d.zh).replace(d.doorNumber, doorLabel(d.doorNumber)) : i18n.language === 'en' ? d.en : d.zh}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
