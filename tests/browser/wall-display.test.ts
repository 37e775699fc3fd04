import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { waitForMapIdle } from '../support/browser.ts';
import { expectNoPersonalData } from '../support/personal-data.ts';
import { ROOT, type TestServer } from '../support/test-server.ts';
import { serverAndBrowser } from '../support/browser-suite.ts';

let server: TestServer;
let browser: Browser;
const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
const wire: string[] = [];

serverAndBrowser((s, b) => ((server = s), (browser = b)));
beforeAll(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
});

async function openWall(path: string, viewport = { width: 1920, height: 1080 }, idleMs = 30_000): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('response', (r) => {
    if (r.url().includes('/trpc/') && r.request().method() === 'GET') void r.text().then((t) => wire.push(t), () => undefined);
  });
  await page.goto(server.url + path);
  await waitForMapIdle(page, idleMs);
  return page;
}

/** What a reader at 4 m would notice: text too small, panels overlapping or off screen, text cut off. */
function layoutReport() {
  const wall = document.querySelector<HTMLElement>('.wall')!;
  const unit = parseFloat(getComputedStyle(wall).fontSize);
  const problems: string[] = [];
  const inside = (r: DOMRect, name: string) => {
    if (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1) problems.push(`${name} off screen`);
  };
  const panels = [...document.querySelectorAll<HTMLElement>('.wall-top, .wall-map, .wall-side > *, .wall-lists > *, .wall .legend')];
  const named = (el: Element) => el.className || el.tagName;
  for (const el of panels) inside(el.getBoundingClientRect(), named(el));
  // The map fills its panel (a map left at the library's default 300 px would not).
  const mapBox = document.querySelector('.wall-map')!.getBoundingClientRect();
  const canvas = document.querySelector('.wall-map canvas')!.getBoundingClientRect();
  if (Math.abs(canvas.width - mapBox.width) > 2 || Math.abs(canvas.height - mapBox.height) > 2) problems.push(`map ${canvas.width}×${canvas.height} in a ${mapBox.width}×${mapBox.height} panel`);
  const side = [...document.querySelectorAll<HTMLElement>('.wall-side > *')];
  for (let i = 0; i < side.length; i++)
    for (let j = i + 1; j < side.length; j++) {
      const a = side[i]!.getBoundingClientRect();
      const b = side[j]!.getBoundingClientRect();
      if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) problems.push(`${named(side[i]!)} overlaps ${named(side[j]!)}`);
    }
  let smallest = Infinity;
  for (const el of wall.querySelectorAll<HTMLElement>('h1, h2, h3, p, li, dt, dd, span, strong, b, time')) {
    if (!el.textContent?.trim() || el.getBoundingClientRect().width === 0) continue;
    smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
    const style = getComputedStyle(el);
    if (style.overflow === 'hidden' && style.display !== 'inline' && el.scrollWidth > el.clientWidth + 1 && !el.closest('.feed')) problems.push(`${el.textContent} cut off`);
    inside(el.getBoundingClientRect(), el.textContent);
    // A row of a card cut at the card's foot (the last leaderboard row was cut in half).
    const card = el.closest('.wall-card, .legend, .headline .figure');
    if (card && el.getBoundingClientRect().bottom > card.getBoundingClientRect().bottom + 1) problems.push(`${el.textContent} cut at the foot of ${named(card)}`);
  }
  // Chart text is SVG: its size is an attribute and it must stay inside its chart.
  for (const chart of wall.querySelectorAll<HTMLElement>('.chart')) {
    const box = chart.getBoundingClientRect();
    for (const text of chart.querySelectorAll('text')) {
      const r = text.getBoundingClientRect();
      if (!text.textContent?.trim() || r.width === 0) continue;
      smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize));
      if (r.left < box.left - 2 || r.right > box.right + 2 || r.top < box.top - 2 || r.bottom > box.bottom + 2) problems.push(`chart text ${text.textContent} outside its chart`);
    }
  }
  return { unit, smallest, problems };
}

