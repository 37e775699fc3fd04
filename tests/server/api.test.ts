import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEALTH_PALETTE, MAP_PALETTE } from '../../geo/palette/index.ts';
import type { AppRouter } from '../../server/routers/_app.ts';
import { expectNoPersonalData } from '../support/personal-data.ts';
import { FENGHE_DIR, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let trpc: ReturnType<typeof createTRPCClient<AppRouter>>;
beforeAll(async () => {
  server = await startTestServer();
  trpc = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${server.url}/trpc` })] });
});
afterAll(() => server.close());

const get = async (path: string) => {
  const res = await fetch(server.url + path);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
};

describe('tRPC over HTTP', () => {
  it('lists the seeded estate', async () => {
    expect(await trpc.estate.list.query()).toEqual([{ id: 1, name: '风荷苑', stairwellCount: 80, schematic: true }]);
  });

  it('delivers every layer of the map and headline figures that add up', async () => {
    const map = await trpc.estate.map.query({ estateId: 1 });
    expect(map.layers.stairwells.features).toHaveLength(80);
    expect(map.layers.buildings.features).toHaveLength(20);
    expect(map.layers.elevatorSites.features).toHaveLength(80);
    expect(map.layers.parking.features).toHaveLength(336);
    expect(map.layers.fireLanes.features.map((f) => f.properties.code).sort()).toEqual(['消防车道 1', '消防车道 2', '消防车道 3']);
    expect(map.layers.roads.features.length).toBeGreaterThan(0);
    expect(map.layers.green.features.length).toBeGreaterThan(0);
    const register = readFileSync(join(FENGHE_DIR, 'register.csv'), 'utf8');
    const signed = register.split('\n').filter((l) => l.split(',')[10] === 'signed').length;
    expect(map.headline).toMatchObject({ flatTotal: 1920, flatsSigned: signed });
    expect(map.headline.campaign.total).toBe(80);
    // 已达标 is the rule met while still canvassing; 征询通过 is a confirmed stage. They never overlap.
    const ruleMet = map.layers.stairwells.features.filter((f) => f.properties.passed && f.properties.stage === 'canvassing');
    const confirmed = map.layers.stairwells.features.filter((f) => f.properties.stage !== 'canvassing' && f.properties.stage !== 'suspended');
    expect(map.headline.campaign.ruleMet).toBe(ruleMet.length);
    expect(map.headline.campaign.confirmed).toBe(confirmed.length);
    expect(map.headline.eldersServed).toBe(confirmed.reduce((n, f) => n + f.properties.upperFloorElders, 0));
    // A lift in service is drawn by its health; every other stairwell by its stage or progress.
    for (const f of map.layers.stairwells.features) expect(f.properties.color).toBe(f.properties.health ? HEALTH_PALETTE[f.properties.health].color : MAP_PALETTE[f.properties.colorKey].color);
    expect(map.layers.stairwells.features.filter((f) => f.properties.health).map((f) => f.properties.stage)).toEqual(['in_service', 'in_service', 'in_service']);
  });

  it('colours by stage once a stairwell is past canvassing', async () => {
    const map = await trpc.estate.map.query({ estateId: 1 });
    const advanced = map.layers.stairwells.features.filter((f) => f.properties.stage !== 'canvassing');
    expect(advanced.length).toBeGreaterThan(0);
    for (const f of advanced) {
      expect(f.properties.colorKey).toBe(f.properties.stage);
      expect(f.properties.passed).toBe(true);
    }
  });

  it('details a stairwell: 24 flats, the four tests and a to-do list that tips it over', async () => {
    const map = await trpc.estate.map.query({ estateId: 1 });
    const open = map.layers.stairwells.features.find((f) => f.properties.colorKey === 'p75')!;
    const d = await trpc.stairwell.detail.query({ stairwellId: open.properties.id });
    expect(d.flats).toHaveLength(24);
    expect(new Set(d.flats.map((f) => f.floor))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    if (!d.evaluation.complete) throw new Error('expected a complete evaluation');
    expect(d.evaluation.tests.map((t) => t.key)).toEqual(['votersParticipation', 'areaParticipation', 'votersAgreement', 'areaAgreement']);
    expect(d.evaluation.todo.length).toBe(open.properties.flatsToPassCount);
    expect(d.evaluation.todo.every((f) => ['unvisited', 'undecided', 'intent', 'unreachable'].includes(f.status))).toBe(true);
  });

  it('shows the stairwell with a missing area as incomplete, naming the room', async () => {
    const map = await trpc.estate.map.query({ estateId: 1 });
    const incomplete = map.layers.stairwells.features.find((f) => f.properties.colorKey === 'incomplete')!;
    expect(incomplete.properties.doorNumber).toBe('长风二村 58号');
    const d = await trpc.stairwell.detail.query({ stairwellId: incomplete.properties.id });
    expect(d.evaluation).toEqual({ complete: false, missingAreaRooms: ['503'] });
  });

  it('answers an unknown estate or stairwell with NOT_FOUND', async () => {
    const error = await trpc.estate.map.query({ estateId: 999 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<AppRouter>).data?.code).toBe('NOT_FOUND');
    expect((error as TRPCClientError<AppRouter>).message).toBe('没有编号为 999 的小区（no estate with id 999）');
    const missing = await trpc.stairwell.detail.query({ stairwellId: 4242 }).catch((e: unknown) => e);
    expect((missing as TRPCClientError<AppRouter>).data?.code).toBe('NOT_FOUND');
  });

  it('refuses bad input with a message naming the field', async () => {
    const error = (await trpc.estate.map.query({ estateId: -1 }).catch((e: unknown) => e)) as TRPCClientError<AppRouter>;
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('输入有误：estateId: expected a positive id');
    expect(error.data?.fields).toEqual([{ field: 'estateId', message: 'expected a positive id' }]);
    expect(server.logs).toEqual([]);
  });
});

describe('plain HTTP endpoints', () => {
  it('GET /api/estates lists id, name and stairwell count', async () => {
    const res = await get('/api/estates');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual([{ id: 1, name: '风荷苑', stairwellCount: 80 }]);
  });

  it('GET /api/estates/1/stairwells.geojson is a FeatureCollection QGIS can load', async () => {
    const res = await get('/api/estates/1/stairwells.geojson');
    expect(res.status).toBe(200);
    expect(res.type).toContain('application/geo+json');
    const fc = JSON.parse(res.text) as GeoJSON.FeatureCollection<GeoJSON.Polygon, Record<string, unknown>>;
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(80);
    const props = fc.features[0]!.properties;
    for (const key of ['doorNumber', 'buildingId', 'stage', 'color', 'passed', 'stillPossible', 'votersTotal', 'areaTotalM2', 'flatsToPassCount'])
      expect(props).toHaveProperty(key);
    expect(fc.features[0]!.geometry.type).toBe('Polygon');
  });

  it('answers an unknown estate with 404 and a malformed id with 400 naming the field', async () => {
    const missing = await get('/api/estates/77/stairwells.geojson');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text)).toEqual({ error: { code: 'NOT_FOUND', message: '没有编号为 77 的小区（no estate with id 77）' } });
    const bad = await get('/api/estates/abc/stairwells.geojson');
    expect(bad.status).toBe(400);
    expect((JSON.parse(bad.text) as { error: unknown }).error).toMatchObject({ code: 'BAD_REQUEST', field: 'id' });
    expect((await get('/api/nothing')).status).toBe(404);
  });

  it('reports health and serves the client for /wall', async () => {
    expect(JSON.parse((await get('/healthz')).text)).toEqual({ ok: true, estates: 1 });
    const wall = await get('/wall');
    expect(wall.status).toBe(200);
    expect(wall.text).toContain('<div id="root">');
  });
});

describe('personal data', () => {
  it('never leaves the server in map, GeoJSON or detail responses', async () => {
    const map = await trpc.estate.map.query({ estateId: 1 });
    const details = await Promise.all(map.layers.stairwells.features.slice(0, 10).map((f) => trpc.stairwell.detail.query({ stairwellId: f.properties.id })));
    const wire = JSON.stringify(map) + (await get('/api/estates/1/stairwells.geojson')).text + JSON.stringify(details);
    expectNoPersonalData(wire);
  });
});
