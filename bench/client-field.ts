/**
 * `npm run bench -- client`: the screens as users get them, from the commit
 * "In the field" started from (BENCH_CLIENT_BASELINE, a worktree beside this
 * checkout, its client built there) and from this checkout, side by side in
 * one run, each server as `npm start` runs it, in headless Chromium with
 * software WebGL at 1920×1080:
 * - /wall: navigation → map drawn (idle, all 80 stairwells on screen) and →
 *   everything drawn (charts, feed, leaderboard), fresh context each time;
 *   its bytes as they came over the wire, and its files' gzip and brotli;
 * - /canvass: its first-load bytes the same way;
 * - a stage change → the stairwell's pixels in the new colour on an open
 *   wall, over 20 changes 1.5 s apart (10 stairwells suspended, then resumed);
 * - the first district tile asked after a write, against one asked again;
 * - /present's A4 PDF: click → file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Browser, Page, Request } from 'playwright-core';
import { tileAt } from '../geo/district/index.ts';
import { MAP_PALETTE } from '../geo/palette/index.ts';
import { launchBrowser } from '../tests/support/browser.ts';
import { sessionCookieFor } from '../tests/support/sign-in.ts';
import { ROOT } from '../tests/support/test-server.ts';
import { summarise } from './measure.ts';
import { addUserIn, removeWorktree, spawnServer, worktreeOf } from './spawned-server.ts';

const kib = (b: number) => Math.round(b / 102.4) / 10;

/** What a page fetched from the server while it loaded: bytes on the wire, and its built files compressed at the highest levels. */
interface Bytes {
  requests: number;
  transferredKiB: number;
  gzipKiB: number;
  brotliKiB: number;
}

function compressedSizes(dist: string, paths: readonly string[]): { gzip: number; brotli: number } {
  let gzip = 0;
  let brotli = 0;
  for (const path of paths) {
    let body: Buffer;
    try {
      body = readFileSync(join(dist, path === '/' || !/\.\w+$/.test(path) ? 'index.html' : path));
    } catch {
      continue;
    }
    gzip += gzipSync(body, { level: 9 }).length;
    brotli += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { gzip, brotli };
}

/** Loads `path` in a fresh context until `ready` holds in the page; the files it fetched and what came over the wire. */
async function firstLoad(browser: Browser, url: string, path: string, dist: string, ready: (page: Page) => Promise<unknown>): Promise<{ ms: number; bytes: Bytes }> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const seen: { path: string; request: Request }[] = [];
  page.on('requestfinished', (request) => {
    const u = new URL(request.url());
    if (u.origin === url && !u.pathname.startsWith('/trpc') && !u.pathname.startsWith('/api')) seen.push({ path: u.pathname, request });
  });
  await page.goto(`${url}${path}`);
  await ready(page);
  const ms = await page.evaluate(() => performance.now());
  let transferred = 0;
  for (const { request } of seen) {
    const sizes = await request.sizes();
    transferred += sizes.responseBodySize + sizes.responseHeadersSize;
  }
  const { gzip, brotli } = compressedSizes(dist, seen.map((s) => s.path));
  await context.close();
  return { ms, bytes: { requests: seen.length, transferredKiB: kib(transferred), gzipKiB: kib(gzip), brotliKiB: kib(brotli) } };
}

const mapDrawn = (page: Page) => page.waitForFunction(() => window.liftmap?.idle() === true && window.liftmap.renderedStairwellIds().length === 80, undefined, { timeout: 60_000, polling: 'raf' });
const allDrawn = (page: Page) =>
  page.waitForFunction(
    () =>
      window.liftmap?.idle() === true &&
      window.liftmap.renderedStairwellIds().length === 80 &&
      document.querySelector('[data-testid="progress-chart"] svg text') !== null &&
      document.querySelector('[data-testid="feed"] li') !== null &&
      document.querySelector('.leaderboard li') !== null,
    undefined,
    { timeout: 60_000, polling: 'raf' },
  );

