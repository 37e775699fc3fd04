import { useTranslation } from 'react-i18next';
import { STATUS_PALETTE } from '../../../geo/palette/index.ts';
import { doorLabel } from '../../../geo/estate/door-label.ts';
import type { Live } from '../../hooks/use-live.ts';
import { dayTimeLabel } from '../../i18n/format-when.ts';

/** The latest four: with the lifts and coverage lines above, a fifth would squeeze the progress chart. */
const SHOWN = 4;

/** The latest changes: day and time, door and floor, from → to. Never a name. */
export function WallFeed({ recent }: { recent: Live['recent'] }) {
  const { t, i18n } = useTranslation();
  const label = (s: string) => {
    const entry = STATUS_PALETTE[s as keyof typeof STATUS_PALETTE];
    return entry ? (i18n.language === 'en' ? entry.en : entry.zh) : s;
  };
  return (
    <section className="wall-card feed">
      <h2>{t('live.feed')}</h2>
      <ol data-testid="feed">
        {recent.slice(0, SHOWN).map((c) => (
          <li key={c.id} data-door={c.doorNumber}>
            <time dateTime={c.at}>{dayTimeLabel(c.at, i18n.language)}</time>
            <span>
              {doorLabel(c.doorNumber)} {t('live.floor', { floor: c.floor })}
            </span>
            <span className="change">
              {label(c.from)} → <span className="swatch" style={{ background: STATUS_PALETTE[c.to]?.color }} /> <b>{label(c.to)}</b>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
