import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PARKING_PALETTE } from '../../geo/palette/index.ts';
import { plannerPage, waitForMapIdle } from '../support/browser.ts';
import { signInAs } from '../support/sign-in.ts';
import { ROOT, type TestServer } from '../support/test-server.ts';
import { serverAndBrowser } from '../support/browser-suite.ts';

let server: TestServer;
let browser: Browser;
serverAndBrowser((s, b) => ((server = s), (browser = b)));
beforeAll(async () => {
  const trpc = await signInAs(server.url, server.db, 'planner');
  await trpc.plan.save.mutate({ estateId: 1, name: '方案 A', params: await trpc.plan.defaults.query(), moves: [] });
});

describe('/plan?view=parking in Chromium', () => {
  it('shows what changes in a construction phase: spaces out of use on the map and who must move', async () => {
    const page = await plannerPage(browser, server.url, server.db);
    await page.goto(`${server.url}/plan?view=parking`);
    await waitForMapIdle(page);
    const summary = page.getByTestId('parking-summary');
    await summary.filter({ hasText: '停用车位 0 个' }).waitFor();
    const options = await page.locator('select[name="parkingState"] option').allTextContents();
    expect(options[0]).toBe('现状（施工前）');
    expect(options.at(-1)).toBe('全部完工后');

    const parking = (await (await fetch(`${server.url}/trpc/parking.compute?input=${encodeURIComponent(JSON.stringify({ estateId: 1, floors: [1, 2], maxWalkM: 80, scenarioId: null }))}`)).json()) as {
      result: { data: { states: { key: string; unavailable: string[]; moves: unknown[] }[] } };
    };
    const busy = parking.result.data.states.find((s) => s.key.startsWith('phase-') && s.unavailable.length > 0 && s.moves.length > 0)!;
    await page.locator('select[name="parkingState"]').selectOption(busy.key);
    await page.getByTestId('parking-summary').filter({ hasText: `停用车位 ${busy.unavailable.length} 个` }).waitFor();
    await expect(page.getByTestId('parking-moves').locator('li').count()).resolves.toBe(busy.moves.length);

    const map = (await (await fetch(`${server.url}/trpc/estate.map?input=${encodeURIComponent('{"estateId":1}')}`)).json()) as {
      result: { data: { layers: { parking: { features: { id: number; geometry: GeoJSON.Polygon; properties: { code: string } }[] } } } };
    };
    const out = map.result.data.layers.parking.features.find((f) => f.properties.code === busy.unavailable[0])!;
    await expect(page.evaluate((id) => window.liftmap!.stateOf('parking', id)?.color, out.id)).resolves.toBe(PARKING_PALETTE.out_of_use.color);
    await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'parking-phase.png') });

    // Clicking an assigned space says which door, floor and room it serves.
    await page.locator('select[name="parkingState"]').selectOption('now');
    const firstRow = page.locator('.parking-table tbody tr').first();
    const [code, door] = await firstRow.locator('td').allTextContents();
    const space = map.result.data.layers.parking.features.find((f) => f.properties.code === code)!;
    const ring = space.geometry.coordinates[0]!;
    const centre: [number, number] = [(ring[0]![0]! + ring[2]![0]!) / 2, (ring[0]![1]! + ring[2]![1]!) / 2];
    const [x, y] = await page.evaluate((c) => window.liftmap!.project(c), centre);
    await page.mouse.click(x, y);
    await expect(page.getByTestId('space-info').textContent()).resolves.toContain(`车位 ${code}：${door}`);
    // The page says what it is; every row names the room, not just the floor; a line joins each space to its door.
    await expect(page.locator('h1').textContent()).resolves.toBe('风荷苑 低层住户优先停车');
    const rooms = await page.locator('.parking-table tbody tr td:nth-child(4)').allTextContents();
    expect(rooms.length).toBeGreaterThan(0);
    expect(rooms.every((r) => /^\d{3,4}$/.test(r))).toBe(true);
    await waitForMapIdle(page);
    expect(await page.evaluate(() => window.liftmap!.renderedCount('parking-links'))).toBeGreaterThan(0);
    await page.close();
  });

  it('numbers the spaces once a stairwell is clicked, as the list names them, with + and − and a way back to the whole estate', async () => {
    const page = await plannerPage(browser, server.url, server.db);
    await page.goto(`${server.url}/plan?view=parking`);
    await waitForMapIdle(page);
    // The whole estate: spaces a few pixels wide, no numbers; the panel says how to get them.
    expect(await page.evaluate(() => window.liftmap!.renderedCount('parking-numbers'))).toBe(0);
    await expect(page.getByTestId('parking-zoom').textContent()).resolves.toContain('点击门洞放大');

    const geojson = (await (await fetch(`${server.url}/api/estates/1/stairwells.geojson`)).json()) as GeoJSON.FeatureCollection<GeoJSON.Polygon, { doorNumber: string }>;
    const door = geojson.features.find((f) => f.properties.doorNumber.endsWith('23号'))!;
    const ring = door.geometry.coordinates[0]!;
    const centre: [number, number] = [ring.reduce((a, p) => a + p[0]!, 0) / ring.length, ring.reduce((a, p) => a + p[1]!, 0) / ring.length];
    const [x, y] = await page.evaluate((c) => window.liftmap!.project(c), centre);
    await page.mouse.click(x, y);
    await page.getByTestId('parking-zoom').filter({ hasText: `已放大到 ${door.properties.doorNumber}` }).waitFor();
    await waitForMapIdle(page);
    const numbered = await page.evaluate(() => window.liftmap!.renderedCount('parking-numbers'));
    expect(numbered).toBeGreaterThan(10);
    await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'parking-zoomed.png') });

    // − zooms out past where numbers are readable; 看全景 frames the estate again.
    await page.getByRole('button', { name: '缩小' }).click();
    await page.getByRole('button', { name: '缩小' }).click();
    await waitForMapIdle(page);
    expect(await page.evaluate(() => window.liftmap!.renderedCount('parking-numbers'))).toBe(0);
    await page.getByRole('button', { name: '放大' }).click();
    await page.getByRole('button', { name: '放大' }).click();
    await waitForMapIdle(page);
    expect(await page.evaluate(() => window.liftmap!.renderedCount('parking-numbers'))).toBeGreaterThan(10);
    await page.getByRole('button', { name: '看全景' }).click();
    await page.getByTestId('parking-zoom').filter({ hasText: '点击门洞放大' }).waitFor();
    await waitForMapIdle(page);
    expect(await page.evaluate(() => window.liftmap!.renderedCount('parking-numbers'))).toBe(0);
    await page.close();
  });
});
