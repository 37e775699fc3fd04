import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/auth/manage-users.ts';
import { sessionCookieFor } from '../support/sign-in.ts';
import { ROOT, type TestServer } from '../support/test-server.ts';
import { serverAndBrowser } from '../support/browser-suite.ts';
import { staffPage } from '../support/browser.ts';

let server: TestServer;
let browser: Browser;
let admin: Page;
serverAndBrowser((s, b) => ((server = s), (browser = b)));
beforeAll(async () => {
  admin = await staffPage(browser, server.url, server.db, 'admin', 'chief');
  await admin.goto(`${server.url}/admin`);
  await admin.getByTestId('users-panel').waitFor();
});

/** Whether `username` can sign in with `password`, through auth.login as a browser would. */
const canSignIn = async (username: string, password: string) =>
  (await fetch(`${server.url}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) })).ok;

describe('/admin accounts and backups in Chromium', () => {
  it('adds a canvasser linked to a 包干人 with the password shown once, resets it, disables and enables the account, changes a role', async () => {
    const panel = admin.getByTestId('users-panel');
    await panel.locator('input[name="newUsername"]').fill('wang');
    await panel.locator('select[name="newRole"]').selectOption('canvasser');
    await panel.locator('input[name="newCanvasser"]').fill('C02');
    await panel.getByRole('button', { name: '添加', exact: true }).click();
    const once = panel.getByTestId('password-once');
    await once.waitFor();
    const first = (await once.locator('code').textContent())!;
    expect(await canSignIn('wang', first)).toBe(true);
    const row = panel.locator('tr[data-username="wang"]');
    await expect(row.textContent()).resolves.toContain('走访员');
    await expect(row.textContent()).resolves.toContain('C02');
    await admin.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'admin-accounts.png'), fullPage: true });

    await row.getByRole('button', { name: '重置密码' }).click();
    await admin.waitForFunction((old) => document.querySelector('[data-testid="password-once"] code')?.textContent !== old, first);
    const second = (await once.locator('code').textContent())!;
    expect(await canSignIn('wang', first)).toBe(false);
    expect(await canSignIn('wang', second)).toBe(true);

    await row.getByRole('button', { name: '停用' }).click();
    await row.getByText('已停用').waitFor();
    expect(await canSignIn('wang', second)).toBe(false);
    await row.getByRole('button', { name: '启用' }).click();
    await row.getByText('可登录').waitFor();
    expect(await canSignIn('wang', second)).toBe(true);

    await row.getByRole('button', { name: '改角色' }).click();
    await row.locator('select[name="editRole"]').selectOption('planner');
    await row.getByRole('button', { name: '保存角色' }).click();
    await row.getByText('规划员').waitFor();

    // A refusal in Chinese: a canvasser without a 包干人 id.
    await panel.locator('input[name="newUsername"]').fill('zhao');
    await panel.locator('select[name="newRole"]').selectOption('canvasser');
    await panel.getByRole('button', { name: '添加', exact: true }).click();
    await expect(panel.getByRole('alert').textContent()).resolves.toMatch(/^走访员须关联包干人编号/);
    // No button disables or demotes oneself.
    await expect(panel.locator('tr[data-username="chief"] button').count()).resolves.toBe(0);
  });

  it('backs up in the browser, lists the backup and downloads it as the SQLite file recorded; only admins may', async () => {
    const panel = admin.getByTestId('backups-panel');
    await panel.getByRole('button', { name: '立即备份' }).click();
    await panel.getByRole('status').filter({ hasText: '已备份：' }).waitFor();
    const link = panel.locator('tr[data-backup] a').first();
    const href = (await link.getAttribute('href'))!;
    const [recorded] = await server.sql<{ bytes: number | string }>('SELECT bytes FROM backups ORDER BY id DESC LIMIT 1');
    const cookie = (await admin.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const file = Buffer.from(await (await fetch(`${server.url}${href}`, { headers: { cookie } })).arrayBuffer());
    expect(file.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    expect(file.length).toBe(Number(recorded!.bytes));
    // Personal data inside: no one but an admin gets it.
    expect((await fetch(`${server.url}${href}`)).status).toBe(401);
    const planner = await sessionCookieFor(server.url, 'plan-li', await addUser(server.db, 'plan-li', 'planner'));
    expect((await fetch(`${server.url}${href}`, { headers: { cookie: planner } })).status).toBe(403);
  });
});
