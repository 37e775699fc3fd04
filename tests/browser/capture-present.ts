/** Saves every /present slide for review: `npx tsx tests/browser/capture-present.ts [dir] [WxH]` (saves a plan first, so all slides show). */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../support/browser.ts';
import { signInAs } from '../support/sign-in.ts';
import { startTestServer } from '../support/test-server.ts';

const [dir = 'tests/artifacts/present', size = '1920x1080'] = process.argv.slice(2);
const [width, height] = size.split('x').map(Number) as [number, number];
mkdirSync(dir, { recursive: true });
const server = await startTestServer();
const browser = await launchBrowser();
try {
  // Saving a plan is staff work: a planner signs in for it.
  const trpc = await signInAs(server.url, server.db, 'planner');
  await trpc.plan.save.mutate({ estateId: 1, name: '方案甲', params: await trpc.plan.defaults.query(), moves: [] });
  const page = await browser.newPage({ viewport: { width, height } });
  page.on('console', (m) => m.type() === 'error' && console.error('page:', m.text()));
  await page.goto(`${server.url}/present`);
  const stage = page.getByTestId('present-stage');
  await stage.waitFor();
  const count = Number((await page.getByTestId('present-pager').textContent())!.split('/')[1]);
  for (let i = 0; i < count; i++) {
    await page.waitForFunction((n) => document.querySelector('[data-testid="present-stage"]')?.getAttribute('data-index') === String(n), i);
    await page.waitForFunction(() => !document.querySelector('.present-stage .battle-map') || window.liftmap?.idle() === true, undefined, { timeout: 30_000 });
    const slide = await stage.getAttribute('data-slide');
    await page.screenshot({ path: join(dir, `${String(i + 1).padStart(2, '0')}-${slide}.png`) });
    console.log(`saved ${slide}`);
    await page.keyboard.press('PageDown');
  }
} finally {
  await browser.close();
  await server.close();
}
