import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { staffPage } from '../support/browser.ts';
import { serverAndBrowser } from '../support/browser-suite.ts';
import { callerAs } from '../support/caller.ts';
import { formPhoto } from '../support/evidence.ts';
import { ROOT, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let browser: Browser;
serverAndBrowser((s, b) => ((server = s), (browser = b)));

let flat: { id: number; stairwellId: number; door: string; room: string };
beforeAll(async () => {
  const [row] = await server.sql<{ id: number; stairwellId: number; version: number; door: string; room: string }>(
    "SELECT f.id, f.stairwell_id AS \"stairwellId\", f.version, s.door_number AS door, f.room FROM flats f JOIN stairwells s ON s.id = f.stairwell_id JOIN canvasser_stairwells cs ON cs.stairwell_id = s.id JOIN canvassers c ON c.id = cs.canvasser_id WHERE c.external_id = 'C01' AND s.stage = 'canvassing' AND f.floor = 1 AND f.status IN ('undecided', 'intent') ORDER BY f.id LIMIT 1",
  );
  flat = row!;
  // On the doorstep, the ground floor's yes depends on an outdoor drying rack.
  const canvasser = await callerAs(server.db, 'canvasser', {}, 'C01', 1);
  await canvasser.canvass.recordVisit({ flatId: row!.id, expectedVersion: row!.version, clientId: 'promise-browser-1', outcome: 'talked', status: 'intent', concerns: ['drying_space'], compensation: ['drying_rack'] });
});

describe('/admin 对低层住户的承诺', () => {
  it('turns “depends on drying rack” into a promise, marks it delivered with a photo, and the public page’s count changes', async () => {
    const publicPage = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const racks = () => publicPage.getByTestId('public-promises').locator('li[data-kind="drying_rack"]');
    await publicPage.goto(`${server.url}/stairwell/${flat.stairwellId}`);
    await publicPage.getByTestId('public-stairwell').waitFor();
    expect(await racks().count()).toBe(0);

    const admin = await staffPage(browser, server.url, server.db, 'planner', 'promise-keeper', { width: 1440, height: 1000 });
    await admin.goto(`${server.url}/admin`);
    const panel = admin.getByTestId('promises-panel');
    const candidate = panel.locator(`[data-testid="promise-candidates"] li[data-flat="${flat.id}"][data-kind="drying_rack"]`);
    await expect(candidate.textContent()).resolves.toContain(`${flat.door} ${flat.room} · 室外晾衣架`);
    await candidate.getByRole('button', { name: '立为承诺' }).click();
    const row = panel.locator('tr[data-promise]').filter({ hasText: `${flat.door} ${flat.room}` });
    await expect(row.getByTestId('promise-state').textContent()).resolves.toBe('待兑现');
    await expect(row.textContent()).resolves.toContain('物业公司竣工验收前');

    await publicPage.reload();
    await expect(racks().textContent()).resolves.toBe('室外晾衣架：承诺 1 项，已兑现 0 项');

    await row.locator('input[name="deliveryPhoto"]').setInputFiles({ name: 'rack.png', mimeType: 'image/png', buffer: Buffer.from(formPhoto(), 'base64') });
    await row.getByTestId('promise-state').filter({ hasText: '已兑现' }).waitFor();
    await row.getByRole('button', { name: '住户已签认' }).click();
    await row.getByTestId('promise-state').filter({ hasText: '住户签认' }).waitFor();
    await panel.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'admin-promises.png') });

    await publicPage.reload();
    await expect(racks().textContent()).resolves.toBe('室外晾衣架：承诺 1 项，已兑现 1 项');
    expect(await publicPage.locator('body').innerText()).not.toContain(flat.room);
    await admin.context().close();
    await publicPage.close();
  });

  it('makes a promise no visit asked for (a wall panel for a ground floor), and refuses one due by a stage already reached', async () => {
    const admin = await staffPage(browser, server.url, server.db, 'planner', 'promise-maker', { width: 1440, height: 1000 });
    await admin.goto(`${server.url}/admin`);
    const form = admin.getByTestId('new-promise');
    await form.locator('select[name="promiseStairwell"]').selectOption(String(flat.stairwellId));
    await form.locator('select[name="promiseFlat"]').selectOption(String(flat.id));
    await form.locator('select[name="promiseKind"]').selectOption('wall_panel');
    // The usual deliverer and stage come with the kind.
    await expect(form.locator('select[name="promiseDeliverer"]').inputValue()).resolves.toBe('contractor');
    await form.locator('input[name="promiseNote"]').fill('一楼外墙加装护板');
    await form.getByRole('button', { name: '立为承诺' }).click();
    await form.getByRole('status').filter({ hasText: `已立承诺：${flat.door} ${flat.room} 墙面护板（施工单位）` }).waitFor();
    const row = admin.getByTestId('promises-panel').locator('tr[data-promise]').filter({ hasText: '墙面护板' }).filter({ hasText: `${flat.door} ${flat.room}` });
    await expect(row.getByTestId('promise-state').textContent()).resolves.toBe('待兑现');

    const [late] = await server.sql<{ stairwellId: number; id: number }>("SELECT f.stairwell_id AS \"stairwellId\", f.id FROM flats f JOIN stairwells s ON s.id = f.stairwell_id WHERE s.stage = 'agreement_signed' AND f.floor = 1 ORDER BY f.id LIMIT 1");
    await form.locator('select[name="promiseStairwell"]').selectOption(String(late!.stairwellId));
    await form.locator('select[name="promiseFlat"]').selectOption(String(late!.id));
    await form.locator('select[name="promiseKind"]').selectOption('lighting');
    await form.locator('select[name="promiseDue"]').selectOption('consent_passed');
    await form.getByRole('button', { name: '立为承诺' }).click();
    await expect(form.getByRole('alert').textContent()).resolves.toContain('请选择之后的阶段');
    await form.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'admin-new-promise.png') });
    await admin.context().close();
  });
});
