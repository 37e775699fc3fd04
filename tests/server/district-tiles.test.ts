import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tileAt } from '../../geo/district/index.ts';
import { parseEstateGeoJSON } from '../../geo/estate/index.ts';
import { importEstate } from '../../server/import/import-estate.ts';
import { districtTileCuts } from '../../server/queries/district-tiles.ts';
import type { DistrictOverview } from '../../server/queries/district-overview.ts';
import { ROOT, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const features = (bytes: ArrayBuffer) => {
  const layer = new VectorTile(new Pbf(new Uint8Array(bytes))).layers.stairwells;
  return layer ? Array.from({ length: layer.length }, (_, i) => layer.feature(i)) : [];
};

describe('GET /api/district/tiles/{z}/{x}/{y}.pbf', () => {
  it('carries every stairwell in its overview colour, the summary without them, and revalidates', async () => {
    const overview = (await (await fetch(`${server.url}/api/district/overview.json`)).json()) as DistrictOverview;
    const summary = await fetch(`${server.url}/api/district/summary.json`);
    expect(summary.headers.get('etag')).toBe((await fetch(`${server.url}/api/district/overview.json`)).headers.get('etag'));
    const body = (await summary.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['estates', 'total']);

    const [x, y] = tileAt(overview.estates[0]!.center, 12);
    const res = await fetch(`${server.url}/api/district/tiles/12/${x}/${y}.pbf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    const got = features(await res.arrayBuffer());
    const colour = new Map(overview.stairwells.features.map((f) => [Number(f.id), f.properties.colorKey]));
    // Fenghe fits in one z12 tile: all 80, each as the overview colours it.
    expect(new Set(got.map((f) => Number(f.id))).size).toBe(80);
    for (const f of got) expect(f.properties.colorKey).toBe(colour.get(Number(f.id)));
    expect(got[0]!.properties).toMatchObject({ estateId: 1 });
    expect(Object.keys(got[0]!.properties).sort()).toEqual(['colorKey', 'estateId', 'label']);

    const etag = res.headers.get('etag')!;
    expect((await fetch(`${server.url}/api/district/tiles/12/${x}/${y}.pbf`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    // Far from any estate: no content.
    expect((await fetch(`${server.url}/api/district/tiles/14/0/0.pbf`)).status).toBe(204);
  });

  it('refuses coordinates outside the tile grid, naming which', async () => {
    for (const [path, field] of [
      ['19/0/0', 'z'],
      ['3/8/0', 'x'],
      ['3/0/8', 'y'],
      ['a/0/0', 'z'],
      ['2/-1/0', 'x'],
    ] as const) {
      const res = await fetch(`${server.url}/api/district/tiles/${path}.pbf`);
      expect(res.status, path).toBe(400);
      expect(await res.text(), path).toMatch(new RegExp(`瓦片坐标有误（${field}: expected`));
    }
  });
});

describe('district tiles after a write', () => {
  it('cut again only for the estate that changed, in its new colour', async () => {
    const fixture = (name: string) => readFileSync(join(ROOT, 'tests', 'fixtures', 'import', name));
    const parsed = parseEstateGeoJSON(JSON.parse(fixture('valid.geojson').toString('utf8')));
    if (!parsed.ok) throw new Error('fixture must parse');
    const pilot = await importEstate(server.db, { slug: '试点小区', layout: parsed.layout, schematic: true, campaign: { register: [], canvassers: [], consentEvents: [], stageEvents: [] } });
    const overview = (await (await fetch(`${server.url}/api/district/overview.json`)).json()) as DistrictOverview;
    const tileOf = (estateId: number) => tileAt(overview.estates.find((e) => e.id === estateId)!.center, 16);
    const get = async (estateId: number) => {
      const [x, y] = tileOf(estateId);
      return features(await (await fetch(`${server.url}/api/district/tiles/16/${x}/${y}.pbf`)).arrayBuffer());
    };
    await get(1);
    await get(pilot);
    const before = districtTileCuts(server.db);
    await get(1);
    await get(pilot);
    expect(districtTileCuts(server.db)).toBe(before);

    const [one] = (await get(1)).filter((f) => f.properties.colorKey !== 'suspended');
    await server.sql("UPDATE stairwells SET stage = 'suspended' WHERE id = ?", Number(one!.id));
    const after = await get(1);
    expect(after.find((f) => f.id === one!.id)?.properties.colorKey).toBe('suspended');
    expect(districtTileCuts(server.db)).toBe(before + 1);
    await get(pilot);
    expect(districtTileCuts(server.db)).toBe(before + 1);
  });
});
