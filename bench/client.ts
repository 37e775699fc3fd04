import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '../server/routers/_app.ts';
import { launchBrowser } from '../tests/support/browser.ts';
import type { TestServer } from '../tests/support/test-server.ts';
import { summarise } from './measure.ts';

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
