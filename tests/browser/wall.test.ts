import { bbox } from '@turf/turf';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StairwellProperties } from '../../server/queries/stairwell-properties.ts';
import { waitForMapIdle } from '../support/browser.ts';
import { ROOT, type TestServer } from '../support/test-server.ts';
import { serverAndBrowser } from '../support/browser-suite.ts';

type Stairwells = GeoJSON.FeatureCollection<GeoJSON.Polygon, StairwellProperties>;

let server: TestServer;
let browser: Browser;
let stairwells: Stairwells;
const ARTIFACTS = join(ROOT, 'tests', 'artifacts');

serverAndBrowser((s, b) => ((server = s), (browser = b)));
beforeAll(async () => {
  stairwells = (await (await fetch(`${server.url}/api/estates/1/stairwells.geojson`)).json()) as Stairwells;
  mkdirSync(ARTIFACTS, { recursive: true });
});

async function openWall(path = '/wall'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(server.url + path);
  await waitForMapIdle(page);
  return page;
}

/** Where to sample a stairwell's fill: near its south-west corner, clear of its centred label. */
async function samplePoints(page: Page) {
  return Promise.all(
    stairwells.features.map(async (f) => {
      const [w, s, e, n] = bbox(f);
      const [x, y] = await page.evaluate((p) => window.liftmap!.project(p), [w + (e - w) * 0.12, s + (n - s) * 0.2] as [number, number]);
      const [cx, cy] = await page.evaluate((p) => window.liftmap!.project(p), [(w + e) / 2, (s + n) / 2] as [number, number]);
      return { f, x: Math.round(x), y: Math.round(y), cx: Math.round(cx), cy: Math.round(cy) };
    }),
  );
}

const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) as [number, number, number];
const pixel = (png: PNG, x: number, y: number) => {
  const i = (png.width * y + x) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!] as const;
};
const near = (a: readonly number[], b: readonly number[], tolerance: number) => a.every((v, i) => Math.abs(v - (b[i] ?? 0)) <= tolerance);

describe('/wall in Chromium', () => {
  it('draws all 80 stairwells in their palette colours with their door numbers, at 1920×1080', async () => {
    const page = await openWall();
    expect(await page.evaluate(() => window.liftmap!.renderedStairwellIds().length)).toBe(80);
    const png = PNG.sync.read(await page.screenshot({ path: join(ARTIFACTS, 'wall-1920x1080.png') }));
    const points = await samplePoints(page);
    const wrong: string[] = [];
    const unlabelled: string[] = [];
    for (const { f, x, y, cx, cy } of points) {
      const got = pixel(png, x, y);
      if (!near(got, hex(f.properties.color), 6)) wrong.push(`${f.properties.doorNumber}: ${f.properties.color} expected, got rgb(${got.join(',')})`);
      // The label sits at the centre: some pixels there carry the label's text colour.
      let textPixels = 0;
      for (let dx = -16; dx <= 16; dx++) for (let dy = -7; dy <= 7; dy++) if (near(pixel(png, cx + dx, cy + dy), hex(f.properties.textColor), 60)) textPixels++;
      if (textPixels < 8) unlabelled.push(f.properties.doorNumber);
    }
    expect(wrong).toEqual([]);
    expect(unlabelled).toEqual([]);
    // Not one colour everywhere: the map shows the campaign's real spread.
    expect(new Set(stairwells.features.map((f) => f.properties.color)).size).toBeGreaterThanOrEqual(6);
    await expect(page.getByTestId('headline-confirmed').textContent()).resolves.toMatch(/\d+\s*\/ 80/);
    await expect(page.getByTestId('headline-signed').textContent()).resolves.toMatch(/1,920/);
    await expect(page.getByText('示意', { exact: false }).first().isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('opens a stairwell’s panel on click: grid, evaluation and to-do list', async () => {
    const page = await openWall();
    const points = await samplePoints(page);
    const target = points.find((p) => p.f.properties.colorKey === 'p75')!;
    await page.mouse.click(target.x, target.y);
    const panel = page.getByTestId('stairwell-panel');
    await panel.waitFor();
    await expect(panel.locator('h2').textContent()).resolves.toContain(target.f.properties.doorNumber);
    await expect(panel.locator('td[data-room]').count()).resolves.toBe(24);
    await expect(panel.locator('tr[data-test]').count()).resolves.toBe(4);
    await expect(panel.getByTestId('todo').locator('li').count()).resolves.toBe(target.f.properties.flatsToPassCount);
    await expect(panel.locator('td.to-sign').count()).resolves.toBe(target.f.properties.flatsToPassCount);
    await page.screenshot({ path: join(ARTIFACTS, 'wall-panel.png') });
    // The panel never covers the stairwell it describes, whichever half of the map it stands in; Esc closes it.
    const xs = points.map((p) => p.x);
    const middle = (Math.min(...xs) + Math.max(...xs)) / 2;
    for (const side of [points.find((p) => p.x < middle - 100)!, points.find((p) => p.x > middle + 100)!]) {
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      await page.mouse.click(side.x, side.y);
      await panel.locator('h2', { hasText: side.f.properties.doorNumber }).waitFor();
      const box = (await panel.boundingBox())!;
      expect(side.x < box.x || side.x > box.x + box.width, `${side.f.properties.doorNumber} at x=${side.x} under the panel ${box.x}–${box.x + box.width}`).toBe(true);
    }
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await page.close();
  });

  it('switches to English and back', async () => {
    const page = await openWall();
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: /^风荷苑 elevator retrofit battle map$/ }).waitFor();
    await page.locator('.legend li[data-key="impossible"] .name', { hasText: /^Cannot pass$/ }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.locator('h1', { hasText: /^风荷苑 加装电梯作战图$/ }).waitFor();
    await page.close();
  });

  it('in kiosk mode only shows: no panel on click, no language button', async () => {
    const page = await openWall('/wall?kiosk=1');
    const [first] = await samplePoints(page);
    await page.mouse.click(first!.x, first!.y);
    await page.waitForTimeout(300);
    await expect(page.getByTestId('stairwell-panel').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'English' }).count()).resolves.toBe(0);
    await page.close();
  });
});