/** The pixel of the wall's map canvas at a WGS-84 position, as [r, g, b]. */
const pixelAt = (page: Page, at: [number, number]) =>
  page.evaluate((p) => {
    const [pageX, pageY] = window.liftmap!.project(p);
    const canvas = document.querySelector<HTMLCanvasElement>('.battle-map canvas')!;
    const box = canvas.getBoundingClientRect();
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!;
    const px = new Uint8Array(4);
    const ratio = canvas.width / canvas.clientWidth;
    gl.readPixels(Math.round((pageX - box.left) * ratio), Math.round(canvas.height - (pageY - box.top) * ratio), 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
    return [px[0]!, px[1]!, px[2]!];
  }, at);

const hexRgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** A point inside a stairwell away from its label: 12 % across and 20 % up its box. */
function innerPoint(feature: GeoJSON.Feature<GeoJSON.Polygon>): [number, number] {
  const ring = feature.geometry.coordinates[0]!;
  const xs = ring.map((p) => p[0]!);
  const ys = ring.map((p) => p[1]!);
  return [Math.min(...xs) + (Math.max(...xs) - Math.min(...xs)) * 0.12, Math.min(...ys) + (Math.max(...ys) - Math.min(...ys)) * 0.2];
}

async function setStage(url: string, cookie: string, input: Record<string, unknown>) {
  const res = await fetch(`${url}/trpc/stages.set`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(input) });
  if (!res.ok) throw new Error(`stages.set ${JSON.stringify(input)}: ${res.status} ${await res.text()}`);
}

/** 10 stairwells suspended, then resumed: from just before each command is sent to its pixels in the new colour on an open wall. */
async function recolour(browser: Browser, url: string, cookie: string, runs: number) {
  const stairwells = ((await (await fetch(`${url}/api/estates/1/stairwells.geojson`)).json()) as GeoJSON.FeatureCollection<GeoJSON.Polygon, { id: number; stage: string }>).features
    .filter((f) => f.properties.stage === 'canvassing')
    .slice(0, runs / 2);
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${url}/wall?kiosk=1&cycle=0`);
  await mapDrawn(page);
  await allDrawn(page);
  const times: number[] = [];
  const before = new Map<number, number[]>();
  for (const f of stairwells) before.set(f.properties.id, await pixelAt(page, innerPoint(f)));
  const suspended = hexRgb(MAP_PALETTE.suspended.color);
  const change = async (f: (typeof stairwells)[number], input: Record<string, unknown>, want: number[]) => {
    const at = innerPoint(f);
    const start = Date.now();
    await setStage(url, cookie, input);
    for (;;) {
      const px = await pixelAt(page, at);
      if (want.every((v, i) => Math.abs(v - px[i]!) <= 6)) break;
      if (Date.now() - start > 20_000) throw new Error(`stairwell ${f.properties.id} never drawn in ${want.join(',')}: ${px.join(',')}`);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    }
    times.push(Date.now() - start);
    // One change on a settled wall, as staff make them: its panels re-read before the next.
    await page.waitForTimeout(1500);
  };
  for (const f of stairwells) await change(f, { stairwellId: f.properties.id, to: 'suspended', reason: '测速' }, suspended);
  for (const f of stairwells) await change(f, { stairwellId: f.properties.id, to: 'canvassing' }, before.get(f.properties.id)!);
  await page.close();
  return summarise('stage change → its pixels recoloured on an open /wall', times);
}

/** The estate's z16 district tile: asked again with nothing changed, and asked first after a stage change. */
async function tiles(url: string, cookie: string, runs: number) {
  const overview = (await (await fetch(`${url}/api/district/summary.json`)).json()) as { estates: { center: [number, number] }[] };
  const [x, y] = tileAt(overview.estates[0]!.center, 16);
  const tile = async () => {
    const start = performance.now();
    const res = await fetch(`${url}/api/district/tiles/16/${x}/${y}.pbf`);
    await res.arrayBuffer();
    return performance.now() - start;
  };
  const { features } = (await (await fetch(`${url}/api/estates/1/stairwells.geojson`)).json()) as GeoJSON.FeatureCollection<GeoJSON.Polygon, { id: number; stage: string }>;
  const id = features.find((f) => f.properties.stage === 'canvassing')!.properties.id;
  await tile();
  const again: number[] = [];
  const afterWrite: number[] = [];
  for (let i = 0; i < runs; i++) {
    again.push(await tile());
    await setStage(url, cookie, i % 2 === 0 ? { stairwellId: id, to: 'suspended', reason: '测速' } : { stairwellId: id, to: 'canvassing' });
    afterWrite.push(await tile());
  }
  return { again: summarise('district tile asked again, nothing changed', again), afterWrite: summarise('first district tile after a write', afterWrite) };
}

/** /present → 导出 A4 PDF → the file, and whether its text can be searched (a CJK word in the PDF's text). */
async function presentPdf(browser: Browser, url: string) {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${url}/present#1`);
  await page.waitForFunction(() => window.liftmap?.idle() === true, undefined, { timeout: 60_000 });
  const start = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), page.getByTestId('export-pdf-a4').click()]);
  const file = await download.path();
  const ms = Date.now() - start;
  const bytes = readFileSync(file).length;
  await page.close();
  return { ms, bytes };
}

