import { bbox } from '@turf/turf';
import { PNG } from 'pngjs';
import { convertPosition } from '../../geo/estate/index.ts';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StairwellProperties } from '../../server/queries/stairwell-properties.ts';
import { launchBrowser, waitForMapIdle } from '../support/browser.ts';
import { startTestServer } from '../support/test-server.ts';

/** A tile server on loopback standing in for OSM/Tianditu/AMap: every tile one flat colour. */
const TILE_RGB = [40, 160, 60] as const;
let tiles: Server;
let tileUrl: string;
const requested: string[] = [];

beforeAll(async () => {
  const png = new PNG({ width: 256, height: 256 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([...TILE_RGB, 255], i);
  const body = PNG.sync.write(png);
  tiles = createServer((req, res) => {
    requested.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
    res.end(body);
  });
  await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
  tileUrl = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}/tiles/{z}/{x}/{y}.png`;
});
afterAll(() => new Promise<void>((resolve) => tiles.close(() => resolve())));

const near = (a: readonly number[], b: readonly number[], tolerance: number) => a.every((v, i) => Math.abs(v - (b[i] ?? 0)) <= tolerance);

describe('raster basemap by configuration', () => {
  for (const datum of ['wgs84', 'gcj02'] as const) {
    it(`draws ${datum} tiles under the estate with their attribution, the stairwells where the tiles put them`, async () => {
      const server = await startTestServer({ basemap: { tiles: tileUrl, attribution: '© 测试底图', datum } });
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
        requested.length = 0;
        await page.goto(`${server.url}/wall?kiosk=1&cycle=0`);
        await waitForMapIdle(page);
        expect(requested.length).toBeGreaterThan(0);
        await page.locator('.maplibregl-ctrl-attrib', { hasText: '© 测试底图' }).waitFor();
        const png = PNG.sync.read(await page.screenshot());
        const pixel = (x: number, y: number) => {
          const i = (png.width * Math.round(y) + Math.round(x)) * 4;
          return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
        };
        // Outside the estate (the map's left margin, beside the boundary): the tile shows through (85% over the dark background).
        const map = await page.locator('.wall-map').boundingBox();
        const corner = pixel(map!.x + 8, map!.y + map!.height / 2);
        expect(near(corner, TILE_RGB.map((c) => Math.round(0.85 * c + 0.15 * [16, 21, 29][TILE_RGB.indexOf(c)]!)), 20), `corner ${corner.join(',')}`).toBe(true);
        // Each stairwell is drawn in its colour where its stored (WGS-84) footprint lands in the tiles' datum.
        const stairwells = (await (await fetch(`${server.url}/api/estates/1/stairwells.geojson`)).json()) as GeoJSON.FeatureCollection<GeoJSON.Polygon, StairwellProperties>;
        let right = 0;
        let unshifted = 0;
        for (const f of stairwells.features.slice(0, 20)) {
          const [w, s, e, n] = bbox(f);
          const at: [number, number] = [w + (e - w) * 0.12, s + (n - s) * 0.2];
          const colour = [1, 3, 5].map((i) => parseInt(f.properties.color.slice(i, i + 2), 16));
          const [x, y] = await page.evaluate((p) => window.liftmap!.project(p), at);
          if (near(pixel(x, y), colour, 8)) right++;
          // Where the stored WGS-84 position would land if drawn without conversion.
          const [ux, uy] = await page.evaluate((p) => window.liftmap!.project(p), convertPosition(at, 'gcj02', 'wgs84'));
          if (near(pixel(ux, uy), colour, 8)) unshifted++;
        }
        expect(right).toBe(20);
        if (datum === 'gcj02') expect(unshifted).toBeLessThan(5); // ≈ 490 m away: the shift is real
        await page.close();
      } finally {
        await browser.close();
        await server.close();
      }
    });
  }
});
