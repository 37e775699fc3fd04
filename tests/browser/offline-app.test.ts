import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/auth/manage-users.ts';
import { drawSignature, waitForMapIdle, waitInPage } from '../support/browser.ts';
import { ROOT, type TestServer } from '../support/test-server.ts';
import { serverAndBrowser } from '../support/browser-suite.ts';

let server: TestServer;
let browser: Browser;
let password = '';
/** A canvasser's two stairwells: one to sign in without signal, one never opened online (its register was fetched ahead). */
let target: { id: number; door: string; owner: string; room: string };
let other: { id: number; door: string };

serverAndBrowser((s, b) => ((server = s), (browser = b)));
beforeAll(async () => {
  const [row] = await server.sql<{ id: number; door: string; owner: string }>(
    "SELECT s.id, s.door_number AS door, c.external_id AS owner FROM stairwells s JOIN canvasser_stairwells cs ON cs.stairwell_id = s.id JOIN canvassers c ON c.id = cs.canvasser_id WHERE s.stage = 'canvassing' AND (SELECT count(*) FROM flats f WHERE f.stairwell_id = s.id AND f.status = 'unvisited') >= 1 AND (SELECT count(*) FROM canvasser_stairwells o WHERE o.canvasser_id = c.id) >= 2 ORDER BY s.id LIMIT 1",
  );
  const [room] = await server.sql<{ room: string }>("SELECT room FROM flats WHERE stairwell_id = ? AND status = 'unvisited' ORDER BY floor, room LIMIT 1", row!.id);
  target = { ...row!, room: room!.room };
  const [second] = await server.sql<{ id: number; door: string }>(
    'SELECT s.id, s.door_number AS door FROM stairwells s JOIN canvasser_stairwells cs ON cs.stairwell_id = s.id JOIN canvassers c ON c.id = cs.canvasser_id WHERE c.external_id = ? AND s.id <> ? ORDER BY s.id LIMIT 1',
    target.owner,
    target.id,
  );
  other = second!;
  password = await addUser(server.db, 'xiaozhou', 'canvasser', target.owner);
});

/** The phone's offline copies in IndexedDB, by key (never creating the app's database before the app does). */
const copies = (page: Page) =>
  page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'liftmap-canvass')) return [];
    return new Promise<string[]>((resolve, reject) => {
      const open = indexedDB.open('liftmap-canvass');
      open.onerror = () => reject(new Error('no database'));
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('copies')) return (db.close(), resolve([]));
        const keys = db.transaction('copies').objectStore('copies').getAllKeys();
        keys.onsuccess = () => (db.close(), resolve(keys.result.map(String)));
      };
    });
  });

describe('the canvassing app on a phone, without signal', () => {
  it('installs, reloads offline, reads a register it never opened, records a signed vote, and the wall sees it when the signal returns', async () => {
    const manifest = (await (await fetch(`${server.url}/manifest.webmanifest`)).json()) as { name: string; start_url: string; display: string; icons: { src: string; sizes: string }[] };
    expect(manifest).toMatchObject({ start_url: '/canvass', display: 'standalone' });
    expect(manifest.name).toContain('入户登记');
    for (const icon of manifest.icons) expect((await fetch(`${server.url}${icon.src}`)).headers.get('content-type'), icon.src).toBe('image/png');

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/canvass`);
    await page.locator('input[name="username"]').fill('xiaozhou');
    await page.locator('input[name="password"]').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('my-stairwells').waitFor();
    // The service worker is installed (the app precached) and the registers of the canvasser's stairwells are copied.
    await waitInPage(page, () => navigator.serviceWorker.ready.then((r) => r.active?.state === 'activated'));
    await expect.poll(() => copies(page), { timeout: 30_000 }).toEqual(expect.arrayContaining(['me', `register:${target.id}`, `register:${other.id}`]));

    // No signal; the tab is reloaded (a locked phone discarded it): the app opens, with the time its copy was fetched.
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('my-stairwells').waitFor();
    await expect(page.getByTestId('copy-line').first().textContent()).resolves.toMatch(/离线副本：\d+月\d+日 \d\d:\d\d 取得/);
    await page.getByTestId('offline').waitFor();
    // A stairwell never opened while online reads from the copy fetched ahead.
    await page.getByTestId('my-stairwells').getByRole('button', { name: new RegExp(`${other.door} `) }).click();
    await page
      .getByTestId('canvass-grid')
      .waitFor()
      .catch(async (e: Error) => {
        await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'canvass-offline-no-grid.png') });
        throw new Error(`${e.message}\nthe phone shows: ${(await page.locator('body').innerText()).slice(0, 400)}`);
      });
    expect(await page.locator('[data-testid="canvass-grid"] button[data-room]').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '返回' }).click();

    // The vote signed on the phone without signal waits on it, with its signature.
    await page.getByTestId('my-stairwells').getByRole('button', { name: new RegExp(`${target.door} `) }).click();
    await page
      .locator(`[data-testid="canvass-grid"] button[data-room="${target.room}"]`)
      .click()
      .catch(async (e: Error) => {
        await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'canvass-offline-no-room.png') });
        throw new Error(`${e.message}\nthe phone shows: ${(await page.locator('body').innerText()).slice(0, 600)}`);
      });
    const form = page.getByTestId('visit-form');
    await form.locator('input[name="status"][value="signed"]').check();
    await drawSignature(page);
    await form.getByRole('button', { name: '保存走访' }).click();
    await expect(page.getByTestId('queue').textContent()).resolves.toContain('1 条走访待发送');
    await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'canvass-offline-copy.png') });
    // The wall is never served from the phone's cache: without signal it does not open.
    const wallOffline = await context.newPage();
    await expect(wallOffline.goto(`${server.url}/wall`)).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    await wallOffline.close();

    // An open wall elsewhere; the signal returns; the vote arrives there.
    const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await wall.goto(`${server.url}/wall?kiosk=1&cycle=0`);
    await waitForMapIdle(wall);
    await context.setOffline(false);
    await page.waitForFunction(() => !document.querySelector('[data-testid="queue"]'), undefined, { timeout: 30_000 });
    await wall.waitForFunction((door) => document.querySelector(`[data-testid="feed"] li[data-door="${door}"]`) !== null, target.door, { timeout: 20_000 });
    const [evidence] = await server.sql<{ method: string; signed: number | boolean }>(
      'SELECT e.method, e.signature_sha256 IS NOT NULL AS signed FROM vote_evidence e JOIN flats f ON f.id = e.flat_id WHERE f.stairwell_id = ? AND f.room = ?',
      target.id,
      target.room,
    );
    expect(evidence).toMatchObject({ method: 'signature' });
    expect(Boolean(evidence!.signed)).toBe(true);
    await wall.close();

    // Signing out takes the residents' data off the phone.
    expect((await copies(page)).length).toBeGreaterThan(2);
    await page.getByRole('button', { name: '退出' }).click();
    await page.locator('input[name="username"]').waitFor();
    await expect.poll(() => copies(page)).toEqual([]);
    await context.close();
  });
});
