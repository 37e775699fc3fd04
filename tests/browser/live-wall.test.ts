import type { Browser, Page } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/auth/manage-users.ts';
import { loadStairwellStates } from '../../server/queries/stairwell-states.ts';
import { launchBrowser, plannerPage, waitForMapIdle } from '../support/browser.ts';
import { sessionCookieFor } from '../support/sign-in.ts';
import { ROOT, startTestServer, type TestServer } from '../support/test-server.ts';
import { cliEnv } from '../support/run-cli.ts';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openWall(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${server.url}/wall`);
  await waitForMapIdle(page);
  return page;
}
/** The palette key the wall colours a stairwell by (its stage, or its consent progress while canvassing). */
const colourOn = (page: Page, id: number) => page.evaluate((i) => window.liftmap!.propertiesOf('stairwells', i)?.colorKey as string | undefined, id);
/**
 * Waits until the wall shows `id` in another colour than `before`, without a
 * reload. The bound is generous for a busy CI machine: how fast is measured
 * by the benchmark, not here.
 */
const recoloured = (page: Page, id: number, before: string) =>
  page.waitForFunction(([i, c]) => window.liftmap!.propertiesOf('stairwells', i)?.colorKey !== c, [id, before] as const, { timeout: 15_000, polling: 50 });

describe('every change reaches an open wall', () => {
  it('recolours a stairwell without a reload when staff change its stage in /admin', { timeout: 60_000 }, async () => {
    const wall = await openWall();
    const ready = (await loadStairwellStates(server.db, 1)).find((s) => s.row.stage === 'consent_passed' || (s.row.stage === 'canvassing' && s.consent.complete && s.consent.result.passed))!;
    const next = ready.row.stage === 'canvassing' ? 'consent_passed' : 'agreement_signed';
    const before = (await colourOn(wall, ready.row.id))!;
    expect(before).toEqual(ready.row.stage === 'canvassing' ? expect.any(String) : 'consent_passed');
    const admin = await plannerPage(browser, server.url, server.db);
    await admin.goto(`${server.url}/admin`);
    const panel = admin.locator('[data-testid="stage-panel"]');
    await panel.locator('select[name="stageStairwell"]').selectOption(String(ready.row.id));
    await panel.locator('select[name="stageTo"]').selectOption(next);
    await panel.locator('button[type="submit"]').click();
    await panel.locator('[role="status"]').waitFor();
    expect(await panel.locator('[role="status"]').textContent()).toContain(ready.row.doorNumber);
    await recoloured(wall, ready.row.id, before);
    expect(wall.url()).toBe(`${server.url}/wall`);
  });

  it('recolours without a reload when `npm run import` finishes in another process, and the refusal of a bad stage is explained', { timeout: 90_000 }, async () => {
    const wall = await openWall();
    const target = (await loadStairwellStates(server.db, 1)).find((s) => s.row.stage === 'canvassing' && !(s.consent.complete && s.consent.result.passed) && s.flats.length > 0)!;
    const before = (await colourOn(wall, target.row.id))!;
    // The committee's morning export, with every flat of one stairwell now signed, imported from the shell.
    const cookie = await sessionCookieFor(server.url, 'clerk', await addUser(server.db, 'clerk', 'admin'));
    const dir = mkdtempSync(join(tmpdir(), 'liftmap-live-'));
    const estate = await (await fetch(`${server.url}/api/estates/1/estate.geojson`)).text();
    const csv = await (await fetch(`${server.url}/api/estates/1/register.csv`, { headers: { cookie } })).text();
    const lines = csv.split('\r\n');
    const header = lines[0]!.replace(/^\uFEFF/, '').split(',');
    const [door, status] = [header.indexOf('门牌号'), header.indexOf('状态')];
    const edited = lines.map((l, i) => {
      const cells = l.split(',');
      if (i === 0 || cells[door] !== target.row.doorNumber) return l;
      cells[status] = 'signed';
      return cells.join(',');
    });
    writeFileSync(join(dir, 'estate.geojson'), estate);
    writeFileSync(join(dir, 'register.csv'), edited.join('\r\n'));
    const cli = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'cli', 'import.ts'), 'estate', join(dir, 'estate.geojson'), '--register', join(dir, 'register.csv')], {
      env: cliEnv(server),
      cwd: ROOT,
    });
    let out = '';
    cli.stdout.on('data', (d: Buffer) => (out += d.toString()));
    cli.stderr.on('data', (d: Buffer) => (out += d.toString()));
    expect(await new Promise((resolve) => cli.on('exit', resolve)), out).toBe(0);
    await recoloured(wall, target.row.id, before);

    const admin = await plannerPage(browser, server.url, server.db);
    await admin.goto(`${server.url}/admin`);
    const panel = admin.locator('[data-testid="stage-panel"]');
    const notReady = (await loadStairwellStates(server.db, 1)).find((s) => s.row.stage === 'canvassing' && !(s.consent.complete && s.consent.result.passed))!;
    await panel.locator('select[name="stageStairwell"]').selectOption(String(notReady.row.id));
    await panel.locator('select[name="stageTo"]').selectOption('consent_passed');
    await panel.locator('button[type="submit"]').click();
    await panel.locator('[role="alert"]').waitFor();
    expect(await panel.locator('[role="alert"]').textContent()).toMatch(/^不能进入征询通过：按已签字的表决，征询规则尚未通过/);
    await admin.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'admin-stage-refused.png'), fullPage: false });
  });
});
