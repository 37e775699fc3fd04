import { desc, inArray } from 'drizzle-orm';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { shanghaiDay } from '../../geo/time/index.ts';
import { first, type Db } from '../db/database.ts';
import { writeBackup } from './backup-database.ts';
import { backupsToDelete, type Retention } from './retention.ts';

export interface BackupPlan extends Retention {
  /** The folder backups go to (beside the SQLite file by default). */
  dir: string;
  /** When, each day, in Shanghai time: `HH:MM`. */
  at: string;
}

/** A backup older than this is warned of on /admin. */
export const STALE_BACKUP_MS = 2 * 86_400_000;

/** The next `HH:MM` in Shanghai (UTC+8, no daylight saving) after `now`. */
export function nextRun(at: string, now: Date): Date {
  const [h, m] = at.split(':').map(Number) as [number, number];
  const today = shanghaiDay(now);
  const run = new Date(`${today}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+08:00`);
  return run.getTime() > now.getTime() ? run : new Date(run.getTime() + 86_400_000);
}

/**
 * Backups that happen by themselves while the server runs (SQLite): every
 * day at `plan.at`, and a minute after a start when the last one is more
 * than a day old (the server was down at its time); after each, backups
 * beyond the retention are deleted with their hashes and their rows. A
 * backup that fails is logged and tried again at the next time.
 */
export class BackupSchedule {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly plan: BackupPlan,
    private readonly now: () => Date,
    private readonly log: (line: string) => void,
  ) {}

  async start(): Promise<void> {
    const { backups } = this.db.t;
    const last = await first(this.db.select({ at: backups.at }).from(backups).orderBy(desc(backups.id)).limit(1));
    const overdue = !last || this.now().getTime() - Date.parse(last.at) > 86_400_000;
    this.schedule(overdue ? new Date(this.now().getTime() + 60_000) : nextRun(this.plan.at, this.now()));
  }

  private schedule(at: Date): void {
    this.timer = setTimeout(() => void this.run(), Math.max(0, at.getTime() - this.now().getTime()));
    this.timer.unref();
  }

  /** One backup and the retention after it; resolves when both are done (also for a test). */
  run(): Promise<void> {
    this.running ??= (async () => {
      try {
        const made = await writeBackup(this.db, this.plan.dir, this.now());
        const removed = await this.prune();
        this.log(`backup ${made.file} (${(made.bytes / 1024 / 1024).toFixed(1)} MiB, sha256 ${made.sha256.slice(0, 12)}…)${removed ? `; ${removed} older removed` : ''}`);
      } catch (e) {
        this.log(`backup failed, tried again at ${this.plan.at}: ${(e as Error).message}`);
      } finally {
        this.running = null;
        if (this.timer) this.schedule(nextRun(this.plan.at, this.now()));
      }
    })();
    return this.running;
  }

  /** Deletes the backups the retention no longer keeps, with their hashes and rows; returns how many. */
  private async prune(): Promise<number> {
    const { backups } = this.db.t;
    const gone = backupsToDelete(readdirSync(this.plan.dir), this.plan);
    for (const name of gone) for (const file of [name, `${name}.sha256`]) rmSync(join(this.plan.dir, file), { force: true });
    if (gone.length) await this.db.delete(backups).where(inArray(backups.file, gone.map((name) => join(this.plan.dir, name))));
    return gone.length;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
