import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUS_PALETTE } from '../../geo/palette/index.ts';
import { LoginForm } from '../components/canvass/login-form.tsx';
import { StairwellList } from '../components/canvass/stairwell-list.tsx';
import { StairwellView } from '../components/canvass/stairwell-view.tsx';
import { FollowUpList } from '../components/canvass/follow-up-list.tsx';
import { SessionHeader } from '../components/session-header.tsx';
import { useSession } from '../hooks/use-session.ts';
import { useVisitQueue } from '../hooks/use-visit-queue.ts';
import { offlineCopy } from '../canvass/offline-copy.ts';
import { unreachable, useOfflineCopy } from '../canvass/use-offline-copy.ts';
import { useAppUpdate } from '../canvass/use-app-update.ts';
import type { SessionUser } from '../wire.ts';

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
  // Without signal the phone's copy says who last signed in here (a canvasser only; it holds their registers).
  const me = useOfflineCopy('me', session.query, session.user?.id ?? null, session.user?.role === 'canvasser');
  const serverSaysNobody = session.query.data === null;
  useEffect(() => {
    void offlineCopy.prune();
    if (serverSaysNobody) void offlineCopy.clear();
  }, [serverSaysNobody]);
  const cut = unreachable(session.query);
  // When the signal returns, ask the server again who is signed in (it may have ended the session meanwhile).
  const { refetch } = session.query;
  useEffect(() => {
    const back = () => void refetch();
    window.addEventListener('online', back);
    return () => window.removeEventListener('online', back);
  }, [refetch]);
  const user = me.data ?? null;
  const updates = useAppUpdate();
  if (!user && cut) return <p className="load-state" role="alert">{t('canvass.offlineNoCopy')}</p>;
  if (session.loading && !me.fromCopy) return <p className="load-state">{t('state.loading')}</p>;
  return (
    <div className="canvass">
      <SessionHeader title={t('canvass.title')} session={session} signedIn={user !== null} />
      {updates.waiting && (
        <p className="app-update" role="status" data-testid="app-update">
          {t('canvass.updateReady')}{' '}
          <button type="button" onClick={updates.apply}>
            {t('canvass.updateNow')}
          </button>
        </p>
      )}
      {user ? (
        <SignedIn user={user} offline={me.fromCopy} stairwell={stairwell} setStairwell={setStairwell} flat={flat} />
      ) : (
        <LoginForm session={session} />
      )}
    </div>
  );
}

function SignedIn({ user, offline: readingCopy, stairwell, setStairwell, flat }: { user: SessionUser; offline: boolean; stairwell: number | null; setStairwell: (id: number | null) => void; flat: number | null }) {
  const { t, i18n } = useTranslation();
  const name = user.canvasserName ?? user.username;
  const role = user.role;
  const keep = role === 'canvasser';
  const queue = useVisitQueue();
  // The flat to open in the stairwell: from the QR code of its 征询意见表, or picked from 今日回访.
  const [openFlat, setOpenFlat] = useState<number | null>(flat);
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
      <p className="hello">{t('canvass.hello', { name, role: t(`userRoles.${role}`) })}</p>
      {(queue.offline || readingCopy) && (
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
      {stairwell === null ? (
        <>
          {!readingCopy && (
            <FollowUpList
              onOpen={(s, f) => {
                setOpenFlat(f);
                setStairwell(s);
              }}
            />
          )}
          <StairwellList onOpen={(s) => (setOpenFlat(null), setStairwell(s))} userId={user.id} keep={keep} />
        </>
      ) : (
        <StairwellView
          key={`${stairwell}-${openFlat ?? ''}`}
          stairwellId={stairwell}
          userId={user.id}
          keep={keep}
          initialFlat={openFlat}
          pending={queue.pending}
          onBack={() => setStairwell(null)}
          onRecord={queue.record}
        />
      )}
    </>
  );
}
