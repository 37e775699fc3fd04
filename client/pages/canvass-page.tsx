import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUS_PALETTE } from '../../geo/palette/index.ts';
import { LoginForm } from '../components/canvass/login-form.tsx';
import { StairwellList } from '../components/canvass/stairwell-list.tsx';
import { StairwellView } from '../components/canvass/stairwell-view.tsx';
import { SessionHeader } from '../components/session-header.tsx';
import { useSession } from '../hooks/use-session.ts';
import { useVisitQueue } from '../hooks/use-visit-queue.ts';
import type { Role } from '../../server/auth/roles.ts';

const idParam = (search: URLSearchParams, key: string) => {
  const n = Number(search.get(key));
  return Number.isInteger(n) && n > 0 ? n : null;
};

/** 掌上走访: phone first, from 360 px wide. `?stairwell=S&flat=F` (the QR code on a 征询意见表) opens that flat's form. */
export function CanvassPage({ search }: { search: URLSearchParams }) {
  const { t } = useTranslation();
  const session = useSession();
  const [stairwell, setStairwell] = useState<number | null>(() => idParam(search, 'stairwell'));
  const [flat] = useState(() => idParam(search, 'flat'));
  if (session.loading) return <p className="load-state">{t('state.loading')}</p>;
  return (
    <div className="canvass">
      <SessionHeader title={t('canvass.title')} session={session} />
      {session.user ? (
        <SignedIn name={session.user.canvasserName ?? session.user.username} role={session.user.role} stairwell={stairwell} setStairwell={setStairwell} flat={flat} />
      ) : (
        <LoginForm session={session} />
      )}
    </div>
  );
}

function SignedIn({ name, role, stairwell, setStairwell, flat }: { name: string; role: string; stairwell: number | null; setStairwell: (id: number | null) => void; flat: number | null }) {
  const { t, i18n } = useTranslation();
  const queue = useVisitQueue();
  const waiting = queue.pending.filter((v) => v.state === 'queued');
  const { saved, dismissSaved } = queue;
  // A confirmation stays a few seconds; one that reached the rule stays longer.
  useEffect(() => {
    if (!saved) return;
    const timer = setTimeout(dismissSaved, saved.ruleMet ? 12_000 : 4_000);
    return () => clearTimeout(timer);
  }, [saved, dismissSaved]);
  return (
    <>
      <p className="hello">{t('canvass.hello', { name, role: t(`userRoles.${role as Role}`) })}</p>
      {queue.offline && (
        <p className="offline" role="alert" data-testid="offline">
          {t('canvass.offline')}
        </p>
      )}
      {saved && (
        <p className={saved.ruleMet ? 'saved rule-met' : 'saved'} role="status" data-testid={saved.ruleMet ? 'saved-rule-met' : 'saved'}>
          {saved.ruleMet ? t('canvass.savedRuleMet', { door: saved.door ?? '' }) : t('canvass.saved', { label: saved.label, status: i18n.language === 'en' ? STATUS_PALETTE[saved.status].en : STATUS_PALETTE[saved.status].zh })}
          {saved.evidence && ` ${t(`evidence.saved.${saved.evidence}`)}`}
        </p>
      )}
      {waiting.length > 0 && (
        <p className="queue" data-testid="queue">
          {t('canvass.queued', { count: waiting.length })}
        </p>
      )}
      {queue.pending
        .filter((v) => v.state === 'refused')
        .map((v) => (
          <p key={v.input.clientId} className="refused" role="alert">
            {v.label}: {t('canvass.refused', { error: v.error ?? '' })}{' '}
            <button type="button" onClick={() => void queue.discard(v.input.clientId)}>
              {t('canvass.discard')}
            </button>
          </p>
        ))}
      {stairwell === null ? <StairwellList onOpen={setStairwell} /> : <StairwellView stairwellId={stairwell} initialFlat={flat} pending={queue.pending} onBack={() => setStairwell(null)} onRecord={queue.record} />}
    </>
  );
}
