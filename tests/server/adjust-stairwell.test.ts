import type { TRPCClientError } from '@trpc/client';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolygonGeometry } from '../../geo/estate/index.ts';
import type { LngLat } from '../../geo/geometry/index.ts';
import { moveMetres } from '../support/move-metres.ts';
import { addUser } from '../../server/auth/manage-users.ts';
import type { AppRouter } from '../../server/routers/_app.ts';
import { signIn, type Client } from '../support/sign-in.ts';
import { ROOT, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let staff: Client;
let viewer: Client;
beforeAll(async () => {
  server = await startTestServer();
  staff = await signIn(server.url, 'li', await addUser(server.db, 'li', 'planner'));
  viewer = await signIn(server.url, 'guest', await addUser(server.db, 'guest', 'viewer'));
});
afterAll(() => server.close());

const codeOf = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as TRPCClientError<AppRouter>).data?.code;
type Row = { id: number; door_number: string; door_lng: number; door_lat: number; elevator_site: string | null; door_adjusted: number; site_adjusted: number };
/** The stored row as SQLite spells it (JSON as text, flags as 0/1), in either dialect. */
const row = async (door: string): Promise<Row> => {
  const [r] = await server.sql<Row & { elevator_site: unknown; door_adjusted: unknown; site_adjusted: unknown }>('SELECT * FROM stairwells WHERE door_number = ?', door);
  if (!r) throw new Error(`no stairwell ${door}`);
  const site = r.elevator_site === null || typeof r.elevator_site === 'string' ? r.elevator_site : JSON.stringify(r.elevator_site);
  return { ...r, elevator_site: site, door_adjusted: Number(r.door_adjusted), site_adjusted: Number(r.site_adjusted) };
};
const partsOf = (r: Row) => ({ door: [r.door_lng, r.door_lat] as LngLat, elevatorSite: JSON.parse(r.elevator_site!) as PolygonGeometry });
const pilotFile = () => JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'import', 'valid.geojson'), 'utf8')) as GeoJSON.FeatureCollection;

describe('a planner placing doors and elevator sites', () => {
  it('moves a door along the wall and the site beside it; the map and the export show them', async () => {
    const before = await row('长风二村 1号');
    const { door, elevatorSite } = partsOf(before);
    const result = await staff.admin.adjustStairwell.mutate({ stairwellId: before.id, door: moveMetres(door, 2, 0), elevatorSite: moveMetres(elevatorSite, 1.5, 0) });
    expect(result).toEqual({ ok: true, stairwellId: before.id, doorNumber: '长风二村 1号', doorAdjusted: true, siteAdjusted: true });
    const map = await staff.estate.map.query({ estateId: 1 });
    expect(map.layers.doors.features.find((f) => f.properties.stairwellId === before.id)?.geometry).toEqual({ type: 'Point', coordinates: moveMetres(door, 2, 0) });
    const exported = (await (await fetch(`${server.url}/api/estates/1/estate.geojson`)).json()) as GeoJSON.FeatureCollection;
    const site = exported.features.find((f) => f.properties?.kind === 'elevator_site' && f.properties.doorNumber === '长风二村 1号');
    expect(site?.geometry).toEqual(moveMetres(elevatorSite, 1.5, 0));
  });

  it('refuses a door off its stairwell or a site on a building, naming the stairwell, and writes nothing', async () => {
    const before = await row('长风二村 2号');
    const { door, elevatorSite } = partsOf(before);
    const result = await staff.admin.adjustStairwell.mutate({ stairwellId: before.id, door: moveMetres(door, 0, 12), elevatorSite: moveMetres(elevatorSite, 0, -6) });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems[0]).toMatch(/^长风二村 2号: the door is \d+\.\d m from the stairwell/);
    expect(problems.join('\n')).toMatch(/长风二村 2号: the elevator site covers \d+\.\d m² of building/);
    expect(await row('长风二村 2号')).toEqual(before);
  });

  it('is for staff: a viewer is refused, an unknown stairwell is not found', async () => {
    const s = await row('长风二村 3号');
    await expect(codeOf(viewer.admin.adjustStairwell.mutate({ stairwellId: s.id, ...partsOf(s) }))).resolves.toBe('FORBIDDEN');
    await expect(codeOf(staff.admin.adjustStairwell.mutate({ stairwellId: 99999, ...partsOf(s) }))).resolves.toBe('NOT_FOUND');
  });

  it('keeps a placement through a re-import whose file gives none, and gives it up when the building moved away', async () => {
    const created = await staff.admin.importEstate.mutate({ geojson: pilotFile() });
    expect(created).toMatchObject({ ok: true, outcome: { kind: 'created' } });
    const split = await row('2幢2单元');
    const placed = { door: moveMetres(partsOf(split).door, 1, 0), elevatorSite: moveMetres(partsOf(split).elevatorSite, 1, 0) };
    expect(await staff.admin.adjustStairwell.mutate({ stairwellId: split.id, ...placed })).toMatchObject({ ok: true });

    // The same file again: it splits 2幢 and places doors itself, so the planner's stay.
    expect(await staff.admin.importEstate.mutate({ geojson: pilotFile() })).toMatchObject({ ok: true, outcome: { adjusted: { kept: 2, dropped: [] } } });
    expect(partsOf(await row('2幢2单元'))).toEqual(placed);
    expect(await row('2幢2单元')).toMatchObject({ door_adjusted: 1, site_adjusted: 1 });

    // Its own export names them explicitly: importing it changes nothing, flags included.
    const pilotId = (created as { outcome: { estateId: number } }).outcome.estateId;
    const exported: unknown = await (await fetch(`${server.url}/api/estates/${pilotId}/estate.geojson`)).json();
    const before = await row('2幢2单元');
    expect(await staff.admin.importEstate.mutate({ geojson: exported })).toMatchObject({ ok: true, outcome: { adjusted: { kept: 0, dropped: [] } } });
    expect(await row('2幢2单元')).toEqual(before);

    // 2幢 redrawn 30 m further north: the old placement is no longer by its stairwell.
    const file = pilotFile();
    const building = file.features.find((f) => f.properties?.code === '2幢')!;
    building.geometry = moveMetres(building.geometry as PolygonGeometry, 0, 30);
    expect(await staff.admin.importEstate.mutate({ geojson: file })).toMatchObject({ ok: true, outcome: { adjusted: { kept: 0, dropped: ['2幢2单元 door', '2幢2单元 elevator site'] } } });
    expect(await row('2幢2单元')).toMatchObject({ door_adjusted: 0, site_adjusted: 0 });
    expect(partsOf(await row('2幢2单元')).door).not.toEqual(placed.door);
  });
});
