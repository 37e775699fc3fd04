import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OBJECTION_OUTCOMES, type ObjectionOutcome } from '../../../geo/stages/index.ts';
import { useTRPC } from '../../trpc.ts';
import type { PipelineObjection, PipelineStairwell } from '../../wire.ts';
import { refusalText } from '../../hooks/use-problem-text.ts';

/**
 * 公示's written objections: from a room of the stairwell or a neighbour's address (with its distance), a letter with
 * its postmark (it counts, not the day it arrived); each resolved as withdrawn, mediated or overruled with a note.
 * Staff only.
 */
export function ObjectionsPanel({ stairwell: s, today }: { stairwell: PipelineStairwell; today: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [from, setFrom] = useState<'room' | 'neighbour'>('room');
  const [room, setRoom] = useState('');
  const [address, setAddress] = useState('');
  const [distance, setDistance] = useState('');
  const [content, setContent] = useState('');
  const [receivedOn, setReceivedOn] = useState(today);
  const [postmarkedOn, setPostmarkedOn] = useState('');
  const add = useMutation(trpc.stages.recordObjection.mutationOptions());
  return (
    <section className="objections" data-testid="objections">
      <h4>{t('pipeline.objections', { count: s.objections.filter((o) => o.status === 'mediating').length })}</h4>
      <ul>
        {s.objections.map((o) => (
          <ObjectionRow key={o.id} objection={o} today={today} />
        ))}
      </ul>
      {s.stage === 'public_notice' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const source = from === 'room' ? { room: room.trim() } : { fromAddress: address.trim(), distanceM: distance === '' ? undefined : Number(distance) };
            add.mutate(
              { stairwellId: s.id, ...source, content, receivedOn, postmarkedOn: postmarkedOn || undefined },
              { onSuccess: () => (setRoom(''), setAddress(''), setDistance(''), setContent(''), setPostmarkedOn('')) },
            );
          }}
        >
          <fieldset className="objection-from">
            <label>
              <input type="radio" name="objectionFrom" value="room" checked={from === 'room'} onChange={() => setFrom('room')} /> {t('pipeline.fromRoom')}
            </label>
            <label>
              <input type="radio" name="objectionFrom" value="neighbour" checked={from === 'neighbour'} onChange={() => setFrom('neighbour')} /> {t('pipeline.fromNeighbour')}
            </label>
          </fieldset>
          {from === 'room' ? (
            <label>
              {t('pipeline.objectionRoom')}
              <input name="objectionRoom" required maxLength={20} value={room} onChange={(e) => setRoom(e.target.value)} />
            </label>
          ) : (
            <>
              <label>
                {t('pipeline.objectionAddress')}
                <input name="objectionAddress" required maxLength={100} value={address} onChange={(e) => setAddress(e.target.value)} />
              </label>
              <label>
                {t('pipeline.objectionDistance')}
                <input type="number" name="objectionDistance" required min={0} max={2000} value={distance} onChange={(e) => setDistance(e.target.value)} />
              </label>
            </>
          )}
          <label>
            {t('pipeline.objectionContent')}
            <input name="objectionContent" required maxLength={1000} value={content} onChange={(e) => setContent(e.target.value)} />
          </label>
          <label>
            {t('pipeline.objectionOn')}
            <input type="date" name="objectionOn" required value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} />
          </label>
          <label>
            {t('pipeline.objectionPostmark')}
            <input type="date" name="objectionPostmark" value={postmarkedOn} onChange={(e) => setPostmarkedOn(e.target.value)} />
          </label>
          <button type="submit" disabled={add.isPending}>
            {t('pipeline.objectionAdd')}
          </button>
          {add.error && <p role="alert">{refusalText(add.error)}</p>}
        </form>
      )}
    </section>
  );
}

function ObjectionRow({ objection: o, today }: { objection: PipelineObjection; today: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [outcome, setOutcome] = useState<ObjectionOutcome>('mediated');
  const [note, setNote] = useState('');
  const resolve = useMutation(trpc.stages.resolveObjection.mutationOptions());
  return (
    <li data-objection={o.id} data-status={o.status}>
      <span>
        {o.room !== null ? t('pipeline.objectionLine', { room: o.room, on: o.receivedOn, content: o.content }) : t('pipeline.neighbourLine', { address: o.fromAddress, distance: o.distanceM, on: o.receivedOn, content: o.content })}
        {o.postmarkedOn ? ` · ${t('pipeline.postmarked', { on: o.postmarkedOn })}` : ''} · <b>{t(`pipeline.outcome.${o.status}`)}</b>
        {o.note ? ` · ${o.note}` : ''}
        {o.bureauAnswer ? ` · ${t('pipeline.bureauAnswered', { answer: o.bureauAnswer })}` : ''}
      </span>
      {o.status === 'mediating' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            resolve.mutate({ objectionId: o.id, outcome, note: note.trim() || undefined, resolvedOn: today });
          }}
        >
          <select name="outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as ObjectionOutcome)}>
            {OBJECTION_OUTCOMES.map((x) => (
              <option key={x} value={x}>
                {t(`pipeline.outcome.${x}`)}
              </option>
            ))}
          </select>
          <input name="outcomeNote" maxLength={500} placeholder={t('pipeline.outcomeNote')} value={note} onChange={(e) => setNote(e.target.value)} />
          <button type="submit" disabled={resolve.isPending}>
            {t('pipeline.resolve')}
          </button>
          {resolve.error && <p role="alert">{refusalText(resolve.error)}</p>}
        </form>
      )}
    </li>
  );
}
