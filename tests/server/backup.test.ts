import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stateAt } from '../../geo/history/index.ts';
import { shanghaiDay, shanghaiIso } from '../../geo/time/index.ts';
import { writeBackup } from '../../server/backup/backup-database.ts';
import { checkBackup, restoreDatabase } from '../../server/backup/restore-database.ts';
import { openDatabase } from '../../server/db/open-database.ts';
import { backups, consentEvents, flats } from '../support/tables.ts';
import { seedIfEmpty } from '../../server/import/seed-if-empty.ts';
import { loadHistory } from '../../server/queries/history.ts';
import { loadStairwellStates } from '../../server/queries/stairwell-states.ts';
import { runCli } from '../support/run-cli.ts';
import { FENGHE_DIR, ROOT, startTestServer } from '../support/test-server.ts';
import { transact } from '../../server/db/database.ts';
import { ON_POSTGRES } from '../support/test-database.ts';

/** Every migration in the repository: a sound backup has applied them all. */
const MIGRATIONS = (JSON.parse(readFileSync(join(ROOT, 'server', 'db', 'migrations', 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;

// SQLite only: SQLite's backup API and file restore; on PostgreSQL, pg_dump and pg_restore (postgres.test.ts checks the CLIs say so).
describe.skipIf(ON_POSTGRES)('backups', () => {
  it('taken while visits keep being written, restore to a consistent database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liftmap-backup-'));
    const live = openDatabase(join(dir, 'live.db'));
    await seedIfEmpty(live.db, FENGHE_DIR);
    const open = (await live.db.select().from(flats)).filter((f) => f.status === 'unvisited');
    let writes = 0;
    let stop = false;
    // Each write is what a visit does: the flat and its consent event in one transaction.
    const writer = (async () => {
      for (const f of open) {
        if (stop) break;
        await transact(live.db, async (tx) => {
          await tx.update(flats).set({ status: 'undecided', version: f.version + 1 }).where(eq(flats.id, f.id));
          await tx.insert(consentEvents).values({ flatId: f.id, fromStatus: 'unvisited', toStatus: 'undecided', at: shanghaiIso(new Date()) });
        });
        writes++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const { file } = await writeBackup(live.db, join(dir, 'backups'), new Date());
    stop = true;
    await writer;
    expect(writes).toBeGreaterThan(0);
    expect(await live.db.select().from(backups)).toHaveLength(1);
    live.close();

    expect(checkBackup(file)).toBe(MIGRATIONS);
    const target = join(dir, 'restored.db');
    restoreDatabase(file, target);
    const restored = openDatabase(target);
    expect(restored.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // Every flat's status is what its events say: no write is half in the backup.
    const h = await loadHistory(restored.db, 1);
    const replayed = new Map(stateAt(h.flats, h.consent, h.stages, shanghaiDay(new Date())).map((s) => [s.stairwellId, s]));
    for (const s of await loadStairwellStates(restored.db, 1)) expect(replayed.get(s.row.id)?.colorKey).toBe(s.colorKey);
    restored.close();
  });

  it('refuses a file that is not a sound LiftMap database, leaving the target alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liftmap-restore-'));
    const bad = join(dir, 'bad.db');
    writeFileSync(bad, 'not a database');
    const target = join(dir, 'live.db');
    const live = openDatabase(target);
    live.close();
    expect(() => restoreDatabase(bad, target)).toThrow();
    expect(() => restoreDatabase(join(dir, 'missing.db'), target)).toThrow(/no backup file/);
    expect(checkBackup(target)).toBe(MIGRATIONS);
  });
});

// SQLite only: SQLite's backup API and file restore; on PostgreSQL, pg_dump and pg_restore (postgres.test.ts checks the CLIs say so).
describe.skipIf(ON_POSTGRES)('restore while a server runs', () => {
  it('refuses while a server has the database open, and restores once it has stopped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liftmap-running-'));
    const server = await startTestServer({ dbFile: join(dir, 'live.db') });
    const backups = join(dir, 'backups');
    const sqlite = new Database(server.file!);
    const { file } = await writeBackup(server.db, backups, new Date());
    const refused = runCli('restore', server, file);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/server \(pid \d+\) has .* open: stop it first/);
    // Nothing was replaced under the running server.
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    sqlite.close();
    const target = server.file!;
    await server.close();
    expect(existsSync(`${target}.server.pid`)).toBe(false);
    const restored = runCli('restore', target, file);
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
  });
});
