import { rewind } from '@turf/turf';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEstateGeoJSON } from '../../geo/estate/index.ts';
import type { EstateLayout } from '../../geo/estate/estate-layout.ts';
import { addUser } from '../../server/auth/manage-users.ts';
import { freshTarget } from '../support/test-database.ts';
import { expectNoPersonalData } from '../support/personal-data.ts';
import { runCli } from '../support/run-cli.ts';
import { sessionCookieFor, signIn, type Client } from '../support/sign-in.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let staff: Client;
let cookie: string;
let dir: string;
beforeAll(async () => {
  server = await startTestServer();
  const password = await addUser(server.db, 'li', 'planner');
  staff = await signIn(server.url, 'li', password);
  cookie = await sessionCookieFor(server.url, 'li', password);
  dir = mkdtempSync(join(tmpdir(), 'liftmap-export-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const exportEstate = async (url: string, id = 1) => {
  const res = await fetch(`${url}/api/estates/${id}/estate.geojson`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/geo+json');
  return res.text();
};

/** Every row of every table an estate lives in, as plain SQL sees it. */
async function dump(server: TestServer): Promise<Record<string, unknown[]>> {
  const tables = ['estates', 'buildings', 'stairwells', 'voters', 'flats', 'consent_events', 'stage_events', 'canvassers', 'canvasser_stairwells', 'parking_spaces', 'fire_lanes', 'map_features', 'phase_scenarios', 'stairwell_costs'];
  const rows: Record<string, unknown[]> = {};
  for (const t of tables) rows[t] = await server.sql(`SELECT * FROM ${t} ORDER BY ${t === 'canvasser_stairwells' ? '1, 2' : '1'}`);
  return rows;
}

describe('an estate exported in the import format', () => {
  it('is the whole layout, with doors and elevator sites, and nothing personal', async () => {
    const text = await exportEstate(server.url);
    const fc = JSON.parse(text) as GeoJSON.FeatureCollection;
    const count = (kind: string) => fc.features.filter((f) => f.properties?.kind === kind).length;
    expect({ boundary: count('boundary'), building: count('building'), stairwell: count('stairwell'), site: count('elevator_site'), parking: count('parking'), lanes: count('fire_lane') }).toEqual({
      boundary: 1,
      building: 20,
      stairwell: 80,
      site: 80,
      parking: 336,
      lanes: 3,
    });
    expectNoPersonalData(text);
    expect((await fetch(`${server.url}/api/estates/99/estate.geojson`)).status).toBe(404);
  });

  it('imports back in place changing nothing: not a row, not a version, not an event', async () => {
    const before = await dump(server);
    const result = await staff.admin.importEstate.mutate({ geojson: JSON.parse(await exportEstate(server.url)) });
    expect(result).toMatchObject({ ok: true, outcome: { kind: 'updated', stairwells: { kept: 80, added: 0, removed: 0 }, flatsKept: 1920 } });
    expect(await dump(server)).toEqual(before);
  });

  it('with its register, rebuilds the same estate in an empty database through npm run import', async () => {
    const geojson = join(dir, '风荷苑.geojson');
    writeFileSync(geojson, await exportEstate(server.url));
    const register = join(dir, '名册.xlsx');
    writeFileSync(register, Buffer.from(await (await fetch(`${server.url}/api/estates/1/register.xlsx`, { headers: { cookie } })).arrayBuffer()));
    const target = await freshTarget(dir);
    const r = runCli('import', target, 'estate', geojson, '--register', register);
    expect(r.err).toBe('');
    expect(r.out).toContain('imported 风荷苑 as estate 1: 80 stairwells');
    const fresh = await startTestServer({ seed: false, dbFile: target.file ?? undefined, databaseUrl: target.databaseUrl ?? undefined });
    try {
      expect(await exportEstate(fresh.url)).toBe(await exportEstate(server.url));
      const freshCookie = await sessionCookieFor(fresh.url, 'li', await addUser(fresh.db, 'li', 'planner'));
      const csv = async (url: string, c: string) => (await fetch(`${url}/api/estates/1/register.csv`, { headers: { cookie: c } })).text();
      expect(await csv(fresh.url, freshCookie)).toBe(await csv(server.url, cookie));
      // The register carries everything the consent rule reads (stages are the campaign's history, not the register's).
      const consent = async (url: string) =>
        ((await (await fetch(`${url}/api/estates/1/stairwells.geojson`)).json()) as GeoJSON.FeatureCollection<GeoJSON.Polygon, Record<string, unknown>>).features.map((f) => {
          const { doorNumber, passed, progress, votersAgreeing, areaAgreeingM2, flatsToPassCount, upperFloorElders } = f.properties;
          return { doorNumber, passed, progress, votersAgreeing, areaAgreeingM2, flatsToPassCount, upperFloorElders };
        });
      expect(await consent(fresh.url)).toEqual(await consent(server.url));
    } finally {
      await fresh.close();
    }
  });
});

/** ogr2ogr with these arguments in the export folder; its warnings are GDAL's own (field types, laundered names). */
const ogr2ogr = (...args: string[]) => execFileSync('ogr2ogr', args, { cwd: dir, stdio: 'pipe' });

describe('the estate through a GIS and back (GDAL ogr2ogr, as the README says)', () => {
  it('survives GeoPackage: every stairwell keeps its door, and the import changes nothing', async () => {
    writeFileSync(join(dir, 'estate.geojson'), await exportEstate(server.url));
    ogr2ogr('-f', 'GPKG', 'estate.gpkg', 'estate.geojson');
    ogr2ogr('-f', 'GeoJSON', 'from-gpkg.geojson', 'estate.gpkg');
    const back = JSON.parse(readFileSync(join(dir, 'from-gpkg.geojson'), 'utf8')) as GeoJSON.FeatureCollection;
    // What GDAL made of the door: its own list text, and the two number fields beside it.
    const stairwell = back.features.find((f) => f.properties?.kind === 'stairwell')!.properties!;
    expect(stairwell.door).toMatch(/^\(2:[\d.]+,[\d.]+\)$/);
    expect(typeof stairwell.doorLng).toBe('number');
    const before = await dump(server);
    const result = await staff.admin.importEstate.mutate({ geojson: back });
    expect(result).toMatchObject({ ok: true, outcome: { kind: 'updated', stairwells: { kept: 80, added: 0, removed: 0 }, flatsKept: 1920 } });
    expect(await dump(server)).toEqual(before);
  });

  it('survives Shapefiles (areas and lines apart, UTF-8 for Chinese names): the same layout, rings turned as Shapefiles turn them', async () => {
    const exported = await exportEstate(server.url);
    writeFileSync(join(dir, 'estate.geojson'), exported);
    ogr2ogr('-f', 'ESRI Shapefile', '-lco', 'ENCODING=UTF-8', '-nlt', 'POLYGON', '-where', "kind NOT IN ('road', 'fire_lane')", 'estate-areas.shp', 'estate.geojson');
    ogr2ogr('-f', 'ESRI Shapefile', '-lco', 'ENCODING=UTF-8', '-nlt', 'LINESTRING', '-where', "kind IN ('road', 'fire_lane')", 'estate-lines.shp', 'estate.geojson');
    ogr2ogr('-f', 'GPKG', '-nln', 'estate', 'from-shp.gpkg', 'estate-areas.shp');
    ogr2ogr('-append', '-f', 'GPKG', '-nln', 'estate', 'from-shp.gpkg', 'estate-lines.shp');
    ogr2ogr('-f', 'GeoJSON', 'from-shp.geojson', 'from-shp.gpkg');
    const back = JSON.parse(readFileSync(join(dir, 'from-shp.geojson'), 'utf8')) as GeoJSON.FeatureCollection;
    const stairwell = back.features.find((f) => f.properties?.kind === 'stairwell')!.properties!;
    expect(stairwell.buildingCo).toMatch(/幢$/);
    const original = parseEstateGeoJSON(JSON.parse(exported));
    const returned = parseEstateGeoJSON(back);
    if (!original.ok || !returned.ok) throw new Error(JSON.stringify(returned).slice(0, 500));
    const turned = (layout: EstateLayout) => JSON.parse(JSON.stringify(layout, (_, v: unknown) => (isPolygon(v) ? rewind(v as GeoJSON.Polygon) : v))) as EstateLayout;
    expect(turned(returned.layout)).toEqual(turned(original.layout));
    expect(returned.layout.stairwells.map((s) => s.door)).toEqual(original.layout.stairwells.map((s) => s.door));
    const result = await staff.admin.importEstate.mutate({ geojson: back });
    expect(result).toMatchObject({ ok: true, outcome: { kind: 'updated', stairwells: { kept: 80, added: 0, removed: 0 }, flatsKept: 1920 } });
  });
});

const isPolygon = (v: unknown) => typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'Polygon' && Array.isArray((v as { coordinates?: unknown }).coordinates);
