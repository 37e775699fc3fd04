import { useTranslation } from 'react-i18next';
import type { Live } from '../../hooks/use-live.ts';

const SHOWN = 5;

/** 包干竞赛: signatures this week by party group and by canvasser, named by role and doors covered. */
export function WallLeaderboard({ board }: { board: Live['leaderboard'] }) {
  const { t } = useTranslation();
  if (!board) return <section className="wall-card leaderboard" />;
  return (
    <section className="wall-card leaderboard" data-testid="leaderboard">
      <h2>{t('wall.groups')}</h2>
      <ol>
        {board.groups.slice(0, SHOWN).map((g) => (
          <li key={g.name}>
            <span>{g.name}</span> <strong>{g.signatures}</strong>
          </li>
        ))}
      </ol>
      <h2>{t('wall.canvassers')}</h2>
      <ol>
        {board.canvassers.slice(0, SHOWN).map((c) => (
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
