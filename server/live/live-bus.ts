import { EventEmitter } from 'node:events';
import { and, asc, gt, lte, max, min, sql } from 'drizzle-orm';
import { first, type Db } from '../db/database.ts';
import type { LiveChange, RecordedChange } from './live-change.ts';

export type { LiveChange } from './live-change.ts';

export interface LiveEvent {
  id: number;
  change: LiveChange;
}

/** How many changes the log keeps for screens that reconnect; older ones get a resync. */
export const CHANGE_LOG_KEEP = 20_000;

/**
 * Fans committed changes out to live screens. Changes are read from the
 * change log (written in each command's transaction), so what a screen hears
 * has been committed, a reconnecting screen resumes from its last id, and
 * changes from another process (`npm run import`) arrive within one poll.
 * The log is read only while someone listens.
 */
export class LiveBus {
  private readonly emitter = new EventEmitter();
  private lastId: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private listeners = 0;
  private polls = 0;
  /** The poll running now, if one is; a poke meanwhile asks for one more after it. */
  private polling: Promise<void> | null = null;
  private pollAgain = false;
  private starting: Promise<number> | null = null;
  /** Every open screen's queue, so a stopping server can end their streams (they reconnect with their last event id). */
  private readonly inboxes = new Set<Inbox>();

  constructor(
    private readonly db: Db,
    private readonly pollMs = 500,
  ) {
    this.emitter.setMaxListeners(0);
    // PostgreSQL: a commit on any app server is read at once, not at the next poll.
    db.engine.onCommit(() => this.poke());
  }

  /** After a commit: read what it wrote now rather than at the next poll. */
  poke(): void {
    if (this.listeners > 0) this.poll();
  }

  /** Reads the log, one read at a time: a poll asked for while one runs follows it. */
  private poll(): void {
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    this.polling = this.readLog()
      // A database that is away (PostgreSQL restarting) is read again at the next poll.
      .catch(() => undefined)
      .finally(() => {
        this.polling = null;
        if (this.pollAgain) {
          this.pollAgain = false;
          this.poll();
        }
      });
  }

  /**
   * Where the bus starts, once: the change log's latest id when it was first
   * read. Everything after it is sent to listeners; nothing before it is.
   */
  private start(): Promise<number> {
    if (this.lastId !== null) return Promise.resolve(this.lastId);
    const { changeLog } = this.db.t;
    this.starting ??= first(this.db.select({ id: max(changeLog.id) }).from(changeLog))
      .then((row) => (this.lastId ??= row?.id ?? 0))
      .finally(() => (this.starting = null));
    return this.starting;
  }

  private async readLog(): Promise<void> {
    const { changeLog } = this.db.t;
    let after = await this.start();
    for (;;) {
      const rows = await this.db.select().from(changeLog).where(gt(changeLog.id, after)).orderBy(asc(changeLog.id)).limit(500);
      for (const row of rows) {
        this.lastId = after = row.id;
        this.emitter.emit('change', { id: row.id, change: row.payload as RecordedChange } satisfies LiveEvent);
      }
      if (rows.length < 500) break;
    }
    // Now and then, forget what no reconnecting screen needs.
    if (++this.polls % 120 === 1) await this.db.delete(changeLog).where(lte(changeLog.id, after - CHANGE_LOG_KEEP));
  }

  /** Ends every open stream (a server stopping): each screen reconnects, to this server or the next, with its last event id. */
  endAll(): void {
    for (const inbox of this.inboxes) inbox.close();
  }

  /** How many screens are listening now. */
  get screens(): number {
    return this.inboxes.size;
  }

  private retain(): void {
    if (this.listeners++ === 0) {
      this.poll();
      this.timer = setInterval(() => this.poll(), this.pollMs);
      this.timer.unref();
    }
  }

  private release(): void {
    if (--this.listeners === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  /**
   * The changes of `estateId` (every estate when null) from now on, until
   * `signal` aborts; with `afterId`, first those after it that the screen
   * missed, or a resync when the log no longer holds them. When the screen
   * goes (its signal aborts) the iteration simply ends: a pending `next()`
   * resolves as done, never rejects, whoever still holds it.
   */
  async *changes(estateId: number | null, afterId: number | null, signal: AbortSignal | undefined): AsyncGenerator<LiveEvent> {
    if (signal?.aborted) return;
    const { changeLog } = this.db.t;
    // Listen first, then read the backlog, so nothing falls between the two.
    const inbox = new Inbox(signal);
    this.inboxes.add(inbox);
    this.emitter.on('change', inbox.push);
    this.retain();
    try {
      // Where the bus stands for this screen: changes after it reach the inbox (it listens already), those up to it come from the log.
      const from = this.lastId ?? (await this.start());
      let seen = afterId ?? from;
      if (afterId !== null) {
        const bounds = await first(this.db.select({ oldest: min(changeLog.id), newest: max(changeLog.id) }).from(changeLog));
        const newest = bounds?.newest ?? 0;
        if (afterId > newest || (bounds?.oldest != null && afterId < bounds.oldest - 1)) {
          yield { id: newest, change: { kind: 'resync', estateId, at: new Date().toISOString() } };
          seen = Math.max(newest, from);
        } else {
          const missed = await this.db
            .select()
            .from(changeLog)
            .where(and(gt(changeLog.id, afterId), lte(changeLog.id, from), estateId === null ? undefined : sql`${changeLog.estateId} = ${estateId}`))
            .orderBy(asc(changeLog.id));
          for (const row of missed) yield { id: row.id, change: row.payload as RecordedChange };
          seen = Math.max(seen, from);
        }
      }
      for (;;) {
        const e = await inbox.next();
        if (e === null) return;
        if (e.id <= seen) continue;
        seen = e.id;
        if (estateId === null || e.change.estateId === estateId || e.change.kind === 'resync') yield e;
      }
    } finally {
      this.emitter.off('change', inbox.push);
      this.inboxes.delete(inbox);
      inbox.close();
      this.release();
    }
  }
}

/**
 * One screen's queue of changes: filled by the bus, drained by its stream.
 * `next()` resolves with the next change, or null once the screen's signal
 * has aborted (or the queue is closed): an ending, not an error.
 */
class Inbox {
  /** Changes a screen may fall behind by before it is told to re-read everything instead (a wall that stopped reading). */
  static readonly MAX_QUEUED = 1_000;
  private readonly queue: LiveEvent[] = [];
  private waiting: ((e: LiveEvent | null) => void) | null = null;
  private closed = false;

  constructor(private readonly signal: AbortSignal | undefined) {
    signal?.addEventListener('abort', this.close, { once: true });
  }

  readonly push = (e: LiveEvent): void => {
    if (this.closed) return;
    if (this.waiting) {
      const wake = this.waiting;
      this.waiting = null;
      wake(e);
    } else if (this.queue.length < Inbox.MAX_QUEUED) this.queue.push(e);
    else {
      // A screen this far behind re-reads everything: one resync instead of a queue that grows without end.
      this.queue.length = 0;
      this.queue.push({ id: e.id, change: { kind: 'resync', estateId: null, at: e.change.at } });
    }
  };

  next(): Promise<LiveEvent | null> {
    if (this.queue.length > 0) return Promise.resolve(this.queue.shift()!);
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => (this.waiting = resolve));
  }

  readonly close = (): void => {
    if (this.closed) return;
    this.closed = true;
    this.queue.length = 0;
    this.signal?.removeEventListener('abort', this.close);
    const wake = this.waiting;
    this.waiting = null;
    wake?.(null);
  };
}