describe('/wall as a command-center display', () => {
  for (const viewport of [{ width: 1920, height: 1080 }, { width: 3840, height: 2160 }]) {
    it(`lays out at ${viewport.width}×${viewport.height}: type in screen units, no panel overlapping, nothing off screen or cut off`, async () => {
      // Software WebGL draws 4K four times the pixels, beside another browser test on 2 cores.
      const page = await openWall('/wall?kiosk=1&cycle=0', viewport, viewport.width > 2000 ? 100_000 : 30_000);
      await page.getByTestId('progress-chart').locator('svg text').first().waitFor();
      const report = await page.evaluate(layoutReport);
      expect(report.problems).toEqual([]);
      // 1/45 of the screen height: 24 px at 1080p (18 mm on a 65" screen), 48 px at 4K; no text smaller.
      expect(report.unit).toBeCloseTo(viewport.height / 45, 0);
      expect(report.smallest).toBeGreaterThanOrEqual(report.unit - 0.5);
      // The stairwells fill the map: at least 80 % of it in one direction, 60 % in the other (no empty bands).
      const geojson = (await (await fetch(`${server.url}/api/estates/1/stairwells.geojson`)).json()) as GeoJSON.FeatureCollection<GeoJSON.Polygon>;
      const corners = geojson.features.flatMap((f) => f.geometry.coordinates[0]!.map((p) => [p[0]!, p[1]!] as [number, number]));
      const fill = await page.evaluate((points) => {
        const xy = points.map((p) => window.liftmap!.project(p));
        const box = document.querySelector('.wall-map canvas')!.getBoundingClientRect();
        const w = (Math.max(...xy.map((p) => p[0])) - Math.min(...xy.map((p) => p[0]))) / box.width;
        const h = (Math.max(...xy.map((p) => p[1])) - Math.min(...xy.map((p) => p[1]))) / box.height;
        return { most: Math.max(w, h), least: Math.min(w, h) };
      }, corners);
      expect(fill.most).toBeGreaterThanOrEqual(0.8);
      expect(fill.least).toBeGreaterThanOrEqual(0.6);
      await page.screenshot({ path: join(ARTIFACTS, `wall-${viewport.width}.png`) });
      await page.close();
    });
  }

  it('cycles its focus views on the timer, outlining the stairwells the caption names', async () => {
    // Long enough per view to read the outlines on a slow machine, short enough for a test.
    const page = await openWall('/wall?kiosk=1&cycle=5');
    const geojson = (await (await fetch(`${server.url}/api/estates/1/stairwells.geojson`)).json()) as GeoJSON.FeatureCollection;
    const ids = geojson.features.map((f) => Number(f.id));
    const caption = page.getByTestId('focus-caption');
    const focusIs = (key: string) =>
      page.waitForFunction((k) => document.querySelector('[data-testid="focus-caption"]')?.getAttribute('data-focus') === k, key, { timeout: 15_000 });
    await focusIs('closest');
    const doors = await caption.locator('li').allTextContents();
    expect(doors.length).toBeGreaterThan(0);
    const outlined = () => page.evaluate((all) => all.filter((id) => window.liftmap!.stateOf('stairwells', id)?.focus === true).length, ids);
    await page.waitForFunction((all) => all.some((id) => window.liftmap!.stateOf('stairwells', id)?.focus === true), ids, { timeout: 4_000 });
    expect(await outlined()).toBe(doors.length);
    // …and comes back round to the whole estate.
    await focusIs('estate');
    await page.waitForFunction((all) => all.every((id) => window.liftmap!.stateOf('stairwells', id)?.focus !== true), ids, { timeout: 4_000 });
    await page.close();
  });

  it('says plainly when the server stops answering, and recovers when it answers again', async () => {
    const page = await openWall('/wall?kiosk=1&stale=3');
    await page.waitForTimeout(4_000);
    await expect(page.getByTestId('stale').count()).resolves.toBe(0);
    await page.route('**/trpc/**', (route) => route.abort());
    await page.getByTestId('stale').waitFor({ timeout: 10_000 });
    await expect(page.locator('.wall-top.stale').count()).resolves.toBe(1);
    await expect(page.getByTestId('connection').textContent()).resolves.toContain('连接中断，数据可能已过时');
    // Stale is not also "live".
    await expect(page.getByTestId('connection').textContent()).resolves.not.toContain('实时连接');
    await page.unroute('**/trpc/**');
    await page.getByTestId('stale').waitFor({ state: 'detached', timeout: 15_000 });
    await page.close();
  });

  it('dates every feed entry, and says so when nobody signed this week', async () => {
    const page = await openWall('/wall?kiosk=1');
    const times = await page.locator('[data-testid="feed"] time').allTextContents();
    expect(times.length).toBeGreaterThan(0);
    const stamps = await page.locator('[data-testid="feed"] time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
    // 12月4日 19:11, the same day and minute in Shanghai as the change's own time.
    times.forEach((text, i) => {
      // Changes carry Shanghai time (+08:00), as the wall shows them.
      const [, month, day, hm] = /^\d{4}-(\d\d)-(\d\d)T(\d\d:\d\d):\d\d(?:\.\d+)?\+08:00$/.exec(stamps[i]!)!;
      expect(text).toBe(`${Number(month)}月${Number(day)}日 ${hm}`);
    });
    // The bundled history is older than this week's: the boards say there is nothing yet, rather than showing bare headings.
    const board = page.getByTestId('leaderboard');
    if ((await board.locator('li').count()) === 0) expect(await board.locator('.empty-note').count()).toBe(2);
    await page.close();
  });

  it('reads nothing personal from the server', () => {
    expect(wire.length).toBeGreaterThan(0);
    expectNoPersonalData(wire.join('\n'));
  });
});
