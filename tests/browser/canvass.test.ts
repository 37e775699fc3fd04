import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAP_PALETTE } from '../../geo/palette/index.ts';
import { addUser } from '../../server/auth/manage-users.ts';
import { visits } from '../../server/db/schema.ts';
import type { AppRouter } from '../../server/routers/_app.ts';
import { drawSignature, waitForMapIdle } from '../support/browser.ts';
import { ROOT, type TestServer } from '../support/test-server.ts';
import { serverAndBrowser } from '../support/browser-suite.ts';

let server: TestServer;
let browser: Browser;
let password: string;
serverAndBrowser((s, b) => ((server = s), (browser = b)));
beforeAll(async () => {
  password = await addUser(server.db, 'li', 'planner');
});

async function phoneSignedIn() {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${server.url}/canvass`);
  await page.locator('input[name="username"]').fill('li');
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('my-stairwells').waitFor();
  return { context, page };
}

async function signOnPhone(page: Awaited<ReturnType<typeof phoneSignedIn>>['page'], door: string, room: string) {
  await page.getByTestId('my-stairwells').getByRole('button', { name: new RegExp(`${door} `) }).click();
  await page.locator(`[data-testid="canvass-grid"] button[data-room="${room}"]`).click();
  const form = page.getByTestId('visit-form');
  await form.locator('input[name="status"][value="signed"]').check();
  // The voter signs on the phone under the consent text.
  await drawSignature(page);
  await form.getByRole('button', { name: '保存走访' }).click();
  await form.waitFor({ state: 'detached' });
}

describe('/canvass and /wall together', () => {
  it('records a signature on the phone and the wall recolours that stairwell without reloading', async () => {
    const trpc = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${server.url}/trpc` })] });
    const map = await trpc.estate.map.query({ estateId: 1 });
    const target = map.layers.stairwells.features.find((f) => f.properties.stage === 'canvassing' && f.properties.flatsToPassCount === 1)!;
    const detail = await trpc.stairwell.detail.query({ stairwellId: target.properties.id });
    const room = detail.evaluation.complete ? detail.evaluation.todo[0]!.room : '';

    const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await wall.goto(`${server.url}/wall?kiosk=1`);
    await waitForMapIdle(wall);
    await wall.waitForFunction(() => document.querySelector('[data-testid="connection"]')?.textContent?.includes('实时连接'));

    // A second wall that does not cycle its views: the banner zooms onto the stairwell, then the whole estate comes back.
    const still = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await still.goto(`${server.url}/wall?kiosk=1&cycle=0`);
    await waitForMapIdle(still);
    expect(await still.evaluate(() => window.liftmap!.renderedStairwellIds().length)).toBe(80);

    const { context, page } = await phoneSignedIn();
    await signOnPhone(page, target.properties.doorNumber, room);
    // The phone says so, louder than an ordinary save: this signature made the stairwell reach the rule.
    await expect(page.getByTestId('saved-rule-met').textContent()).resolves.toContain(`${target.properties.doorNumber} 已达标！`);
    await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'canvass-rule-met.png') });

    await wall.waitForFunction((door) => document.querySelector(`[data-testid="feed"] li[data-door="${door}"]`) !== null, target.properties.doorNumber);
    // The banner says 已达标 (the rule met on signed votes), not 征询通过: nobody has confirmed it yet.
    await expect(wall.getByTestId('passed-banner').textContent()).resolves.toBe(`${target.properties.doorNumber} 已达标！待工作人员确认`);
    await still.getByTestId('passed-banner').waitFor();
    await still.waitForFunction(() => window.liftmap!.idle() && window.liftmap!.renderedStairwellIds().length < 80, undefined, { timeout: 10_000 });
    await still.getByTestId('passed-banner').waitFor({ state: 'detached', timeout: 20_000 });
    await still.waitForFunction(() => window.liftmap!.idle() && window.liftmap!.renderedStairwellIds().length === 80, undefined, { timeout: 10_000 });
    await still.close();
    await waitForMapIdle(wall);
    const ring = (target.geometry as GeoJSON.Polygon).coordinates[0]!;
    const lngs = ring.map((p) => p[0]!);
    const lats = ring.map((p) => p[1]!);
    const at: [number, number] = [Math.min(...lngs) + (Math.max(...lngs) - Math.min(...lngs)) * 0.12, Math.min(...lats) + (Math.max(...lats) - Math.min(...lats)) * 0.2];
    await wall.waitForFunction(
      ([p, hex]) => {
        const [pageX, pageY] = window.liftmap!.project(p);
        const canvas = document.querySelector<HTMLCanvasElement>('.battle-map canvas')!;
        const box = canvas.getBoundingClientRect();
        const [x, y] = [pageX - box.left, pageY - box.top];
        const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
        if (!gl) return false;
        const px = new Uint8Array(4);
        const ratio = canvas.width / canvas.clientWidth;
        gl.readPixels(Math.round(x * ratio), Math.round(canvas.height - y * ratio), 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
        const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
        return want.every((v, i) => Math.abs(v - px[i]!) <= 6);
      },
      [at, MAP_PALETTE.passed.color] as const,
      { timeout: 10_000 },
    );
    const png = PNG.sync.read(await wall.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'wall-after-signature.png') }));
    expect(png.width).toBe(1920);
    await context.close();
    await wall.close();
  });

  it('keeps a visit recorded without signal on the phone and delivers it exactly once', async () => {
    const trpc = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${server.url}/trpc` })] });
    const map = await trpc.estate.map.query({ estateId: 1 });
    const target = map.layers.stairwells.features.find((f) => f.properties.stage === 'canvassing' && (f.properties.flatsToPassCount ?? 0) > 2)!;
    const detail = await trpc.stairwell.detail.query({ stairwellId: target.properties.id });
    const flat = detail.flats.find((f) => f.status === 'unvisited' || f.status === 'undecided')!;

    const { context, page } = await phoneSignedIn();
    await page.getByTestId('my-stairwells').getByRole('button', { name: new RegExp(`${target.properties.doorNumber} `) }).click();
    await page.getByTestId('canvass-grid').waitFor();
    await context.setOffline(true);
    // The banner comes as soon as the signal goes, before anything fails to send.
    await page.getByTestId('offline').waitFor();
    await page.locator(`[data-testid="canvass-grid"] button[data-room="${flat.room}"]`).click();
    const form = page.getByTestId('visit-form');
    await expect(form.locator('h3').textContent()).resolves.toContain(target.properties.doorNumber);
    await form.locator('input[name="status"][value="intent"]').check();
    await form.getByRole('button', { name: '保存走访' }).click();
    await expect(page.getByTestId('queue').textContent()).resolves.toContain('1 条走访待发送');
    // The grid shows the queued visit's new status, marked as waiting.
    const cell = page.locator(`[data-testid="canvass-grid"] button[data-room="${flat.room}"]`);
    await expect(cell.getAttribute('data-status')).resolves.toBe('intent');
    await expect(cell.getAttribute('data-waiting')).resolves.toBe('true');
    await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'canvass-offline.png') });
    expect(await server.db.select().from(visits).where(eq(visits.flatId, flat.id))).toHaveLength(0);

    // The queue lives in IndexedDB across a reload; when the connection is back it is sent, once.
    await context.setOffline(false);
    await page.reload();
    await page.getByTestId('my-stairwells').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="queue"]'), undefined, { timeout: 20_000 });
    await page.waitForTimeout(500);
    expect(await server.db.select().from(visits).where(eq(visits.flatId, flat.id))).toHaveLength(1);
    await context.close();
  });
});
