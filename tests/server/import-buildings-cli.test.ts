import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open-database.ts';
import { runCli } from '../support/run-cli.ts';
import { ON_POSTGRES } from '../support/test-database.ts';
import { ROOT } from '../support/test-server.ts';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'outlines');
let dir: string;
let dbFile: string;
const importCli = (...args: string[]) => runCli('import', dbFile, ...args);

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
const counts = () => query<{ estates: number; buildings: number; stairwells: number }>(
  'SELECT (SELECT count(*) FROM estates) estates, (SELECT count(*) FROM buildings) buildings, (SELECT count(*) FROM stairwells) stairwells',
)[0]!;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'liftmap-buildings-cli-'));
  dbFile = join(dir, 'liftmap.db');
  openDatabase(dbFile).close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// SQLite only: reads the file the CLI wrote; the same command runs on both databases in import-buildings.test.ts.
describe.skipIf(ON_POSTGRES)('npm run import -- buildings FILE', () => {
  it('makes an estate from a surveyor’s Shapefile within a boundary file: the walk-ups, split into stairwells, named after the boundary', () => {
    const r = importCli('buildings', join(FIXTURES, 'buildings-cgcs2000.zip'), '--within', join(FIXTURES, 'boundary.geojson'));
    expect(r.err).toBe('');
    expect(r.out).toContain('10 outlines read as CGCS2000_3_Degree_GK_CM_120E');
    expect(r.out).toContain('floors from 层数, codes from 楼号');
    expect(r.out).toContain('taking 6 buildings of 5–7 floors with 20 stairwells (about 18 m each)');
    expect(r.out).toMatch(/imported 长风四村 as estate \d+: 20 stairwells/);
    expect(query<{ door: string }>("SELECT door_number door FROM stairwells ORDER BY door_number").map((d) => d.door).slice(0, 5)).toEqual([
      '31号楼1单元', '31号楼2单元', '31号楼3单元', '31号楼4单元', '32号楼1单元',
    ]);
  });

  it('run again, updates the estate of that name in place and changes nothing', () => {
    const before = counts();
    const r = importCli('buildings', join(FIXTURES, 'buildings-cgcs2000.zip'), '--within', join(FIXTURES, 'boundary.geojson'));
    expect(r.out).toContain('updated 长风四村 in place: stairwells 20 kept, 0 added, 0 removed');
    expect(counts()).toEqual(before);
  });

  it('takes a box, a name, the fields and the stairwell length from the command line', () => {
    const r = importCli(
      'buildings', join(FIXTURES, 'city-gis.geojson'), '--bbox', '121.3990,31.2296,121.4017,31.2313', '--name', '长风四村（城市底图）',
      '--floors-field', 'Floor', '--min-floors', '2', '--max-floors', '6', '--metres-per-stairwell', '24',
    );
    expect(r.err).toBe('');
    // The two-storey shop and its kiosk come in at --min-floors 2; 72 m blocks hold 3 stairwells of 24 m.
    expect(r.out).toContain('taking 8 buildings of 2–6 floors with');
    expect(r.out).toMatch(/imported 长风四村（城市底图） as estate \d+/);
  });

  it.each([
    [['no-prj.zip'], '缺少 .prj'],
    [['points.geojson'], 'no building outlines'],
    [['local-grid.geojson'], 'local grid'],
    [['self-crossing.geojson', '--name', 'x'], '轮廓 #2 的边自相交'],
    [['city-gis.geojson', '--bbox', '121.30,31.10,121.31,31.11', '--name', '空'], 'no building is selected'],
    [['city-gis.geojson', '--floors-field', '层', '--name', 'x'], 'the file has no attribute "层" (floors); its attributes are: Floor, Id'],
    [['city-gis.geojson'], 'the estate needs a name'],
  ])('refuses %j, says why, writes nothing', (args, reason) => {
    const before = counts();
    const [file, ...rest] = args;
    const r = importCli('buildings', join(FIXTURES, file!), ...rest);
    expect(r.code).toBe(2);
    expect(r.err).toContain('nothing was imported');
    expect(r.err).toContain(reason);
    expect(counts()).toEqual(before);
  });

  it('refuses bad numbers on the command line, naming the flag', () => {
    expect(importCli('buildings', join(FIXTURES, 'city-gis.geojson'), '--bbox', '121.4,31.2,121.3,31.3').err).toContain('--bbox: expected W,S,E,N');
    expect(importCli('buildings', join(FIXTURES, 'city-gis.geojson'), '--metres-per-stairwell', '2').err).toContain('--metres-per-stairwell: expected metres from 5 to 60');
  });
});
