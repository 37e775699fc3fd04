import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consentText, EVIDENCE_STATE_ZH } from '../../../geo/evidence/index.ts';
import { STATUS_PALETTE } from '../../../geo/palette/index.ts';
import { shanghaiDay } from '../../../geo/time/index.ts';
import { useTRPC } from '../../trpc.ts';
import type { QueuedVisit } from '../../canvass/visit-queue.ts';
import { VisitForm } from './visit-form.tsx';
import { unreachable, useOfflineCopy } from '../../canvass/use-offline-copy.ts';
import { CopyLine } from './copy-line.tsx';
import { FlatFollowUp } from './flat-follow-up.tsx';
import type { StairwellRegister, VisitInput } from '../../wire.ts';
import { refusalText } from '../../hooks/use-problem-text.ts';

export type { StairwellRegister };

/** A stairwell on the phone: the floor × room grid to tap, and the flats that would tip it over. */
export function StairwellView({
  stairwellId,
  userId,
  keep,
  initialFlat = null,
  pending = [],
  onBack,
  onRecord,
}: {
  stairwellId: number;
  /** Who reads it, and whether the phone keeps a copy (a canvasser's own stairwell). */
  userId: number;
  keep: boolean;
  initialFlat?: number | null;
  /** Visits on this phone not yet sent: the grid shows their new status, marked as waiting. */
  pending?: readonly QueuedVisit[];
  onBack: () => void;
  onRecord: (input: VisitInput, label: string) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const query = useQuery(trpc.canvass.register.queryOptions({ stairwellId }));
  const reg = useOfflineCopy(`register:${stairwellId}`, query, userId, keep);
  const [open, setOpen] = useState<number | null>(initialFlat);
  if (!reg.data) return <p>{query.error && !unreachable(query) ? refusalText(query.error) : unreachable(query) ? t('canvass.noCopy') : t('state.loading')}</p>;
  const d = reg.data;
  const todo = new Set(d.evaluation.complete ? d.evaluation.todo.map((f) => f.flatId) : []);
  const floors = [...new Set(d.register.map((f) => f.floor))].sort((a, b) => b - a);
  const flat = d.register.find((f) => f.id === open);
  // The newest queued visit of each flat, newest last in the queue.
  const waiting = new Map(pending.filter((v) => v.state === 'queued').map((v) => [v.input.flatId, v.input.status]));
  return (
    <section className="stairwell-view">
      <button type="button" onClick={onBack}>
        {t('canvass.back')}
      </button>
      <h2>{d.doorNumber}</h2>
      <CopyLine shown={reg} />
      <table className="flat-grid phone" data-testid="canvass-grid">
        <tbody>
          {floors.map((floor) => (
            <tr key={floor}>
              <th scope="row">{floor}F</th>
              {d.register
                .filter((f) => f.floor === floor)
                .map((f) => {
                  const queued = waiting.get(f.id);
                  const status = queued ?? f.status;
                  // 待补证 / 待核验 on a written vote the server has (a queued one shows 待发送).
                  const evidence = !queued && (f.evidence === 'missing' || f.evidence === 'pending') ? f.evidence : null;
                  return (
                    <td
                      key={f.id}
                      className={[todo.has(f.id) ? 'to-sign' : '', queued ? 'waiting' : ''].join(' ').trim() || undefined}
                      style={{ background: STATUS_PALETTE[status].color, color: STATUS_PALETTE[status].text }}
                    >
                      <button type="button" data-room={f.room} data-status={status} data-waiting={queued ? 'true' : undefined} data-evidence={evidence ?? undefined} onClick={() => setOpen(f.id)}>
                        <span className="room">{f.room}</span>
                        <span className="status">{i18n.language === 'en' ? STATUS_PALETTE[status].en : STATUS_PALETTE[status].zh}</span>
                        {queued && <span className="waiting-mark">{t('canvass.waiting')}</span>}
                        {evidence && <span className={`evidence-mark ${evidence}`}>{i18n.language === 'en' ? t(`evidence.state.${evidence}`) : EVIDENCE_STATE_ZH[evidence]}</span>}
                      </button>
                    </td>
                  );
                })}
            </tr>
          ))}
        </tbody>
      </table>
      {d.evaluation.complete && d.evaluation.todo.length > 0 && (
        <p className="todo-line">
          {t('canvass.todo', { rooms: d.evaluation.todo.map((f) => f.room).join(i18n.language === 'en' ? ', ' : '、') })}
        </p>
      )}
      {d.register.some((f) => f.evidence === 'missing' || f.evidence === 'pending') && (
        <p className="todo-line" data-testid="evidence-line">
          {t('evidence.line', { missing: d.register.filter((f) => f.evidence === 'missing').map((f) => f.room).join('、') || '—', pending: d.register.filter((f) => f.evidence === 'pending').length })}
        </p>
      )}
      {flat && (
        // One sheet over the grid: the visit form, then the flat's history and who calls next (not from the phone's copy).
        <div className="flat-sheet">
          <VisitForm
            key={`${flat.id}-${flat.version}`}
            door={d.doorNumber}
            flat={flat}
            answers={d.answers}
            consentFor={(vote, at) =>
              consentText({
                estateName: d.estateName,
                doorNumber: d.doorNumber,
                rooms: d.register.filter((f) => f.voterId === flat.voterId).map((f) => ({ room: f.room, areaM2: f.areaM2 })),
                vote,
                on: shanghaiDay(at),
              })
            }
            onClose={() => setOpen(null)}
            onSave={(input) => void onRecord(input, `${d.doorNumber} ${flat.room}`).then(() => setOpen(null))}
          />
          {!reg.fromCopy && <FlatFollowUp key={flat.id} flatId={flat.id} />}
        </div>
      )}
    </section>
  );
}
