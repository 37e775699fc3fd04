import { canvassDb as open, VISITS as STORE } from './canvass-db.ts';
import type { VisitInput } from '../wire.ts';

export interface QueuedVisit {
  input: VisitInput;
  /** What the phone shows while it waits: the door and room. */
  label: string;
  state: 'queued' | 'refused';
  /** Why the server refused it (stale version, not your stairwell), for the canvasser to act on. */
  error?: string;
}

/** Visits recorded on this phone and not yet confirmed by the server: kept across reloads and lost signal. */
export const visitQueue = {
  async put(visit: QueuedVisit): Promise<void> {
    await (await open()).put(STORE, visit);
  },
  async all(): Promise<QueuedVisit[]> {
    return (await (await open()).getAll(STORE)) as QueuedVisit[];
  },
  async remove(clientId: string): Promise<void> {
    await (await open()).delete(STORE, clientId);
  },
};

export type SendResult = { ok: true } | { ok: false; retry: boolean; error: string };

/**
 * Sends every queued visit in order. Delivered or duplicate: removed. Refused
 * (stale, forbidden, invalid): kept and marked, never silently dropped. No
 * connection: kept for the next try. The server applies a visit id once.
 */
export async function flushQueue(send: (input: VisitInput) => Promise<SendResult>): Promise<{ sent: number; left: number }> {
  let sent = 0;
  for (const visit of await visitQueue.all()) {
    if (visit.state === 'refused') continue;
    const result = await send(visit.input);
    if (result.ok) {
      await visitQueue.remove(visit.input.clientId);
      sent++;
    } else if (!result.retry) await visitQueue.put({ ...visit, state: 'refused', error: result.error });
    else break;
  }
  return { sent, left: (await visitQueue.all()).length };
}
