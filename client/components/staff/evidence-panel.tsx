import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VOTE_ZH } from '../../../geo/evidence/index.ts';
import { useTRPC } from '../../trpc.ts';
import { PaperOriginals } from './paper-originals.tsx';
import { StairwellEvidence } from './stairwell-evidence.tsx';
import type { EvidenceQueue } from '../../wire.ts';
import { refusalText } from '../../hooks/use-problem-text.ts';

type Pending = EvidenceQueue['pending'][number];

/**
 * 表决核验: every written vote waiting for staff, with the register's voter to
 * compare it against, its files on request (each opening is logged), three
 * checks to tick before verifying, or a reason to send it back; and per
 * stairwell still canvassing, which counted votes are verified, waiting or
 * without evidence (confirming 征询通过 needs all verified); and any
 * stairwell's whole written record, for a dispute.
 */
export function EvidencePanel({ estateId, stairwells }: { estateId: number; stairwells: readonly { id: number; doorNumber: string }[] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queue = useQuery(trpc.evidence.queue.queryOptions({ estateId }));
  const d = queue.data;
  return (
    <section className="staff-card evidence-review" data-testid="evidence-review">
      <h2>{t('evidence.review.title')}</h2>
      {d && d.pending.length === 0 && <p>{t('evidence.review.none')}</p>}
      <ul className="evidence-list">
        {(d?.pending ?? []).map((e) => (
          <EvidenceItem key={e.id} e={e} estateId={estateId} />
        ))}
      </ul>
      {d && d.stairwells.length > 0 && (
        <details className="evidence-summary-box">
          <summary>{t('evidence.review.summaryLine', { doors: d.stairwells.length, missing: d.stairwells.reduce((n, s) => n + s.missing.length, 0), pending: d.stairwells.reduce((n, s) => n + s.pending.length, 0) })}</summary>
          <table className="evidence-summary">
            <caption>{t('evidence.review.summary')}</caption>
            <thead>
              <tr>
                <th>{t('evidence.review.door')}</th>
                <th>{t('evidence.review.counted')}</th>
                <th>{t('evidence.review.verified')}</th>
                <th>{t('evidence.review.pending')}</th>
                <th>{t('evidence.review.missing')}</th>
              </tr>
            </thead>
            <tbody>
              {d.stairwells.map((s) => (
                <tr key={s.stairwellId} data-door={s.doorNumber}>
                  <th scope="row">{s.doorNumber}</th>
                  <td>{s.counted}</td>
                  <td>{s.verified}</td>
                  <td>{s.pending.join('、') || '—'}</td>
                  <td>{s.missing.join('、') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <PaperOriginals estateId={estateId} stairwells={stairwells} />
      <StairwellEvidence stairwells={stairwells} />
      {d && d.rejected.length > 0 && (
        <details>
          <summary>{t('evidence.review.rejected')}</summary>
          <ul>
            {d.rejected.slice(0, 20).map((r) => (
              <li key={r.id}>
                {r.doorNumber} {r.room} · {r.note} · {r.at?.slice(0, 16).replace('T', ' ')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function EvidenceItem({ e, estateId }: { e: Pending; estateId: number }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const client = useQueryClient();
  const [shown, setShown] = useState(false);
  const [checks, setChecks] = useState({ voterMatches: false, legible: false, dated: false });
  const [reason, setReason] = useState('');
  const review = useMutation(trpc.evidence.review.mutationOptions({ onSuccess: () => client.invalidateQueries({ queryKey: trpc.evidence.queue.queryKey({ estateId }) }) }));
  const allChecked = checks.voterMatches && checks.legible && checks.dated;
  return (
    <li className="evidence-item" data-room={e.room} data-door={e.doorNumber}>
      <p>
        <strong>
          {e.doorNumber} {e.room}
        </strong>{' '}
        · {e.floor}F · {e.areaM2 === null ? '—' : `${e.areaM2.toFixed(2)} m²`} · {t('evidence.review.vote')}：<strong>{i18n.language === 'en' ? e.vote : VOTE_ZH[e.vote]}</strong>
      </p>
      <p>
        {t('evidence.review.voter')}：<strong data-testid="register-voter">{e.voterName ?? '—'}</strong>（{e.voterExternalId}） · {t('evidence.review.method')}：{t(`evidence.methods.${e.method}`)} ·{' '}
        {t('evidence.review.recorded', { at: e.recordedAt.slice(0, 16).replace('T', ' '), who: e.canvasser ?? e.recordedBy })}
      </p>
      <p className="consent-text">{e.consentText}</p>
      {!shown ? (
        <button type="button" onClick={() => setShown(true)}>
          {t('evidence.review.show')}
        </button>
      ) : (
        <div className="evidence-files">
          {e.hasSignature && <img src={`/api/evidence/${e.id}/signature`} alt={t('evidence.review.signature')} data-testid="evidence-signature" />}
          {e.hasPhoto && <img src={`/api/evidence/${e.id}/photo`} alt={t('evidence.review.photo')} data-testid="evidence-photo-view" />}
        </div>
      )}
      <div className="evidence-checks">
        {(['voterMatches', 'legible', 'dated'] as const).map((k) => (
          <label key={k} className="chip">
            <input type="checkbox" name={k} checked={checks[k]} onChange={() => setChecks({ ...checks, [k]: !checks[k] })} /> {t(`evidence.review.${k}`)}
          </label>
        ))}
        <button type="button" className="primary" disabled={!allChecked || review.isPending} onClick={() => review.mutate({ evidenceId: e.id, verdict: 'verified', checks: { voterMatches: true, legible: true, dated: true } })}>
          {t('evidence.review.verify')}
        </button>
      </div>
      <div className="evidence-reject">
        <input aria-label={t('evidence.review.reason')} placeholder={t('evidence.review.reason')} value={reason} maxLength={200} onChange={(ev) => setReason(ev.target.value)} />
        <button type="button" disabled={reason.trim().length < 2 || review.isPending} onClick={() => review.mutate({ evidenceId: e.id, verdict: 'rejected', note: reason.trim() })}>
          {t('evidence.review.reject')}
        </button>
      </div>
      {review.error && <p role="alert">{refusalText(review.error)}</p>}
    </li>
  );
}
