import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open-database.ts';
import { runCli } from '../support/run-cli.ts';
import { ROOT } from '../support/test-server.ts';
import { ON_POSTGRES } from '../support/test-database.ts';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'import');
let dir: string;
let dbFile: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'liftmap-canvassers-'));
  dbFile = join(dir, 'liftmap.db');
  openDatabase(dbFile).close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A 包干 table as a committee's Excel saves it: Chinese headers and roles, doors split by a full-width ；. */
function table(name: string, rows: string[][]): string {
  const file = join(dir, name);
  writeFileSync(file, '\uFEFF' + [['编号', '姓名', '身份', '党小组', '包干门牌号'], ...rows].map((r) => r.join(',')).join('\r\n'));
  return file;
}
function owners(): Record<string, string> {
  const db = new Database(dbFile, { readonly: true });
  try {
    const rows = db
      .prepare('SELECT s.door_number door, c.external_id who FROM canvasser_stairwells cs JOIN stairwells s ON s.id = cs.stairwell_id JOIN canvassers c ON c.id = cs.canvasser_id ORDER BY s.door_number')
      .all() as { door: string; who: string }[];
    return Object.fromEntries(rows.map((r) => [r.door, r.who]));
  } finally {
    db.close();
  }
}

// SQLite only: reads the SQLite file the CLI wrote; the 包干 import's command is the same on both databases.
describe.skipIf(ON_POSTGRES)('npm run import -- estate FILE --canvassers TABLE', () => {
  it('refuses a table that names a door twice or a door the estate does not have, naming the row, and writes nothing', () => {
    const bad = table('bad.csv', [
      ['C01', '周敏', '志愿者', '', '2幢1单元；2幢2单元'],
      ['C02', '陈华', '党员', '第一党小组', '2幢2单元；9幢1单元'],
    ]);
    const r = runCli('import', dbFile, 'estate', join(FIXTURES, 'valid.geojson'), '--canvassers', bad);
    expect(r.code).toBe(2);
    expect(r.err).toContain('bad.csv row 3, column doorNumbers: 2幢2单元 is already owned by C01');
    expect(r.err).toContain('bad.csv row 3, column doorNumbers: no stairwell 9幢1单元');
    expect(owners()).toEqual({});
    const role = runCli('import', dbFile, 'estate', join(FIXTURES, 'valid.geojson'), '--canvassers', table('role.csv', [['C01', '周敏', '队长', '', '2幢1单元']]));
    expect(role.err).toMatch(/role\.csv row 2, column role: expected one of party_member, group_leader, volunteer, staff/);
  });

  it('gives a new estate its canvassers, and a re-import moves stairwells between them keeping who they are', () => {
    const first = table('包干表.csv', [
      ['C01', '周敏', '志愿者', '', '2幢1单元；2幢2单元'],
      ['C02', '陈华', '党员', '第一党小组', '试点路1号1单元'],
    ]);
    const r = runCli('import', dbFile, 'estate', join(FIXTURES, 'valid.geojson'), '--register', join(FIXTURES, 'register.csv'), '--canvassers', first);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/imported 试点小区 as estate \d+: 7 stairwells, 84 flats, 2 canvassers/);
    expect(owners()).toEqual({ '2幢1单元': 'C01', '2幢2单元': 'C01', 试点路1号1单元: 'C02' });

    const db = new Database(dbFile, { readonly: true });
    const ids = () => db.prepare('SELECT external_id, id, role FROM canvassers ORDER BY id').all() as { external_id: string; id: number; role: string }[];
    const before = ids();
    expect(before).toMatchObject([{ external_id: 'C01', role: 'volunteer' }, { external_id: 'C02', role: 'party_member' }]);
    const second = table('包干表2.csv', [
      ['C01', '周敏', '楼组长', '', '2幢1单元'],
      ['C02', '陈华', '党员', '第一党小组', '试点路1号1单元；2幢2单元'],
    ]);
    const again = runCli('import', dbFile, 'estate', join(FIXTURES, 'valid.geojson'), '--canvassers', second);
    expect(again.err).toBe('');
    expect(again.out).toContain('包干: 2 canvassers');
    expect(owners()).toEqual({ '2幢1单元': 'C01', '2幢2单元': 'C02', 试点路1号1单元: 'C02' });
    expect(ids()).toEqual([{ ...before[0]!, role: 'group_leader' }, before[1]]);
    db.close();
  });
});
