import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open-database.ts';
import { seedIfEmpty } from '../../server/import/seed-if-empty.ts';
import { runCli } from '../support/run-cli.ts';
import { FENGHE_DIR, ROOT } from '../support/test-server.ts';
import { ON_POSTGRES } from '../support/test-database.ts';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'import');
let dir: string;
let dbFile: string;

/** The real CLI against a temporary database. */
const importCli = (...args: string[]) => runCli('import', dbFile, ...args);

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
const count = (sql: string, ...params: unknown[]) => query<{ n: number }>(sql, ...params)[0]!.n;
const snapshot = () => ({
  estates: count('SELECT count(*) n FROM estates'),
  stairwells: count('SELECT count(*) n FROM stairwells'),
  flats: count('SELECT count(*) n FROM flats'),
  events: count('SELECT count(*) n FROM consent_events'),
  boundary: query<{ b: string }>("SELECT boundary b FROM estates WHERE name = '试点小区'")[0]?.b ?? null,
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'liftmap-import-'));
  dbFile = join(dir, 'liftmap.db');
  const { db, close } = openDatabase(dbFile);
  await seedIfEmpty(db, FENGHE_DIR);
  close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// SQLite only: reads the SQLite file the CLI wrote; on PostgreSQL the same import command is covered through estate-export's npm run import test.
describe.skipIf(ON_POSTGRES)('npm run import -- estate FILE', () => {
  it.each([
    ['projected-3857', "every feature's coordinates look projected"],
    ['outside-china', 'every feature lies outside China'],
    ['ring-not-closed', 'a ring must be closed'],
    ['ring-crosses-itself', 'a ring crosses itself'],
    ['stairwell-outside-building', 'lies outside its building 1幢'],
    ['duplicate-door-number', 'door number 试点路1号1单元 already used'],
  ])('refuses %s, names the feature and the reason, writes nothing', (name, reason) => {
    const before = snapshot();
    const r = importCli('estate', join(FIXTURES, `${name}.geojson`));
    expect(r.code).toBe(2);
    expect(r.err).toContain('nothing was imported');
    expect(r.err).toContain(reason);
    if (!reason.startsWith('every feature')) expect(r.err).toMatch(/features\[\d+\]/);
    expect(snapshot()).toEqual(before);
  });

  it('imports a new estate with its register: a building split into stairwells, flats on every one', () => {
    const r = importCli('estate', join(FIXTURES, 'valid.geojson'), '--register', join(FIXTURES, 'register.csv'));
    expect(r.err).toBe('');
    expect(r.out).toMatch(/imported 试点小区 as estate \d+: 7 stairwells/);
    const doors = query<{ door: string; flats: number; site: string | null }>(
      `SELECT s.door_number door, count(f.id) flats, s.elevator_site site FROM stairwells s JOIN estates e ON e.id = s.estate_id
       LEFT JOIN flats f ON f.stairwell_id = s.id WHERE e.name = '试点小区' GROUP BY s.id ORDER BY s.door_number`,
    );
    expect(doors.map((d) => d.door)).toEqual(['2幢1单元', '2幢2单元', '2幢3单元', '2幢4单元', '试点路1号1单元', '试点路1号2单元', '试点路1号3单元']);
    for (const d of doors) expect(d.flats).toBe(12);
    expect(doors.filter((d) => d.door.startsWith('2幢')).every((d) => d.site !== null)).toBe(true);
    expect(count('SELECT count(*) n FROM estates')).toBe(2); // Fenghe untouched beside it
    // Each status the register brings is a consent event, so the progress chart and replay start from the import.
    const events = query<{ to: string; note: string }>(
      `SELECT c.to_status "to", c.note FROM consent_events c JOIN flats f ON f.id = c.flat_id JOIN stairwells s ON s.id = f.stairwell_id JOIN estates e ON e.id = s.estate_id WHERE e.name = '试点小区'`,
    );
    expect(events).toHaveLength(56);
    expect(events.every((e) => e.to === 'signed' && e.note === 'register import')).toBe(true);
  });

  it('stops on a file traced in GCJ-02 or BD-09, naming the offset and the option, and converts with --from', () => {
    for (const datum of ['gcj02', 'bd09']) {
      const before = snapshot();
      const r = importCli('estate', join(FIXTURES, `traced-${datum}.geojson`));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`lies \\d+ m from the stored estate 试点小区, the offset of ${datum === 'gcj02' ? 'GCJ-02' : 'BD-09'}`));
      expect(r.err).toContain(`--from ${datum}`);
      expect(snapshot()).toEqual(before);
    }
    // With a reference point instead of a stored estate of the same name.
    const ref = importCli('estate', join(FIXTURES, 'traced-gcj02.geojson'), '--reference', '121.3994,31.2273');
    expect(ref.err).toMatch(/lies \d+ m from the reference point, the offset of GCJ-02/);

    const stored = snapshot();
    const r = importCli('estate', join(FIXTURES, 'traced-gcj02.geojson'), '--from', 'gcj02');
    expect(r.err).toBe('');
    expect(r.out).toContain('updated 试点小区 in place: stairwells 7 kept, 0 added, 0 removed; 84 flats');
    const after = snapshot();
    expect({ ...after, boundary: null }).toEqual({ ...stored, boundary: null });
    // Back on the WGS-84 original within centimetres.
    const [a, b] = [JSON.parse(stored.boundary!) as { coordinates: number[][][] }, JSON.parse(after.boundary!) as { coordinates: number[][][] }];
    a.coordinates[0]!.forEach(([lng, lat], i) => {
      expect(Math.abs(lng! - b.coordinates[0]![i]![0]!)).toBeLessThan(5e-6);
      expect(Math.abs(lat! - b.coordinates[0]![i]![1]!)).toBeLessThan(5e-6);
    });
  });

  it('re-imports in place keeping flats and events where door numbers match, and refuses to drop a stairwell that has a register', () => {
    const estate = query<{ id: number }>("SELECT id FROM estates WHERE name = '试点小区'")[0]!.id;
    const signedBefore = count("SELECT count(*) n FROM flats f JOIN stairwells s ON s.id = f.stairwell_id WHERE s.estate_id = ? AND f.status = 'signed'", estate);
    const eventsBefore = count('SELECT count(*) n FROM consent_events');
    const again = importCli('estate', join(FIXTURES, 'valid.geojson'));
    expect(again.out).toContain('stairwells 7 kept, 0 added, 0 removed; 84 flats');
    expect(count("SELECT count(*) n FROM flats f JOIN stairwells s ON s.id = f.stairwell_id WHERE s.estate_id = ? AND f.status = 'signed'", estate)).toBe(signedBefore);
    expect(count('SELECT count(*) n FROM consent_events')).toBe(eventsBefore);

    // A file without building 2 would orphan 48 flats: refused, nothing written.
    const before = snapshot();
    const fc = JSON.parse(readFileSync(join(FIXTURES, 'valid.geojson'), 'utf8')) as { features: { properties: { code?: string } }[] };
    fc.features = fc.features.filter((f) => f.properties.code !== '2幢');
    const file = join(dir, 'without-2.geojson');
    writeFileSync(file, JSON.stringify(fc));
    const r = importCli('estate', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('stairwell 2幢1单元: not in the new file but has 12 flats');
    expect(snapshot()).toEqual(before);
  });
});
