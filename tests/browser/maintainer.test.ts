import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/auth/manage-users.ts';
import { DEMO_MAINTAINER } from '../../server/import/seed-lifecycle.ts';
import { staffPage, waitForMapIdle } from '../support/browser.ts';
import { serverAndBrowser } from '../support/browser-suite.ts';
import { callerAs } from '../support/caller.ts';
import { ROOT, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let browser: Browser;
// The day after the demo's history ends: one pilot lift is overdue for its visit, one has a fault open.
const clock = new Date('2026-11-24T10:00:00+08:00');
serverAndBrowser((s, b) => ((server = s), (browser = b)), { server: { now: () => clock } });

let passwords: { own: string; rival: string };
let lift: { id: number; door: string; qr: string };
beforeAll(async () => {
  passwords = { own: await addUser(server.db, 'changfeng-wb', 'maintainer', undefined, undefined, DEMO_MAINTAINER.licence), rival: await addUser(server.db, 'other-wb', 'maintainer', undefined, undefined, 'TS3431999-2029') };
  const staff = await callerAs(server.db, 'planner', { now: () => clock });
  const overdue = (await staff.estate.map({ estateId: 1 })).layers.stairwells.features.find((f) => f.properties.health === 'visit_overdue')!;
  // What the QR sticker in the car encodes (/admin prints it).
  const sticker = await staff.upkeep.sticker({ stairwellId: overdue.properties.id });
  lift = { id: overdue.properties.id, door: overdue.properties.doorNumber, qr: `${server.url}${sticker.path}` };
});

const healthOnWall = (wall: Page, id: number) => wall.evaluate((i) => window.liftmap!.propertiesOf('stairwells', i)?.health ?? null, id);

async function phoneAt(url: string, username: string, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  return page;
}

describe('the maintainer (维保单位) on a phone', () => {
  it('scans the lift’s QR code, records the visit with one tap, and the wall’s colour for that lift turns healthy', async () => {
    const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await wall.goto(`${server.url}/wall?kiosk=1&cycle=0`);
    await waitForMapIdle(wall);
    expect(await healthOnWall(wall, lift.id)).toBe('visit_overdue');
    await expect(wall.getByTestId('lifecycle').locator('[data-health="visit_overdue"]').textContent()).resolves.toContain('维保超过 15 天 1');

    const phone = await phoneAt(lift.qr, 'changfeng-wb', passwords.own);
    const card = phone.getByTestId('lift-visit');
    await card.waitFor();
    await expect(card.locator('h2').textContent()).resolves.toBe(lift.door);
    await expect(card.textContent()).resolves.toContain('维保超过 15 天');
    await card.locator('input[name="kind"][value="quarterly"]').check();
    await card.getByRole('button', { name: '登记本次维保' }).click();
    await expect(phone.getByTestId('visit-saved').textContent()).resolves.toBe(`${lift.door} 维保已登记（10:00）`);
    // The lift's record is read again after the save: the new visit heads it.
    await phone.getByTestId('visits').locator('li').first().filter({ hasText: '11-24 10:00 季度维保' }).waitFor();
    await phone.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'maintainer-visit.png') });
    // Nothing about residents on the maintainer's page.
    expect(await phone.locator('body').innerText()).not.toMatch(/室|户主|签字/);

    // The wall hears the change and recolours the lift; the panel counts it healthy.
    await wall.waitForFunction((i) => window.liftmap!.propertiesOf('stairwells', i)?.health === 'ok', lift.id, { timeout: 20_000 });
    await expect(wall.getByTestId('lifecycle').locator('[data-health="visit_overdue"]').count()).resolves.toBe(0);
    await wall.close();
    await phone.context().close();
  });

  it('refuses another maintainer’s account on the same lift, and lists it none of ours', async () => {
    const phone = await phoneAt(lift.qr, 'other-wb', passwords.rival);
    await expect(phone.getByTestId('lift-refused').textContent()).resolves.toContain(`${lift.door} 的电梯不由贵单位维保`);
    await expect(phone.getByRole('button', { name: '登记本次维保' }).count()).resolves.toBe(0);
    await phone.goto(`${server.url}/maintain`);
    await phone.getByTestId('my-lifts').waitFor({ state: 'attached' });
    await expect(phone.getByTestId('my-lifts').locator('li').count()).resolves.toBe(0);
    await expect(phone.locator('main, .maintain').first().innerText()).resolves.toContain('没有登记由贵单位维保的电梯');
    await phone.context().close();
  });

  it('in /admin staff print the lift’s QR code, post a fund repair, and may approve it only after 7 days of notice', async () => {
    const admin = await staffPage(browser, server.url, server.db, 'planner', 'fund-clerk', { width: 1440, height: 1000 });
    await admin.goto(`${server.url}/admin`);
    await admin.getByTestId('pipeline-panel').waitFor();
    await admin.locator(`tr[data-door="${lift.door}"] button.link`).click();
    // The sticker's QR code is the one the maintainer scanned.
    await expect(admin.getByTestId('lift-service').locator('.qr').getAttribute('data-url')).resolves.toBe(lift.qr);
    const repairs = admin.getByTestId('lift-repairs');
    await repairs.locator('input[name="repairDescription"]').fill('更换层门门锁');
    await repairs.locator('input[name="repairAmount"]').fill('-5');
    await repairs.getByRole('button', { name: '张贴公示' }).click();
    await expect(repairs.getByRole('alert').textContent()).resolves.toContain('金额应为大于 0 的元数');
    await repairs.locator('input[name="repairAmount"]').fill('3,200.50');
    await repairs.getByRole('button', { name: '张贴公示' }).click();
    const row = repairs.locator('li[data-repair]').first();
    await expect(row.textContent()).resolves.toContain('2026-11-24 更换层门门锁 ¥3,200.50 · 公示中，2026-12-01 起可批准');
    // Posted today: no approval offered before the 7 days are up.
    await expect(row.getByRole('button', { name: '业主已同意，批准' }).count()).resolves.toBe(0);
    await admin.getByTestId('lift-service').locator('xpath=..').screenshot({ path: join(ROOT, 'tests', 'artifacts', 'admin-lift-card.png') });
    await admin.context().close();
  });
});
