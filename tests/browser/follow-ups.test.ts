import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/auth/manage-users.ts';
import { serverAndBrowser } from '../support/browser-suite.ts';
import { ROOT, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let browser: Browser;
// The day after the demo's history: its seeded follow-ups run from a week before to a few days after.
const clock = new Date('2026-11-24T09:00:00+08:00');
serverAndBrowser((s, b) => ((server = s), (browser = b)), { server: { now: () => clock } });

let password = '';
beforeAll(async () => {
  password = await addUser(server.db, 'xiaowang', 'canvasser', 'C01');
});

/** A 390 px phone signed in to /canvass as `username`. */
async function phoneSignedIn(username: string, secret: string) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const phone = await context.newPage();
  await phone.goto(`${server.url}/canvass`);
  await phone.locator('input[name="username"]').fill(username);
  await phone.locator('input[name="password"]').fill(secret);
  await phone.getByRole('button', { name: '登录' }).click();
  return { context, phone };
}

describe('今日回访 on a canvasser’s phone', () => {
  it('opens today’s list, reads a flat’s history, hands the next call to the daughter, and the flat leaves the list', async () => {
    const { context, phone } = await phoneSignedIn('xiaowang', password);
    const list = phone.getByTestId('follow-ups');
    await list.locator('li').first().waitFor();
    const count = await list.locator('li').count();
    await expect(list.locator('h2').textContent()).resolves.toBe(`今日回访（${count} 户）`);
    const first = list.locator('li').first();
    const flatId = await first.getAttribute('data-flat');
    const label = (await first.locator('strong').textContent())!;
    await first.getByRole('button').click();

    // The flat's form opens in its stairwell, with its history under it.
    await phone.getByTestId('visit-form').waitFor();
    const history = phone.getByTestId('flat-history');
    await history.waitFor();
    await expect(history.locator('h3').textContent()).resolves.toBe(`${label.split(' ').at(-1)} 室走访记录`);
    await history.locator('input[name="nextWho"][value="person"]').check();
    await history.locator('input[name="nextPerson"]').fill('女儿（在浦东工作）周末打电话');
    await history.locator('input[name="nextReason"]').fill('老人听女儿的');
    await history.getByRole('button', { name: '保存回访安排' }).click();
    await history.getByTestId('follow-up-saved').waitFor();
    // The flat's record is read again after the save: its next call names the daughter.
    await history.getByTestId('next-visit').filter({ hasText: '由 女儿（在浦东工作）周末打电话 联系 · 老人听女儿的' }).waitFor();
    await phone.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'follow-up-phone.png'), fullPage: true });

    await phone.getByTestId('visit-form').getByRole('button', { name: '关闭' }).click();
    await phone.getByRole('button', { name: '返回' }).click();
    await list.locator('h2').filter({ hasText: `今日回访（${count - 1} 户）` }).waitFor();
    await expect(list.locator(`li[data-flat="${flatId}"]`).count()).resolves.toBe(0);
    await context.close();
  });

  it('hands the next call to the stairwell’s 楼组长 by name, from the people behind the stairwell, and the flat leaves the list', async () => {
    const { context, phone } = await phoneSignedIn('xiaowang', password);
    const list = phone.getByTestId('follow-ups');
    await list.locator('li').first().waitFor();
    const count = await list.locator('li').count();
    const first = list.locator('li').first();
    const flatId = Number(await first.getAttribute('data-flat'));
    await first.getByRole('button').click();
    const history = phone.getByTestId('flat-history');
    await history.waitFor();
    const [leader] = await server.sql<{ id: number; name: string }>(
      "SELECT c.id, c.name FROM team_members t JOIN canvassers c ON c.id = t.canvasser_id JOIN flats f ON f.stairwell_id = t.stairwell_id WHERE f.id = ? AND t.post = 'group_leader'",
      flatId,
    );
    await history.locator('input[name="nextWho"][value="team"]').check();
    await expect(history.locator('select[name="nextMember"] option').allTextContents()).resolves.toContain(`${leader!.name}（楼组长）`);
    await history.locator('select[name="nextMember"]').selectOption(String(leader!.id));
    await history.locator('input[name="nextReason"]').fill('楼组长和老人熟');
    await history.getByRole('button', { name: '保存回访安排' }).click();
    await history.getByTestId('next-visit').filter({ hasText: `由 ${leader!.name} 联系 · 楼组长和老人熟` }).waitFor();
    await history.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'follow-up-team.png') });
    const [stored] = await server.sql<{ next: number }>('SELECT next_visitor_canvasser_id AS next FROM flats WHERE id = ?', flatId);
    expect(stored!.next).toBe(leader!.id);
    await phone.getByTestId('visit-form').getByRole('button', { name: '关闭' }).click();
    await phone.getByRole('button', { name: '返回' }).click();
    await list.locator('h2').filter({ hasText: `今日回访（${count - 1} 户）` }).waitFor();
    await context.close();
  });

  it('gives staff the estate’s list, each flat with its party group, narrowed to one group’s on a tap', async () => {
    const staffPassword = await addUser(server.db, 'zhuren', 'planner');
    const { context, phone } = await phoneSignedIn('zhuren', staffPassword);
    const list = phone.getByTestId('follow-ups');
    await list.locator('li').first().waitFor();
    const all = await list.locator('li').count();
    await list.locator('select[name="followUpGroup"]').selectOption('第一党小组');
    await expect.poll(() => list.locator('li').count()).toBeLessThan(all);
    const texts = await list.locator('li').allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toContain('第一党小组');
    await expect(list.locator('h2').textContent()).resolves.toBe(`今日回访（${texts.length} 户）`);
    await list.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'follow-ups-party-group.png') });
    await context.close();
  });
});
