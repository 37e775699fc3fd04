import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/auth/manage-users.ts';
import { launchBrowser } from '../support/browser.ts';
import { FENGHE_DIR, ROOT, startTestServer, type TestServer } from '../support/test-server.ts';

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

/** Opens /admin and signs in as the planner. */
async function signInToAdmin(page: Page): Promise<void> {
  await page.goto(`${server.url}/admin`);
  await page.locator('input[name="username"]').fill('li');
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

describe('/admin in Chromium', () => {
  it('previews a register import before writing it, then imports it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInToAdmin(page);
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

  it('previews an estate file on a map before importing it, and catches a file traced in GCJ-02', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    await signInToAdmin(page);
    const panel = page.getByTestId('estate-import');
    const fixture = (name: string) => join(ROOT, 'tests', 'fixtures', 'import', `${name}.geojson`);

    await panel.locator('input[name="estate"]').setInputFiles(fixture('stairwell-outside-building'));
    await panel.getByRole('button', { name: '在地图上预览（不写入）' }).click();
    await panel.locator('li', { hasText: 'features[4] (stairwell 试点路1号3单元): lies outside its building 1幢' }).waitFor();
    await expect(panel.getByRole('button', { name: '导入此小区' }).count()).resolves.toBe(0);

    await panel.locator('input[name="estate"]').setInputFiles(fixture('valid'));
    await panel.getByRole('button', { name: '在地图上预览（不写入）' }).click();
    await panel.locator('p', { hasText: '将新建小区“试点小区”：7 个门洞' }).waitFor();
    await panel.getByTestId('import-preview-map').locator('canvas').waitFor();
    await page.waitForTimeout(1500);
    await panel.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'admin-estate-preview.png') });
    const before = await (await fetch(`${server.url}/api/estates`)).json() as unknown[];
    expect(before).toHaveLength(1); // a preview writes nothing
    await panel.getByRole('button', { name: '导入此小区' }).click();
    await panel.getByTestId('estate-import-result').filter({ hasText: /已导入“试点小区”（编号 \d+）/ }).waitFor();
    const after = await (await fetch(`${server.url}/api/estates`)).json() as { name: string; stairwellCount: number }[];
    expect(after.find((e) => e.name === '试点小区')?.stairwellCount).toBe(7);

    await panel.locator('input[name="estate"]').setInputFiles(fixture('traced-gcj02'));
    await panel.getByRole('button', { name: '在地图上预览（不写入）' }).click();
    await panel.locator('li', { hasText: /the offset of GCJ-02 .*--from gcj02/ }).waitFor();
    await panel.locator('select[name="datum"]').selectOption('gcj02');
    await panel.getByRole('button', { name: '在地图上预览（不写入）' }).click();
    await panel.locator('p', { hasText: '将原地更新“试点小区”：保留 7 个门洞，新增 0 个，删除 0 个' }).waitFor();
    await page.close();
  });
});
