import { EventEmitter, on } from 'node:events';
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

  private async readLog(): Promise<void> {
    const { changeLog } = this.db.t;
    this.lastId ??= (await first(this.db.select({ id: max(changeLog.id) }).from(changeLog)))?.id ?? 0;
    for (;;) {
      const rows = await this.db.select().from(changeLog).where(gt(changeLog.id, this.lastId)).orderBy(asc(changeLog.id)).limit(500);
      for (const row of rows) {
        this.lastId = row.id;
        this.emitter.emit('change', { id: row.id, change: row.payload as RecordedChange } satisfies LiveEvent);
      }
      if (rows.length < 500) break;
    }
    // Now and then, forget what no reconnecting screen needs.
    if (++this.polls % 120 === 1) await this.db.delete(changeLog).where(lte(changeLog.id, this.lastId - CHANGE_LOG_KEEP));
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
   * missed, or a resync when the log no longer holds them.
   */
  async *changes(estateId: number | null, afterId: number | null, signal: AbortSignal | undefined): AsyncGenerator<LiveEvent> {
    const { changeLog } = this.db.t;
    this.retain();
    try {
      // Listen first, then read the backlog, so nothing falls between the two.
      const live = on(this.emitter, 'change', { signal });
      let seen = afterId ?? this.lastId ?? 0;
      if (afterId !== null) {
        const bounds = await first(this.db.select({ oldest: min(changeLog.id), newest: max(changeLog.id) }).from(changeLog));
        const newest = bounds?.newest ?? 0;
        if (afterId > newest || (bounds?.oldest != null && afterId < bounds.oldest - 1)) {
          yield { id: newest, change: { kind: 'resync', estateId, at: new Date().toISOString() } };
          seen = newest;
        } else {
          const missed = await this.db
            .select()
            .from(changeLog)
            .where(and(gt(changeLog.id, afterId), lte(changeLog.id, this.lastId ?? newest), estateId === null ? undefined : sql`${changeLog.estateId} = ${estateId}`))
            .orderBy(asc(changeLog.id));
          for (const row of missed) yield { id: row.id, change: row.payload as RecordedChange };
          seen = Math.max(seen, this.lastId ?? newest);
        }
      }
      for await (const [event] of live) {
        const e = event as LiveEvent;
        if (e.id <= seen) continue;
        seen = e.id;
        if (estateId === null || e.change.estateId === estateId) yield e;
      }
    } finally {
      this.release();
    }
  }
}
