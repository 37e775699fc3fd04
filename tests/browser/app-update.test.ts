import type { Browser } from 'playwright-core';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, waitInPage } from '../support/browser.ts';
import { ROOT, startTestServer, type TestServer } from '../support/test-server.ts';

let browser: Browser;
const servers: TestServer[] = [];
const dir = mkdtempSync(join(tmpdir(), 'liftmap-deploy-'));

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const server of servers) await server.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe('a new version deployed while the app is on a phone', () => {
  it('keeps the running version until the canvasser taps 立即更新, then runs the new one', async () => {
    // Version 1: today's build, served from a copy of its own.
    const first = join(dir, 'v1');
    cpSync(join(ROOT, 'dist', 'client'), first, { recursive: true });
    const dbFile = join(dir, 'liftmap.db');
    const v1 = await startTestServer({ dbFile, clientDir: first });
    servers.push(v1);
    const port = Number(new URL(v1.url).port);

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${v1.url}/canvass`);
    await page.locator('input[name="username"]').waitFor();
    await waitInPage(page, () => navigator.serviceWorker.ready.then((r) => r.active?.state === 'activated'));
    expect(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.active?.scriptURL))).toBe(`${v1.url}/sw.js`);
    expect(await page.getByTestId('app-update').count()).toBe(0);

    // The server is stopped and version 2 started on the same address and database: its service worker differs.
    await v1.close();
    const second = join(dir, 'v2');
    cpSync(first, second, { recursive: true });
    appendFileSync(join(second, 'sw.js'), '\n// deployment 2\n');
    const v2 = await startTestServer({ dbFile, clientDir: second, port, seed: false });
    servers.push(v2);

    // The phone opens the app again: the new version is fetched and waits; the page says so and keeps working.
    await page.reload();
    await page.getByTestId('app-update').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('app-update').textContent()).resolves.toContain('入户登记有新版本');
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting?.state))).toBe('installed');
    expect(v2.access.some((line) => line.includes('/sw.js'))).toBe(true);
    await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'canvass-update-ready.png') });

    // 立即更新: the waiting version takes over and the page reloads under it, with no prompt left.
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: '立即更新' }).click();
    await reloaded;
    await page.locator('input[name="username"]').waitFor();
    const after = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => ({ waiting: r?.waiting ?? null, active: r?.active?.state })));
    expect(after).toEqual({ waiting: null, active: 'activated' });
    expect(await page.getByTestId('app-update').count()).toBe(0);
    await context.close();
  });
});
