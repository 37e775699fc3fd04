import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc.ts';
import { refusalText } from '../../hooks/use-problem-text.ts';

/** Flagged visits (far from the door, or in a burst): a staff member accepts or rejects each. */
export function ReviewPanel() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useQueryClient();
  const flagged = useQuery(trpc.canvass.flaggedVisits.queryOptions());
  const review = useMutation(trpc.canvass.reviewVisit.mutationOptions({ onSuccess: () => client.invalidateQueries({ queryKey: trpc.canvass.flaggedVisits.queryKey() }) }));
  return (
    <section className="staff-card">
      <h2>{t('staff.flagged')}</h2>
      {(flagged.data ?? []).length === 0 && <p>{t('staff.noFlagged')}</p>}
      <ul data-testid="flagged">
        {(flagged.data ?? []).map((v) => (
          <li key={v.id}>
            {v.at.slice(0, 16).replace('T', ' ')} · {v.doorNumber} {v.room} · {v.flag}{' '}
            <button type="button" onClick={() => review.mutate({ visitId: v.id, accept: true })}>
              {t('staff.accept')}
            </button>{' '}
            <button type="button" onClick={() => review.mutate({ visitId: v.id, accept: false })}>
              {t('staff.reject')}
            </button>
          </li>
        ))}
      </ul>
      {review.error && <p role="alert">{refusalText(review.error)}</p>}
    </section>
  );
}
