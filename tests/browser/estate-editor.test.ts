import { bbox, booleanIntersects, centroid, polygon as turfPolygon } from '@turf/turf';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { EstateCollection } from '../../geo/editing/index.ts';
import type { PolygonGeometry } from '../../geo/estate/index.ts';
import { createLocalFrame, type LngLat } from '../../geo/geometry/index.ts';
import { plannerPage } from '../support/browser.ts';
import { signInAs } from '../support/sign-in.ts';
import { ROOT, type TestServer } from '../support/test-server.ts';
import { serverAndBrowser } from '../support/browser-suite.ts';

const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
let server: TestServer;
let browser: Browser;
serverAndBrowser((s, b) => ((server = s), (browser = b)));

const estateFile = async () => (await (await fetch(`${server.url}/api/estates/1/estate.geojson`)).json()) as EstateCollection;
const count = async (table: string) => Number((await server.sql<{ n: number }>(`SELECT count(*) n FROM ${table}`))[0]!.n);
const pixel = (page: Page, p: LngLat) => page.evaluate((q) => window.liftmapEstateEditor!.project(q), p);
const idle = (page: Page) => page.waitForFunction(() => window.liftmapEstateEditor?.idle() === true, undefined, { timeout: 30_000, polling: 100 });
async function clickAt(page: Page, p: LngLat, times = 1): Promise<void> {
  const [x, y] = await pixel(page, p);
  await page.mouse.move(x, y, { steps: 3 });
  for (let i = 0; i < times; i++) await page.mouse.click(x, y);
}
/** Waits for the n-th saved edit: the undo button counts them. */
const saved = (page: Page, n: number) => page.getByRole('button', { name: `撤销（${n}）` }).waitFor({ timeout: 20_000 });
const tool = (page: Page, name: string) => page.getByRole('toolbar').getByRole('button', { name }).click();

/** A spot of `w` × `h` metres inside the boundary that touches no feature but the boundary: where a new building or lane can go. */
function emptySpot(estate: EstateCollection, w: number, h: number): { centre: LngLat; frame: ReturnType<typeof createLocalFrame> } {
  const boundary = estate.features.find((f) => f.properties.kind === 'boundary')!.geometry as PolygonGeometry;
  const [west, south, east, north] = bbox(turfPolygon(boundary.coordinates));
  const others = estate.features.filter((f) => f.properties.kind !== 'boundary');
  for (let lat = south + 0.0002; lat < north - 0.0002; lat += 0.00005)
    for (let lng = west + 0.0002; lng < east - 0.0002; lng += 0.00005) {
      const frame = createLocalFrame([lng, lat]);
      const rect = turfPolygon([[frame.toLngLat([-w / 2, -h / 2]), frame.toLngLat([w / 2, -h / 2]), frame.toLngLat([w / 2, h / 2]), frame.toLngLat([-w / 2, h / 2]), frame.toLngLat([-w / 2, -h / 2])]]);
      if (!others.some((f) => booleanIntersects(rect, f))) return { centre: [lng, lat], frame };
    }
  throw new Error('no empty spot');
}

