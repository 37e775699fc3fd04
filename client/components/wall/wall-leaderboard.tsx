import { useTranslation } from 'react-i18next';
import type { Live } from '../../hooks/use-live.ts';
import { dayLabel } from '../../i18n/format-when.ts';

/**
 * The top of each board: as many lines (headings included) as the feed beside
 * it, so a busy week does not squeeze the progress chart above both.
 */
const SHOWN = { groups: 4, canvassers: 3 };

/** 包干竞赛: signatures this week by party group and by canvasser, named by role and doors covered. */
export function WallLeaderboard({ board }: { board: Live['leaderboard'] }) {
  const { t, i18n } = useTranslation();
  if (!board) return <section className="wall-card leaderboard" />;
  // An empty board says so, rather than showing two bare headings.
  const none = <p className="empty-note">{t('wall.noneThisWeek', { from: dayLabel(board.since, i18n.language) })}</p>;
  return (
    <section className="wall-card leaderboard" data-testid="leaderboard">
      <h2>{t('wall.groups')}</h2>
      {board.groups.length === 0 && none}
      <ol>
        {board.groups.slice(0, SHOWN.groups).map((g) => (
          <li key={g.name}>
            <span>{g.name}</span> <strong>{g.signatures}</strong>
          </li>
        ))}
      </ol>
      <h2>{t('wall.canvassers')}</h2>
      {board.canvassers.length === 0 && none}
      <ol>
        {board.canvassers.slice(0, SHOWN.canvassers).map((c) => (
          <li key={c.canvasserId}>
            <span>
              {t(`roles.${c.role}`)} · {c.doors}
            </span>{' '}
            <strong>{c.signatures}</strong>
          </li>
        ))}
      </ol>
    </section>
  );
}
