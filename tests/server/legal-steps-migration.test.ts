import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../server/db/open-database.ts';

const dir = mkdtempSync(join(tmpdir(), 'liftmap-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The committed migrations up to and including `last` (by index), as a database of that day had them. */
function migrationsUpTo(last: number): string {
  const folder = join(dir, `upto-${last}`);
  cpSync(MIGRATIONS, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number }[] };
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.filter((e) => e.idx <= last) }));
  return folder;
}

describe('migration 0016 (legal steps) on a database from before it', () => {
  it('keeps every objection and turns a registration number recorded with 运行维保 into its 使用登记 record', () => {
    const sqlite = new Database(join(dir, 'old.db'));
    const db = drizzle(sqlite);
    migrate(db, { migrationsFolder: migrationsUpTo(15) });
    // Rows as an older server wrote them (their stairwells and flats left out: only these tables change).
    sqlite.pragma('foreign_keys = OFF');
    const event = sqlite.prepare('INSERT INTO stage_events (stairwell_id, from_stage, to_stage, at, effective_on, details, undoes) VALUES (?, ?, ?, ?, ?, ?, ?)');
    event.run(7, 'accepted', 'in_service', '2026-06-02T09:00:00+08:00', '2026-06-01', JSON.stringify({ registrationNumber: '梯11沪FX0123(26)' }), null);
    // Undone: its number does not become a record.
    const undone = event.run(8, 'accepted', 'in_service', '2026-06-03T09:00:00+08:00', '2026-06-03', JSON.stringify({ registrationNumber: '梯11沪FX9999(26)' }), null).lastInsertRowid;
    event.run(8, 'in_service', 'accepted', '2026-06-04T09:00:00+08:00', null, null, undone);
    sqlite.prepare("INSERT INTO objections (stairwell_id, flat_id, received_on, content, status) VALUES (7, 31, '2026-03-05', '遮挡采光', 'mediated')").run();

    migrate(db, { migrationsFolder: MIGRATIONS });
    expect(sqlite.prepare('SELECT stairwell_id AS stairwellId, kind, "on", reference FROM legal_records').all()).toEqual([
      { stairwellId: 7, kind: 'registration', on: '2026-06-01', reference: '梯11沪FX0123(26)' },
    ]);
    expect(sqlite.prepare('SELECT stairwell_id AS stairwellId, flat_id AS flatId, from_address AS fromAddress, received_on AS receivedOn, content, status FROM objections').all()).toEqual([
      { stairwellId: 7, flatId: 31, fromAddress: null, receivedOn: '2026-03-05', content: '遮挡采光', status: 'mediated' },
    ]);
    // A neighbour's objection has no flat.
    sqlite.prepare("INSERT INTO objections (stairwell_id, flat_id, from_address, distance_m, received_on, content) VALUES (7, NULL, '21号302室', 18, '2026-03-06', '遮挡')").run();
    expect(sqlite.prepare('SELECT count(*) AS n FROM objections').get()).toEqual({ n: 2 });
    sqlite.close();
  });
});