/**
 * /present → 打印 (this checkout only): every slide copied into pages and the
 * print dialog opened, then those pages printed as "save as PDF" prints them;
 * null where the button does not exist (the baseline).
 */
async function presentPrint(browser: Browser, url: string) {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  try {
    await page.goto(`${url}/present#1`);
    await page.waitForFunction(() => window.liftmap?.idle() === true, undefined, { timeout: 60_000 });
    if ((await page.getByTestId('print-deck-button').count()) === 0) return null;
    await page.evaluate(() => {
      (window as unknown as { printCalls: number }).printCalls = 0;
      window.print = () => void ((window as unknown as { printCalls: number }).printCalls += 1);
    });
    const start = Date.now();
    await page.getByTestId('print-deck-button').click();
    await page.waitForFunction(() => (window as unknown as { printCalls: number }).printCalls === 1, undefined, { timeout: 120_000 });
    const ready = Date.now() - start;
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    return { readyMs: ready, withPdfMs: Date.now() - start, bytes: pdf.length };
  } finally {
    await page.close();
  }
}

async function measureCheckout(checkout: string, label: string, browser: Browser, loads: number) {
  const dir = mkdtempSync(join(tmpdir(), 'liftmap-client-bench-'));
  const database = { file: join(dir, 'liftmap.db') };
  const server = await spawnServer(checkout, database, { LIFTMAP_BACKUP_TIME: 'off' });
  const dist = join(checkout, 'dist', 'client');
  try {
    const cookie = await sessionCookieFor(server.url, 'bench-clerk', addUserIn(checkout, database, 'bench-clerk', 'planner'));
    // Warm the server's caches once.
    await firstLoad(browser, server.url, '/wall?kiosk=1&cycle=0', dist, allDrawn);
    const wallMap: number[] = [];
    const wallAll: number[] = [];
    let wallBytes: Bytes | null = null;
    for (let i = 0; i < loads; i++) {
      const map = await firstLoad(browser, server.url, '/wall?kiosk=1&cycle=0', dist, mapDrawn);
      wallMap.push(map.ms);
      wallBytes ??= map.bytes;
      wallAll.push((await firstLoad(browser, server.url, '/wall?kiosk=1&cycle=0', dist, allDrawn)).ms);
    }
    const canvass = await firstLoad(browser, server.url, '/canvass', dist, (page) => page.locator('input[name="username"]').waitFor());
    const result = {
      wall: {
        mapDrawn: summarise(`${label}: /wall navigation → map drawn`, wallMap),
        allDrawn: summarise(`${label}: /wall navigation → everything drawn`, wallAll),
        firstLoadUntilMapDrawn: wallBytes,
      },
      canvass: { firstLoad: canvass.bytes },
      recolour: await recolour(browser, server.url, cookie, 20),
      tiles: await tiles(server.url, cookie, 10),
      presentPdf: await presentPdf(browser, server.url),
      presentPrint: await presentPrint(browser, server.url),
    };
    return result;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function clientSideBySide(baseline: string, loads = 5) {
  const worktree = worktreeOf(baseline, join(tmpdir(), `liftmap-client-baseline-${baseline.slice(0, 7)}`));
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'error'], { cwd: worktree, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building ${baseline}'s client: ${build.stderr}`);
  const browser = await launchBrowser();
  try {
    return {
      [`start (${baseline.slice(0, 7)})`]: await measureCheckout(worktree, baseline.slice(0, 7), browser, loads),
      now: await measureCheckout(ROOT, 'now', browser, loads),
    };
  } finally {
    await browser.close();
    removeWorktree(worktree);
  }
}
