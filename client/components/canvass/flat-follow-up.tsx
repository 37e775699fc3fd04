import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONCERN_ZH, WHAT_WORKED_ZH, type WhatWorked } from '../../../geo/register/index.ts';
import { STATUS_PALETTE } from '../../../geo/palette/index.ts';
import { TEAM_POST_ZH } from '../../../geo/team/index.ts';
import { addDays } from '../../../geo/time/index.ts';
import { refusalText } from '../../hooks/use-problem-text.ts';
import { useTRPC } from '../../trpc.ts';

type Who = 'anyone' | 'team' | 'person' | 'stop';

/**
 * A flat's history on the phone (who came, when, what was said, what the household worried about, what worked) and
 * who should call next: anyone of the stairwell, one of the people behind it (its 楼组长, a party member, its service
 * team), someone the household trusts described in words, or nobody (不再上门).
 */
export function FlatFollowUp({ flatId }: { flatId: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useQueryClient();
  const history = useQuery(trpc.canvass.flatHistory.queryOptions({ flatId }));
  const save = useMutation(
    trpc.canvass.setFollowUp.mutationOptions({
      onSuccess: () => void Promise.all([client.invalidateQueries(trpc.canvass.followUps.pathFilter()), client.invalidateQueries(trpc.canvass.flatHistory.pathFilter())]),
    }),
  );
  const [who, setWho] = useState<Who>('anyone');
  const [person, setPerson] = useState('');
  const [member, setMember] = useState<number | null>(null);
  // Three days after the server's today until the canvasser picks a day.
  const [picked, setOn] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  if (!history.data) return null;
  const h = history.data;
  const { today } = h;
  const on = picked ?? addDays(today, 3);
  return (
    <section className="flat-follow-up" data-testid="flat-history">
      <h3>{t('followUps.history', { room: h.room })}</h3>
      {h.doNotContactOn && <p className="alert">{t('followUps.stopped', { on: h.doNotContactOn })}</p>}
      {(h.nextVisitOn || h.nextVisitorNote) && !h.doNotContactOn && (
        <p data-testid="next-visit">{t('followUps.next', { on: h.nextVisitOn ?? '—', who: h.nextVisitorNote ?? h.nextVisitor?.name ?? t('followUps.anyone') })}{h.nextVisitReason ? ` · ${h.nextVisitReason}` : ''}</p>
      )}
      <ol className="visit-history">
        {h.visits.map((v, i) => (
          <li key={i}>
            {v.at.slice(5, 16).replace('T', ' ')} {v.canvasser ?? ''} · {STATUS_PALETTE[v.statusAfter].zh}
            {v.concerns.length > 0 && ` · ${v.concerns.map((c) => CONCERN_ZH[c]).join('、')}`}
            {v.note && ` · ${v.note}`}
            {v.whatWorked && ` · ${t('followUps.worked')}${v.whatWorked.map((w) => WHAT_WORKED_ZH[w as WhatWorked]).join('、')}${v.whatWorkedNote ? `（${v.whatWorkedNote}）` : ''}`}
          </li>
        ))}
        {h.visits.length === 0 && <li>{t('followUps.noVisits')}</li>}
      </ol>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ flatId, doNotContact: who === 'stop', nextVisitOn: who === 'stop' ? undefined : on, visitor: who === 'person' ? { kind: 'person', note: person } : who === 'team' && member !== null ? { kind: 'canvasser', canvasserId: member } : { kind: 'anyone' }, reason: reason || undefined });
        }}
      >
        <fieldset>
          <legend>{t('followUps.whoNext')}</legend>
          {(['anyone', ...(h.team.length ? (['team'] as const) : []), 'person', 'stop'] as const).map((k) => (
            <label key={k}>
              <input type="radio" name="nextWho" value={k} checked={who === k} onChange={() => setWho(k)} /> {t(`followUps.who.${k}`)}
            </label>
          ))}
        </fieldset>
        {who === 'team' && (
          <label>
            {t('followUps.member')}
            <select name="nextMember" required value={member ?? ''} onChange={(e) => setMember(e.target.value ? Number(e.target.value) : null)}>
              <option value="">—</option>
              {h.team.map((m) => (
                <option key={m.canvasserId} value={m.canvasserId}>
                  {m.name}（{m.posts.map((p) => TEAM_POST_ZH[p]).join('、')}）
                </option>
              ))}
            </select>
          </label>
        )}
        {who === 'person' && (
          <label>
            {t('followUps.person')}
            <input name="nextPerson" required maxLength={60} placeholder={t('followUps.personExample')} value={person} onChange={(e) => setPerson(e.target.value)} />
          </label>
        )}
        {who !== 'stop' && (
          <label>
            {t('followUps.on')}
            <input type="date" name="nextOn" min={today} value={on} onChange={(e) => setOn(e.target.value)} />
          </label>
        )}
        <label>
          {t('followUps.reason')}
          <input name="nextReason" maxLength={100} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <button type="submit" disabled={save.isPending}>
          {t('followUps.save')}
        </button>
        {save.data && <p role="status" data-testid="follow-up-saved">{t('followUps.saved', { room: save.data.room })}</p>}
        {save.error && <p role="alert">{refusalText(save.error)}</p>}
      </form>
    </section>
  );
}
