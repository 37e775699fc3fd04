import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBackup } from '../../server/backup/backup-database.ts';
import { BackupSchedule, nextRun } from '../../server/backup/backup-schedule.ts';
import { backupsToDelete } from '../../server/backup/retention.ts';
import { openDatabase } from '../../server/db/open-database.ts';
import { seedIfEmpty } from '../../server/import/seed-if-empty.ts';
import { callerAs } from '../support/caller.ts';
import { runCli } from '../support/run-cli.ts';
import { ON_POSTGRES } from '../support/test-database.ts';
import { FENGHE_DIR } from '../support/test-server.ts';

const at = (iso: string) => new Date(iso);

describe('when the server backs up by itself', () => {
  it('runs next at the configured Shanghai time: today if still ahead, else tomorrow', () => {
    expect(nextRun('03:00', at('2026-12-07T01:00:00+08:00')).toISOString()).toBe('2026-12-06T19:00:00.000Z');
    expect(nextRun('03:00', at('2026-12-07T03:00:00+08:00')).toISOString()).toBe('2026-12-07T19:00:00.000Z');
    expect(nextRun('23:30', at('2026-12-07T16:00:00Z')).toISOString()).toBe('2026-12-08T15:30:00.000Z');
  });

  it('keeps the newest backup of each of the last 14 days and of each of the last 8 weeks, and leaves other files alone', () => {
    const names: string[] = [];
    // Two backups a day (03:00 and a manual one at 15:00) for 120 days up to 2026-12-07.
    for (let d = 0; d < 120; d++) {
      const day = new Date(Date.parse('2026-12-07T00:00:00Z') - d * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
      names.push(`liftmap-${day}T030000.db`, `liftmap-${day}T150000.db`);
    }
    names.push('notes.txt', 'liftmap-20261201T030000.db.sha256');
    const gone = new Set(backupsToDelete(names, { daily: 14, weekly: 8 }));
    const kept = names.filter((n) => /\.db$/.test(n) && !gone.has(n)).sort();
    // The newest (15:00) of each of the 14 days since 2026-11-24, and of each of the 8 weeks (Monday to Sunday) since 2026-10-19.
    expect(kept.filter((n) => n >= 'liftmap-20261124')).toHaveLength(14);
    expect(kept.every((n) => n.endsWith('T150000.db'))).toBe(true);
    expect(kept.filter((n) => n < 'liftmap-20261124').map((n) => n.slice(8, 16))).toEqual(['20261025', '20261101', '20261108', '20261115', '20261122']);
    expect(gone.has('notes.txt') || gone.has('liftmap-20261201T030000.db.sha256')).toBe(false);
  });
});

// SQLite only: the server's own backups; on PostgreSQL, pg_dump on a schedule (README).
describe.skipIf(ON_POSTGRES)('backups that happen by themselves', () => {
  it('writes each backup readable only by its owner, in a private folder, with its SHA-256 beside it, and prunes past the retention', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liftmap-schedule-'));
    const { db, close } = openDatabase(join(dir, 'live.db'));
    await seedIfEmpty(db, FENGHE_DIR, '2026-12-06');
    const backups = join(dir, 'backups');
    let clock = Date.parse('2026-11-01T03:00:00+08:00');
    const schedule = new BackupSchedule(db, { dir: backups, at: '03:00', daily: 2, weekly: 3 }, () => new Date(clock), () => undefined);
    for (let day = 0; day < 10; day++, clock += 86_400_000) await schedule.run();
    const files = readdirSync(backups).sort();
    const dbs = files.filter((f) => f.endsWith('.db'));
    // The newest of the last 2 days, and of the last 3 weeks (Monday to Sunday): 11-10 (among the days), 11-08 and 11-01.
    expect(dbs).toEqual(['liftmap-20261101T030000.db', 'liftmap-20261108T030000.db', 'liftmap-20261109T030000.db', 'liftmap-20261110T030000.db']);
    expect(files.filter((f) => f.endsWith('.sha256'))).toEqual(dbs.map((f) => `${f}.sha256`));
    for (const f of dbs) {
      const path = join(backups, f);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(statSync(`${path}.sha256`).mode & 0o777).toBe(0o600);
      expect(readFileSync(`${path}.sha256`, 'utf8')).toBe(`${createHash('sha256').update(readFileSync(path)).digest('hex')}  ${f}\n`);
    }
    expect(statSync(backups).mode & 0o777).toBe(0o700);
    // The rows of removed backups go with them: /admin lists what can be downloaded.
    const rows = await db.select({ file: db.t.backups.file }).from(db.t.backups);
    expect(rows.map((r) => r.file).sort()).toEqual(dbs.map((f) => join(backups, f)).sort());
    close();
  });

  it('warns on /admin when the last backup is more than 2 days old, and says when the server backs up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liftmap-stale-'));
    const { db, close } = openDatabase(join(dir, 'live.db'));
    await seedIfEmpty(db, FENGHE_DIR, '2026-12-06');
    const settings = { dir: join(dir, 'backups'), at: '03:00', daily: 14, weekly: 8 };
    const asOf = async (iso: string) => (await callerAs(db, 'admin', { now: () => at(iso), backups: settings })).admin.lastBackup();
    expect(await asOf('2026-12-07T09:00:00+08:00')).toEqual({ last: null, stale: true, schedule: { at: '03:00', daily: 14, weekly: 8 }, postgres: false });
    await writeBackup(db, settings.dir, at('2026-12-07T03:00:00+08:00'));
    expect(await asOf('2026-12-08T09:00:00+08:00')).toMatchObject({ last: { at: '2026-12-07T03:00:00+08:00' }, stale: false });
    expect(await asOf('2026-12-09T03:00:01+08:00')).toMatchObject({ stale: true });
    close();
  });

  it('npm run restore on a fresh checkout (no var/ yet) restores and says what it restored; a backup whose hash no longer matches is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liftmap-fresh-'));
    const { db, close } = openDatabase(join(dir, 'live.db'));
    await seedIfEmpty(db, FENGHE_DIR, '2026-12-06');
    const made = await writeBackup(db, join(dir, 'backups'), at('2026-12-07T03:00:00+08:00'));
    close();
    const target = join(dir, 'checkout', 'var', 'liftmap.db');
    const restored = runCli('restore', target, made.file);
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(/its SHA-256 matched the one written beside it/);
    expect(restored.out).toMatch(/1 estate\(s\), 80 stairwells, 1920 flats, \d+ vote evidence file\(s\) checked against their hashes/);
    expect(existsSync(target)).toBe(true);
    // One byte changed since it was made: refused, in one line, nothing replaced.
    const bytes = readFileSync(made.file);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    writeFileSync(made.file, bytes);
    const refused = runCli('restore', join(dir, 'other', 'liftmap.db'), made.file);
    expect(refused.code).toBe(1);
    expect(refused.err.trim()).toMatch(/does not match the SHA-256 written beside it .*拒绝恢复$/);
    expect(refused.err.split('\n').filter(Boolean)).toHaveLength(1);
    expect(existsSync(join(dir, 'other', 'liftmap.db'))).toBe(false);
  });
});