describe('/edit in Chromium: drawing on the map, each edit saved through the import', () => {
  it('splits a stairwell, moves and turns an elevator site, undoes, draws spaces, a fire lane and a building; its export imports back unchanged', async () => {
    const page = await plannerPage(browser, server.url, server.db, { width: 1600, height: 1000 });
    await page.goto(`${server.url}/edit?estate=1`);
    await idle(page);
    const before = await estateFile();
    const [stairwells, parking, lanes, buildings] = [await count('stairwells'), await count('parking_spaces'), await count('fire_lanes'), await count('buildings')];

    // 1. A line across a stairwell of 1幢 from north to south of the block.
    const target = before.features.find((f) => f.properties.kind === 'stairwell' && f.properties.buildingCode === '1幢')!;
    const c = centroid(turfPolygon((target.geometry as PolygonGeometry).coordinates)).geometry.coordinates as LngLat;
    const here = createLocalFrame(c);
    await tool(page, '分割门洞');
    await clickAt(page, here.toLngLat([0, 9]));
    await clickAt(page, here.toLngLat([0, -9]), 2);
    const form = page.getByTestId('pending-edit');
    await expect(form.locator('input[name="doorNumber"]').inputValue()).resolves.toBe(`${String(target.properties.doorNumber)}-2`);
    await form.getByRole('button', { name: '确定' }).click();
    await saved(page, 1);
    expect(await count('stairwells')).toBe(stairwells + 1);
    expect(await server.sql('SELECT door_number FROM stairwells WHERE door_number = ?', `${String(target.properties.doorNumber)}-2`)).toHaveLength(1);

    // 2. An elevator site, zoomed in on, picked and dragged about 4 m east; then turned 15°.
    const site = before.features.find((f) => f.properties.kind === 'elevator_site' && f.properties.doorNumber !== target.properties.doorNumber && String(f.properties.doorNumber).startsWith('长风'))!;
    const door = String(site.properties.doorNumber);
    const siteAt = centroid(turfPolygon((site.geometry as PolygonGeometry).coordinates)).geometry.coordinates as LngLat;
    await tool(page, '选择 / 移动');
    const [sx, sy] = await pixel(page, siteAt);
    await page.mouse.move(sx, sy);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -300);
    await idle(page);
    await clickAt(page, siteAt);
    await page.getByTestId('selected-feature').filter({ hasText: `加梯位置 ${door}` }).waitFor();
    const [ax, ay] = await pixel(page, siteAt);
    const [bx] = await pixel(page, createLocalFrame(siteAt).toLngLat([4, 0]));
    await page.mouse.move(ax, ay);
    await page.mouse.down();
    await page.mouse.move(bx, ay, { steps: 12 });
    await page.mouse.up();
    await saved(page, 2);
    const movedSite = (await server.sql<{ site: string }>('SELECT elevator_site site FROM stairwells WHERE door_number = ?', door))[0]!.site;
    const movedAt = centroid(turfPolygon((JSON.parse(movedSite) as PolygonGeometry).coordinates)).geometry.coordinates as LngLat;
    expect(createLocalFrame(siteAt).toMetres(movedAt)[0]).toBeGreaterThan(2.5);
    await page.getByRole('button', { name: '↺ 15°' }).click();
    await saved(page, 3);
    expect((await server.sql<{ site: string }>('SELECT elevator_site site FROM stairwells WHERE door_number = ?', door))[0]!.site).not.toBe(movedSite);
    await page.screenshot({ path: join(ARTIFACTS, 'edit-01-site.png') });

    // 3. Undo puts the turned site back where it was dragged.
    await page.getByRole('button', { name: '撤销（3）' }).click();
    await saved(page, 2);
    expect((await server.sql<{ site: string }>('SELECT elevator_site site FROM stairwells WHERE door_number = ?', door))[0]!.site).toBe(movedSite);

    // 4. Back to the whole estate: a row of six spaces along a kerb, a fire lane, a new building, each in an empty spot.
    await page.getByRole('button', { name: '全景' }).click();
    await idle(page);
    const now = await estateFile();
    const kerb = emptySpot(now, 20, 8);
    await tool(page, '一排车位');
    await clickAt(page, kerb.frame.toLngLat([-8, -3]));
    await clickAt(page, kerb.frame.toLngLat([8, -3]), 2);
    await page.getByTestId('pending-edit').locator('input[name="count"]').fill('6');
    await page.getByTestId('pending-edit').getByRole('button', { name: '确定' }).click();
    await saved(page, 3);
    expect(await count('parking_spaces')).toBe(parking + 6);

    await tool(page, '消防车道');
    const lane = emptySpot(await estateFile(), 20, 6);
    await clickAt(page, lane.frame.toLngLat([-9, 0]));
    await clickAt(page, lane.frame.toLngLat([0, 1]));
    await clickAt(page, lane.frame.toLngLat([9, 0]), 2);
    await page.getByTestId('pending-edit').getByRole('button', { name: '确定' }).click();
    await saved(page, 4);
    expect(await count('fire_lanes')).toBe(lanes + 1);

    await tool(page, '新楼栋');
    const plot = emptySpot(await estateFile(), 24, 12);
    for (const [x, y] of [[-11, -4], [11, -4], [11, 4], [-11, 4]] as const) await clickAt(page, plot.frame.toLngLat([x, y]));
    await clickAt(page, plot.frame.toLngLat([-11, -4]));
    const building = page.getByTestId('pending-edit');
    await building.locator('input[name="code"]').fill('21幢');
    await building.locator('input[name="stairwellCount"]').fill('2');
    await building.getByRole('button', { name: '确定' }).click();
    await saved(page, 5);
    expect(await count('buildings')).toBe(buildings + 1);
    expect(await server.sql("SELECT door_number FROM stairwells WHERE door_number LIKE '21幢%' ORDER BY door_number")).toEqual([{ door_number: '21幢1单元' }, { door_number: '21幢2单元' }]);
    await idle(page);
    await page.screenshot({ path: join(ARTIFACTS, 'edit-02-drawn.png') });

    // 5. The boundary picked by its edge, its south-west corner dragged 10 m further out.
    await tool(page, '选择 / 移动');
    const ring = ((await estateFile()).features.find((f) => f.properties.kind === 'boundary')!.geometry as PolygonGeometry).coordinates[0]!;
    const [west, south] = [Math.min(...ring.map((p) => p[0])), Math.min(...ring.map((p) => p[1]))];
    const east = Math.max(...ring.map((p) => p[0]));
    await clickAt(page, [(west + east) / 2, south]);
    await page.getByTestId('selected-feature').filter({ hasText: '小区边界' }).waitFor();
    const [cx, cy] = await pixel(page, [west, south]);
    const [dx, dy] = await pixel(page, createLocalFrame([west, south]).toLngLat([-10, -10]));
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(dx, dy, { steps: 12 });
    await page.mouse.up();
    await saved(page, 6);
    const boundary = (await server.sql<{ b: string }>('SELECT boundary b FROM estates WHERE id = 1'))[0]!.b;
    const stored = (typeof boundary === 'string' ? JSON.parse(boundary) : boundary) as PolygonGeometry;
    const out = stored.coordinates[0]!;
    expect(out[0]).toEqual(out[out.length - 1]);
    expect(Math.min(...out.map((p) => p[0]))).toBeLessThan(west - 0.00005);

    // 6. What the editor saved exports and imports back with nothing to change.
    const staff = await signInAs(server.url, server.db, 'planner');
    const again = await staff.admin.previewEstate.mutate({ geojson: await estateFile() });
    expect(again.ok && again.outcome).toMatchObject({ kind: 'updated', stairwells: { added: 0, removed: 0 } });
    await page.close();
  });

  it('places a photographed site plan by three points and draws it under the layout', async () => {
    const page = await plannerPage(browser, server.url, server.db, { width: 1600, height: 1000 });
    await page.goto(`${server.url}/edit?estate=1`);
    await idle(page);
    const estate = await estateFile();
    const boundary = estate.features.find((f) => f.properties.kind === 'boundary')!.geometry as PolygonGeometry;
    const [west, south, east, north] = bbox(turfPolygon(boundary.coordinates));
    // A "scan": 1200 px wide, north up, every building a dark block, as the paper plan shows them.
    const W = 1200;
    const H = Math.round((W * (north - south) * 111_000) / ((east - west) * 95_000));
    const toPx = ([lng, lat]: LngLat): [number, number] => [Math.round(((lng - west) / (east - west)) * W), Math.round(((north - lat) / (north - south)) * H)];
    const png = new PNG({ width: W, height: H });
    png.data.fill(255);
    for (const f of estate.features.filter((g) => g.properties.kind === 'building')) {
      const [bw, bs, be, bn] = bbox(f);
      const [x0, y0] = toPx([bw, bn]);
      const [x1, y1] = toPx([be, bs]);
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) png.data.set([60, 60, 70, 255], (y * W + x) * 4);
    }
    await page.locator('input[name="site-plan"]').setInputFiles({ name: '总平面图.png', mimeType: 'image/png', buffer: PNG.sync.write(png) });
    // Uploaded, the plan asks for its first point at once.
    await page.getByText('第 1 个点：先在下面的图上点一个楼角').waitFor();
    const image = page.getByTestId('site-plan-image');
    await image.waitFor();
    const corners = ['1幢', '16幢', '20幢'].map((code) => {
      const [bw, , , bn] = bbox(estate.features.find((f) => f.properties.kind === 'building' && f.properties.code === code)!);
      return [bw, bn] as LngLat;
    });
    for (const corner of corners) {
      const [px, py] = toPx(corner);
      const box = (await image.boundingBox())!;
      await page.mouse.click(box.x + ((px + 0.5) / W) * box.width, box.y + ((py + 0.5) / H) * box.height);
      await page.getByText('现在在地图上点同一个位置').waitFor();
      await clickAt(page, corner);
    }
    await page.getByTestId('plan-points').locator('li').nth(2).waitFor();
    await page.getByRole('button', { name: '保存底图位置' }).click();
    await page.getByText(/已定位 3 个点/).waitFor();
    const [row] = await server.sql<{ corners: string; mime: string; width_px: number }>('SELECT corners, mime, width_px FROM site_plans WHERE estate_id = 1');
    expect(row).toMatchObject({ mime: 'image/png', width_px: W });
    const fitted = (typeof row!.corners === 'string' ? JSON.parse(row!.corners) : row!.corners) as LngLat[];
    // The plan's top-left corner lands on the boundary's north-west corner, within the pixels of a click.
    expect(createLocalFrame([west, north]).toMetres(fitted[0]!).map((m) => Math.abs(m) < 4)).toEqual([true, true]);
    await page.locator('input[name="site-plan-opacity"]').fill('0.8');
    await idle(page);
    await page.screenshot({ path: join(ARTIFACTS, 'edit-03-site-plan.png') });
    const image200 = await page.request.get(`${server.url}/api/estates/1/site-plan`);
    expect(image200.headers()['content-type']).toBe('image/png');
    expect((await fetch(`${server.url}/api/estates/1/site-plan`)).status).toBe(401);
    await page.close();
  });
});
