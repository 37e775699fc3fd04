import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUS_PALETTE } from '../../geo/palette/index.ts';
import type { useLive } from '../hooks/use-live.ts';

type Live = ReturnType<typeof useLive>;
const STALE_MS = 90_000;

/** Connection state, the feed of recent changes (door and floor only) and the 包干竞赛 leaderboard. */
export function LivePanel({ live }: { live: Live }) {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const stale = !live.lastHeard || now - live.lastHeard > STALE_MS;
  const time = (ms: number) => (ms ? new Date(ms).toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }) : '—');
  const label = (s: string) => {
    const entry = STATUS_PALETTE[s as keyof typeof STATUS_PALETTE];
    return entry ? (i18n.language === 'en' ? entry.en : entry.zh) : s;
  };
  return (
    <section className="live-panel">
      <p className={`connection ${live.connected && !stale ? 'ok' : 'stale'}`} data-testid="connection">
        {live.connected ? t('live.connected') : t('live.reconnecting')} · {t('live.lastHeard', { time: time(live.lastHeard) })}
        {stale && ` · ${t('live.stale')}`}
      </p>
      <h3>{t('live.feed')}</h3>
      <ol className="feed" data-testid="feed">
        {live.recent.map((c) => (
          <li key={c.id}>
            <time>{c.at.slice(5, 16).replace('T', ' ')}</time> {c.doorNumber} {t('live.floor', { floor: c.floor })} {label(c.from)} → {label(c.to)}
          </li>
        ))}
      </ol>
      {live.leaderboard && (
        <>
          <h3>{t('live.leaderboard')}</h3>
          <ol className="leaderboard" data-testid="leaderboard">
            {live.leaderboard.groups.map((g) => (
              <li key={g.name}>
                {g.name} <strong>{g.signatures}</strong>
              </li>
            ))}
          </ol>
          <ol className="leaderboard people">
            {live.leaderboard.canvassers.slice(0, 5).map((c) => (
              <li key={c.canvasserId}>
                {c.name} <strong>{c.signatures}</strong>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
