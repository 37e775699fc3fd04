import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Live } from '../../hooks/use-live.ts';
import { useNow } from '../../hooks/use-now.ts';
import { LanguageToggle } from '../language-toggle.tsx';

const clock = (ms: number, lang: string) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric', weekday: 'short' }).format(ms);
const time = (ms: number) => new Date(ms).toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });

/**
 * Title, Shanghai date and clock, and the line's health: live or reconnecting,
 * when the server last answered, and a plain amber bar once that is too long ago.
 */
export function WallTopBar({ title, live, staleAfterMs, kiosk, picker }: { title: string; live: Live; staleAfterMs: number; kiosk: boolean; picker?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const stale = !live.lastHeard || now - live.lastHeard > staleAfterMs;
  return (
    <header className={`wall-top${stale ? ' stale' : ''}`}>
      <h1>{title}</h1>
      <p className={`connection ${live.connected && !stale ? 'ok' : 'stale'}`} data-testid="connection" role="status">
        <span className="dot" aria-hidden />
        {/* Stale is said once, plainly: never beside 实时连接. */}
        {stale ? <strong data-testid="stale">{t('wall.staleLine')}</strong> : live.connected ? t('live.connected') : t('live.reconnecting')} ·{' '}
        {t('live.lastHeard', { time: live.lastHeard ? time(live.lastHeard) : '—' })}
      </p>
      <p className="clock" data-testid="clock">
        <span>{clock(now, i18n.language)}</span> <time>{time(now)}</time>
      </p>
      {!kiosk && picker}
      {!kiosk && <LanguageToggle />}
    </header>
  );
}
