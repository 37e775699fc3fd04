import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolygonGeometry } from '../../geo/estate/index.ts';
import { buildingChoices, DEFAULT_MAPPING, outlinesToEstate, preselectOutlines } from '../../geo/outlines/index.ts';
import type { Db } from '../../server/db/database.ts';
import { seedIfEmpty } from '../../server/import/seed-if-empty.ts';
import { callerAs } from '../support/caller.ts';
import { openTestDatabase } from '../support/test-database.ts';
import { ROOT, FENGHE_DIR } from '../support/test-server.ts';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'outlines');
const upload = (name: string) => ({ fileName: name, base64: readFileSync(join(FIXTURES, name)).toString('base64') });
const boundary = (JSON.parse(readFileSync(join(FIXTURES, 'boundary.geojson'), 'utf8')) as GeoJSON.FeatureCollection).features[0]!.geometry as PolygonGeometry;

let db: Db;
let close: () => Promise<void>;
let dir: string;
let admin: Awaited<ReturnType<typeof callerAs>>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'liftmap-buildings-'));
  ({ db, close } = await openTestDatabase(join(dir, 'test.db'), { seeded: true }));
  await seedIfEmpty(db, FENGHE_DIR);
  admin = await callerAs(db, 'admin');
});
afterAll(async () => {
  await close();
  rmSync(dir, { recursive: true, force: true });
});

/** What /admin's mapping screen does with a file: read it on the server, map and select in the browser (geo), import through the same command. */
async function importOutlines(file: string, name: string) {
  const read = await admin.admin.readOutlines(upload(file));
  if (!read.ok) throw new Error(read.problems.map((p) => p.en).join('\n'));
  const mapping = { ...DEFAULT_MAPPING, ...read.guess };
  const buildings = buildingChoices(read.outlines, preselectOutlines(read.outlines, mapping, boundary).selected, mapping);
  const estate = outlinesToEstate({ name, boundary, buildings });
  if (!estate.ok) throw new Error(estate.problems[0]!.en);
  const result = await admin.admin.importEstate({ geojson: estate.geojson });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return { read, result: result.outcome };
}

async function stairwellsOf(estateId: number) {
  const { stairwells, buildings } = db.t;
  return (await db
    .select({ door: stairwells.doorNumber, code: buildings.code, floors: buildings.floors, site: stairwells.elevatorSite })
    .from(stairwells)
    .innerJoin(buildings, eq(buildings.id, stairwells.buildingId))
    .where(eq(stairwells.estateId, estateId))
    .orderBy(stairwells.doorNumber));
}

describe('an estate from the building outlines a committee can get', () => {
  it.each([
    ['city-gis.geojson', 'WGS-84', ['1幢', '2幢', '3幢', '4幢', '5幢', '6幢']],
    ['web-mercator.geojson', 'Web Mercator', ['31号楼', '32号楼', '33号楼', '34号楼', '35号楼', '36号楼']],
    ['buildings-cgcs2000.zip', 'CGCS2000_3_Degree_GK_CM_120E', ['31号楼', '32号楼', '33号楼', '34号楼', '35号楼', '36号楼']],
    ['buildings.kml', 'KML', ['31号楼', '32号楼', '33号楼', '34号楼', '35号楼', '36号楼']],
    ['buildings.kmz', 'KML', ['31号楼', '32号楼', '33号楼', '34号楼', '35号楼', '36号楼']],
    ['export.osm', 'OSM', ['31幢', '32幢', '33幢', '34幢', '35幢', '36幢']],
    ['overpass.json', 'OSM', ['31幢', '32幢', '33幢', '34幢', '35幢', '36幢']],
  ])('%s: the six walk-ups inside the boundary become 20 stairwells with elevator sites (read as %s)', async (file, crs, codes) => {
    const name = `长风四村 ${file}`;
    const { read, result } = await importOutlines(file, name);
    expect(read.ok && read.crs.en).toContain(crs);
    expect(result.kind).toBe('created');
    const rows = await stairwellsOf(result.estateId);
    expect([...new Set(rows.map((r) => r.code))].sort()).toEqual(codes);
    // 72 m → 4, 54 m → 3, 36 m → 2 stairwells of about 18 m.
    expect(rows).toHaveLength(20);
    expect(rows.every((r) => r.floors === 6 && r.site !== null)).toBe(true);
    expect(rows.filter((r) => r.code === codes[3]).map((r) => r.door)).toEqual([`${codes[3]}1单元`, `${codes[3]}2单元`]);
  });

  it('imported again from the same file, the estate is updated in place and nothing changes', async () => {
    const first = await importOutlines('buildings-cgcs2000.zip', '长风四村 再次');
    const again = await importOutlines('buildings-cgcs2000.zip', '长风四村 再次');
    expect(again.result).toMatchObject({ kind: 'updated', stairwells: { kept: 20, added: 0, removed: 0 } });
    expect(first.result.kind).toBe('created');
  });

  it.each([
    ['no-prj.zip', '缺少 .prj', 'has no .prj'],
    ['points.geojson', '9 个点，没有楼栋轮廓', '9 points and no building outlines'],
    ['local-grid.geojson', '上海2000', 'local grid'],
    ['swapped.geojson', '整个文件的经纬度顺序颠倒', 'latitude and longitude swapped'],
  ])('refuses %s with one sentence in Chinese and English', async (file, zh, en) => {
    const read = await admin.admin.readOutlines(upload(file));
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems).toHaveLength(1);
    expect(!read.ok && read.problems[0]!.zh).toContain(zh);
    expect(!read.ok && read.problems[0]!.en).toContain(en);
  });

  it('names an outline that crosses itself and never preselects it', async () => {
    const read = await admin.admin.readOutlines(upload('self-crossing.geojson'));
    if (!read.ok) throw new Error('expected the other outlines');
    const { selected, refused } = preselectOutlines(read.outlines, { ...DEFAULT_MAPPING, ...read.guess }, boundary);
    expect(selected).toEqual(['0', '1', '3', '4', '5']);
    expect(refused.map((o) => o.problem?.zh)).toEqual([expect.stringMatching(/^轮廓 #2 的边自相交于 \(121\.\d+, 31\.\d+\)/)]);
  });

  it('refuses an archive that would inflate past 100 MB before inflating it', async () => {
    const bomb = zipSync({ 'buildings.shp': new Uint8Array(120 * 1024 * 1024), 'buildings.prj': new TextEncoder().encode('GEOGCS["WGS 84"]') }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    for (const fileName of ['bomb.zip', 'bomb.kmz']) {
      const read = await admin.admin.readOutlines({ fileName, base64: Buffer.from(bomb).toString('base64') });
      expect(!read.ok && read.problems[0]!.zh).toMatch(/解压后有 120 MB.*未读取任何内容/);
    }
  });

  it('is for staff: a canvasser may not read outline files', async () => {
    const canvasser = await callerAs(db, 'canvasser', {}, 'C01');
    await expect(canvasser.admin.readOutlines(upload('city-gis.geojson'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
