import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/auth/manage-users.ts';
import ExcelJS from 'exceljs';
import { REGISTER_COLUMNS, type RegisterColumn } from '../../geo/register/index.ts';
import { launchBrowser, waitForMapIdle } from '../support/browser.ts';
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

  it('turns a committee’s own footprint file and Excel register into its battle map, refusing a bad register first', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    await signInToAdmin(page);
    const panel = page.getByTestId('estate-import');
    const fc = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'import', 'valid.geojson'), 'utf8')) as GeoJSON.FeatureCollection;
    fc.features[0]!.properties!.name = '新村小区';
    await panel.locator('input[name="estate"]').setInputFiles({ name: '新村小区.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(fc)) });

    // The register as the committee's Excel has it: Chinese headers, one sheet.
    const [header, ...rows] = readFileSync(join(ROOT, 'tests', 'fixtures', 'import', 'register.csv'), 'utf8').trim().split(/\r?\n/).map((l) => l.split(','));
    const xlsx = async (edit: (rows: string[][]) => void) => {
      const copy = rows.map((r) => [...r]);
      edit(copy);
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('名册');
      sheet.addRow(header!.map((h) => REGISTER_COLUMNS[h as RegisterColumn]));
      for (const r of copy) sheet.addRow(r.map((v, i) => (['floor', 'areaM2'].includes(header![i]!) ? Number(v) : v)));
      return Buffer.from(await book.xlsx.writeBuffer());
    };
    await panel.locator('input[name="estate-register"]').setInputFiles({ name: '名册.xlsx', mimeType: 'application/octet-stream', buffer: await xlsx((r) => (r[5]![0] = '9幢1单元')) });
    await panel.getByRole('button', { name: '在地图上预览（不写入）' }).click();
    await panel.locator('li', { hasText: 'row 7, column doorNumber: no stairwell 9幢1单元' }).waitFor();
    await expect(panel.getByRole('button', { name: '导入此小区' }).count()).resolves.toBe(0);

    await panel.locator('input[name="estate-register"]').setInputFiles({ name: '名册.xlsx', mimeType: 'application/octet-stream', buffer: await xlsx(() => undefined) });
    await panel.getByRole('button', { name: '在地图上预览（不写入）' }).click();
    await panel.locator('p', { hasText: '将新建小区“新村小区”：7 个门洞，名册 84 户' }).waitFor();
    const estates = async () => (await (await fetch(`${server.url}/api/estates`)).json()) as { id: number; name: string; stairwellCount: number }[];
    expect((await estates()).some((e) => e.name === '新村小区')).toBe(false);
    await panel.getByRole('button', { name: '导入此小区' }).click();
    await Promise.all([page.waitForURL(/\/wall\?estate=\d+/), panel.getByRole('link', { name: '打开它的作战图' }).click()]);

    const id = (await estates()).find((e) => e.name === '新村小区')!.id;
    expect(page.url()).toContain(`estate=${id}`);
    await page.locator('h1', { hasText: '新村小区 加装电梯作战图' }).waitFor();
    await waitForMapIdle(page);
    expect(await page.evaluate(() => window.liftmap!.renderedStairwellIds().length)).toBe(7);
    const features = ((await (await fetch(`${server.url}/api/estates/${id}/stairwells.geojson`)).json()) as GeoJSON.FeatureCollection<GeoJSON.Polygon, { passed: boolean; flatCount: number }>).features;
    expect(features.map((f) => f.properties.flatCount)).toEqual([12, 12, 12, 12, 12, 12, 12]);
    await expect(page.getByTestId('headline-passed').locator('strong').textContent()).resolves.toBe(String(features.filter((f) => f.properties.passed).length));
    await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'admin-new-estate-wall.png') });
    await page.close();
  });
});
