import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/auth/manage-users.ts';
import { launchBrowser } from '../support/browser.ts';
import { FENGHE_DIR, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let browser: Browser;
let password: string;
beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  password = addUser(server.db, 'li', 'planner');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('/admin in Chromium', () => {
  it('previews a register import before writing it, then imports it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/admin`);
    await page.locator('input[name="username"]').fill('li');
    await page.locator('input[name="password"]').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    const lines = readFileSync(join(FENGHE_DIR, 'register.csv'), 'utf8').split('\r\n');
    const at = lines.findIndex((l) => /,unvisited,/.test(l));
    const [door, , room] = lines[at]!.split(',');
    lines[at] = lines[at]!.replace(',unvisited,', ',intent,');
    await page.locator('input[name="register"]').setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) });
    await page.getByRole('button', { name: '预览变动（不写入）' }).click();
    const preview = page.getByTestId('register-preview');
    await preview.locator('p', { hasText: '修改 1 户' }).waitFor();
    await expect(preview.locator('li').first().textContent()).resolves.toBe(`${door} ${room}: status (unvisited → intent)`);
    await page.getByRole('button', { name: '确认导入' }).click();
    await preview.locator('p', { hasText: /^已导入/ }).waitFor();
    await page.close();
  });
});
