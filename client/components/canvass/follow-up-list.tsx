import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { chosenEstateId } from '../../estate-choice.ts';
import { useTRPC } from '../../trpc.ts';

/**
 * 今日回访: the flats this canvasser should call on today or is late for, those that would make their stairwell pass
 * first. A tap opens the flat in its stairwell. Rooms, days and reasons; no names.
 */
export function FollowUpList({ onOpen }: { onOpen: (stairwellId: number, flatId: number) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const due = useQuery(trpc.canvass.followUps.queryOptions({ estateId: chosenEstateId() ?? undefined }));
  if (!due.data) return null;
  return (
    <section className="follow-ups" data-testid="follow-ups">
      <h2>{t('followUps.title', { count: due.data.length })}</h2>
      {due.data.length === 0 && <p className="hint">{t('followUps.none')}</p>}
      <ul className="stairwell-list">
        {due.data.map((f) => (
          <li key={f.flatId} data-flat={f.flatId} className={f.overdue ? 'overdue' : ''}>
            <button type="button" onClick={() => onOpen(f.stairwellId, f.flatId)}>
              <strong>
                {f.doorNumber} {f.room}
              </strong>{' '}
              <span>
                {f.overdue ? t('followUps.overdue', { date: f.nextVisitOn }) : t('followUps.today')}
                {f.inMinimalSet && ` · ${t('followUps.passes')}`}
                {f.reason && ` · ${f.reason}`}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
