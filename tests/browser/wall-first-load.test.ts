import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestServer } from '../support/test-server.ts';
import { serverAndBrowser } from '../support/browser-suite.ts';

let server: TestServer;
let browser: Browser;
serverAndBrowser((s, b) => ((server = s), (browser = b)));

describe('what /wall downloads, as a command center’s browser loads it', () => {
  it('fetches the map first and the charts after it, one dictionary, no test hook, no schema library', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    // A browser nobody automates (tests run with navigator.webdriver set).
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false }));
    const page = await context.newPage();
    const files: { name: string; start: number; end: number; encoding: string | undefined }[] = [];
    const asked: { what: string; start: number }[] = [];
    // Each file is recorded once its response is read: the test waits for all of them, not only for the network to be idle.
    const reading: Promise<unknown>[] = [];
    page.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/trpc/')) asked.push({ what: path.slice('/trpc/'.length), start: request.timing().startTime });
      if (!path.startsWith('/assets/')) return;
      const t = request.timing();
      reading.push(request.response().then((r) => files.push({ name: path.slice('/assets/'.length), start: t.startTime, end: t.startTime + t.responseEnd, encoding: r?.headers()['content-encoding'] })));
    });
    await page.goto(`${server.url}/wall?kiosk=1&cycle=0`);
    await page.locator('[data-testid="progress-chart"] svg text').first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    await Promise.all(reading);
    const names = files.map((f) => f.name);
    expect(names.some((n) => n.startsWith('test-hook-'))).toBe(false);
    expect(names.some((n) => /^en-/.test(n))).toBe(false);
    expect(names.some((n) => /^zh-/.test(n))).toBe(true);
    expect(names.some((n) => /^(coerce|zod)/.test(n))).toBe(false);
    // The estates (and then the chosen estate's map) are asked for as the page starts, before the screen's code arrives.
    const screen = files.find((f) => f.name.startsWith('wall-page-') && f.name.endsWith('.js'))!;
    const estates = asked.find((a) => a.what.split(',').includes('estate.list'))!;
    expect(estates.start).toBeLessThan(screen.start);
    expect(asked.filter((a) => a.what.split(',').includes('estate.list'))).toHaveLength(1);
    expect(asked.filter((a) => a.what.split(',').includes('estate.map'))).toHaveLength(1);
    // The charts' library is asked for only once the map's worker has arrived and the map is drawn.
    const worker = files.find((f) => f.name.startsWith('maplibre-gl-worker-'))!;
    const charts = files.find((f) => f.name.startsWith('echart-'))!;
    expect(charts.start).toBeGreaterThan(worker.end);
    // The large scripts and styles came compressed (files under 1 KB are sent as they are).
    const large = files.filter((x) => /^(index|maplibre-gl-worker|echart|zh)-.*\.(js|css)$/.test(x.name));
    expect(large.length).toBeGreaterThanOrEqual(5);
    for (const f of large) expect(f.encoding, f.name).toMatch(/^(br|gzip)$/);
    await context.close();
  });
});
