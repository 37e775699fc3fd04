import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VOTE_ZH } from '../../../geo/evidence/index.ts';
import { useTRPC } from '../../trpc.ts';
import { StairwellSelect } from './stairwell-select.tsx';

/**
 * A stairwell's written record for a dispute: every piece of evidence ever
 * recorded (verified, waiting, sent back and why), who recorded and who
 * reviewed it, its files on request, and every opening of them.
 */
export function StairwellEvidence({ stairwells }: { stairwells: readonly { id: number; doorNumber: string }[] }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const [id, setId] = useState<number | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const record = useQuery({ ...trpc.evidence.ofStairwell.queryOptions({ stairwellId: id ?? 1 }), enabled: id !== null });
  const d = id !== null ? record.data : undefined;
  return (
    <details className="stairwell-evidence" data-testid="stairwell-evidence">
      <summary>{t('evidence.record.title')}</summary>
      <label>
        {t('evidence.record.pick')}{' '}
        <StairwellSelect name="recordStairwell" stairwells={stairwells} value={id} onChange={setId} none />
      </label>
      {d && d.evidence.length === 0 && <p>{t('evidence.record.none', { door: d.doorNumber })}</p>}
      {d && d.evidence.length > 0 && (
        <table className="evidence-summary">
          <thead>
            <tr>
              <th>{t('evidence.record.room')}</th>
              <th>{t('evidence.review.vote')}</th>
              <th>{t('evidence.review.method')}</th>
              <th>{t('evidence.record.recorded')}</th>
              <th>{t('evidence.record.review')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {d.evidence.map((e) => (
              <tr key={e.id} data-room={e.room} data-review={e.review}>
                <th scope="row">{e.room}</th>
                <td>{i18n.language === 'en' ? e.vote : VOTE_ZH[e.vote]}</td>
                <td>{t(`evidence.methods.${e.method}`)}</td>
                <td>
                  {e.recordedAt.slice(0, 16).replace('T', ' ')} · {e.recordedBy}
                </td>
                <td>
                  {t(`evidence.record.reviews.${e.review}`)}
                  {e.reviewedBy && ` · ${e.reviewedBy} ${e.reviewedAt?.slice(0, 10) ?? ''}`}
                  {e.reviewNote && ` · ${e.reviewNote}`}
                </td>
                <td>
                  {e.archiveLocation ? (
                    <span className="evidence-archive">{t('evidence.record.archived', { where: e.archiveLocation })}</span>
                  ) : open === e.id ? (
                    <span className="evidence-files">
                      {e.hasSignature && <img src={`/api/evidence/${e.id}/signature`} alt={t('evidence.review.signature')} />}
                      {e.hasPhoto && <img src={`/api/evidence/${e.id}/photo`} alt={t('evidence.review.photo')} />}
                    </span>
                  ) : (
                    <button type="button" onClick={() => setOpen(e.id)}>
                      {t('evidence.review.show')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {d && d.access.length > 0 && (
        <>
          <h3>{t('evidence.record.access')}</h3>
          <ul data-testid="evidence-access">
            {d.access.map((a, i) => (
              <li key={i}>
                {a.at.slice(0, 16).replace('T', ' ')} · {a.who} · {a.room} · {t(`evidence.review.${a.part}`)}
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
