import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { eq } from 'drizzle-orm';
import { addUser } from '../server/auth/manage-users.ts';
import type { AppRouter } from '../server/routers/_app.ts';
import { launchBrowser } from '../tests/support/browser.ts';
import { sessionCookieFor } from '../tests/support/sign-in.ts';
import type { TestServer } from '../tests/support/test-server.ts';
import { summarise } from './measure.ts';

const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

/**
 * The built client's size, raw and gzip: every asset, and what /wall downloads
 * before it can draw (index.html, the entry, the chunks and styles the wall imports, the map worker).
 */
export function bundleSize(distDir: string, wallAssets: readonly string[]) {
  const dir = join(distDir, 'assets');
  const assets = readdirSync(dir).map((name) => {
    const buf = readFileSync(join(dir, name));
    return { name, bytes: buf.length, gzipBytes: gz(buf) };
  });
  const html = readFileSync(join(distDir, 'index.html'));
  const wall = assets.filter((a) => wallAssets.includes(a.name));
  return {
    totalGzipBytes: assets.reduce((s, a) => s + a.gzipBytes, 0) + gz(html),
    wallInitialGzipBytes: wall.reduce((s, a) => s + a.gzipBytes, 0) + gz(html),
    wallInitialAssets: wall.map((a) => a.name),
    assets: assets.sort((a, b) => b.gzipBytes - a.gzipBytes),
  };
}

/**
 * Navigation to a fully drawn /wall in headless Chromium, each load in a fresh
 * browser context (empty cache): the map idle with all stairwells, the charts,
 * leaderboard and feed on screen. Also returns which assets the wall fetched.
 */
export async function wallLoad(server: TestServer, runs: number) {
  const browser = await launchBrowser();
  const times: number[] = [];
  const fetched = new Set<string>();
  try {
    for (let i = 0; i < runs + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      const page = await context.newPage();
      page.on('request', (r) => {
        const m = /\/assets\/([^?]+)$/.exec(r.url());
        if (m) fetched.add(m[1]!);
      });
      await page.goto(`${server.url}/wall?kiosk=1&cycle=0`);
      const ms = await page.evaluate(async () => {
        // (No named helpers in here: tsx would wrap them in a __name the page does not have.)
        while (
          !(
            window.liftmap?.idle() === true &&
            window.liftmap.renderedStairwellIds().length === 80 &&
            document.querySelector('[data-testid="progress-chart"] svg text') !== null &&
            document.querySelector('[data-testid="feed"] li') !== null &&
            document.querySelector('.leaderboard li') !== null
          )
        )
          await new Promise((r) => requestAnimationFrame(r));
        return performance.now();
      });
      if (i > 0) times.push(ms); // the first load also warms the server's caches
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { load: summarise('/wall navigation → fully drawn (fresh context)', times), fetched: [...fetched] };
}

/**
 * /present's time-lapse stepped through `days` days: for each, the time from
 * moving the slider to the map having drawn that day's colours.
 */
export async function replayFrames(server: TestServer, days: number) {
  const trpc = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${server.url}/trpc` })] });
  const replay = await trpc.history.replay.query({ estateId: 1 });
  const n = Math.min(days, replay.days.length);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${server.url}/present#3`);
    await page.waitForFunction(() => window.liftmap?.idle() === true, undefined, { timeout: 60_000 });
    const times = await page.evaluate(async (count) => {
      const slider = document.querySelector<HTMLInputElement>('[data-testid="replay-slider"]')!;
      // The prototype's setter, as a user's drag would set it: React ignores values set through the element itself.
      // eslint-disable-next-line @typescript-eslint/unbound-method
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const out: number[] = [];
      for (let day = 1; day <= count; day++) {
        const start = performance.now();
        setValue.call(slider, String(day % count));
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 0)); // React's commit and the map's state update
        await window.liftmap!.drawn();
        out.push(performance.now() - start);
      }
      // The same map redrawn with nothing changed: what the software renderer costs by itself.
      const still: number[] = [];
      for (let i = 0; i < count; i++) {
        const start = performance.now();
        await new Promise((r) => setTimeout(r, 0));
        await window.liftmap!.drawn();
        still.push(performance.now() - start);
      }
      return { out, still };
    }, n);
    return {
      days: n,
      changes: replay.days.slice(0, n).reduce((s, d) => s + d.changes.length, 0),
      frame: summarise(`replay: one day drawn (${n} days)`, times.out),
      repaint: summarise(`replay: the same day redrawn, no change (${n} times)`, times.still),
    };
  } finally {
    await browser.close();
  }
}

/**
 * A stage changed by staff → an open /wall showing the new colour, without a
 * reload: the change log, the SSE stream, the wall's re-read and MapLibre's
 * redraw together. Advances up to `runs` stairwells from 征询通过 to 签订加梯协议.
 */
export async function wallRecolour(server: TestServer, runs: number) {
  const username = `bench-stage-${Date.now()}`;
  const cookie = await sessionCookieFor(server.url, username, await addUser(server.db, username, 'planner'));
  const { stairwells } = server.db.t;
  const passed = (await server.db.select({ id: stairwells.id }).from(stairwells).where(eq(stairwells.stage, 'consent_passed'))).slice(0, runs);
  const browser = await launchBrowser();
  const times: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${server.url}/wall?kiosk=1&cycle=0`);
    await page.waitForFunction(() => window.liftmap?.idle() === true && window.liftmap.renderedStairwellIds().length === 80, null, { timeout: 30_000 });
    for (const { id } of passed) {
      const start = await page.evaluate(() => performance.now());
      const res = await fetch(`${server.url}/trpc/stages.set`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ stairwellId: id, to: 'agreement_signed' }),
      });
      if (!res.ok) throw new Error(`setStage ${id}: ${res.status} ${await res.text()}`);
      const end = await page.evaluate(async (i) => {
        while (window.liftmap!.propertiesOf('stairwells', i)?.colorKey !== 'agreement_signed') await new Promise((r) => requestAnimationFrame(r));
        await window.liftmap!.drawn();
        return performance.now();
      }, id);
      times.push(end - start);
    }
  } finally {
    await browser.close();
  }
  return summarise('stage changed → open /wall redrawn in the new colour', times);
}
