import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chosenEstateId } from '../../estate-choice.ts';
import { useTRPC } from '../../trpc.ts';

/**
 * 今日回访: the flats this canvasser should call on today or is late for, those that would make their stairwell pass
 * first. A tap opens the flat in its stairwell. Rooms, days and reasons; no names. When the list spans several party
 * groups (staff see the estate's), each flat names its group and the list can be narrowed to one group's.
 */
export function FollowUpList({ onOpen }: { onOpen: (stairwellId: number, flatId: number) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const due = useQuery(trpc.canvass.followUps.queryOptions({ estateId: chosenEstateId() ?? undefined }));
  const [group, setGroup] = useState('');
  if (!due.data) return null;
  const groups = [...new Set(due.data.flatMap((f) => f.partyGroups))].sort((a, b) => a.localeCompare(b, 'zh'));
  const shown = group ? due.data.filter((f) => f.partyGroups.includes(group)) : due.data;
  return (
    <section className="follow-ups" data-testid="follow-ups">
      <h2>{t('followUps.title', { count: shown.length })}</h2>
      {groups.length > 1 && (
        <label className="follow-up-group">
          {t('followUps.group')}
          <select name="followUpGroup" value={group} onChange={(e) => setGroup(e.target.value)}>
            <option value="">{t('followUps.allGroups')}</option>
            {groups.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
      )}
      {shown.length === 0 && <p className="hint">{t('followUps.none')}</p>}
      <ul className="stairwell-list">
        {shown.map((f) => (
          <li key={f.flatId} data-flat={f.flatId} className={f.overdue ? 'overdue' : ''}>
            <button type="button" onClick={() => onOpen(f.stairwellId, f.flatId)}>
              <strong>
                {f.doorNumber} {f.room}
              </strong>{' '}
              <span>
                {f.overdue ? t('followUps.overdue', { date: f.nextVisitOn }) : t('followUps.today')}
                {f.inMinimalSet && ` · ${t('followUps.passes')}`}
                {f.reason && ` · ${f.reason}`}
                {groups.length > 1 && f.partyGroups.length > 0 && ` · ${f.partyGroups.join('、')}`}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
