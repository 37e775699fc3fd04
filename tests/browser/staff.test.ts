import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/auth/manage-users.ts';
import ExcelJS from 'exceljs';
import { REGISTER_COLUMNS, type RegisterColumn } from '../../geo/register/index.ts';
import type { LngLat } from '../../geo/geometry/index.ts';
import { importEstateFile } from '../../server/import/import-estate-file.ts';
import { waitForMapIdle } from '../support/browser.ts';
import { moveMetres } from '../support/move-metres.ts';
import { FENGHE_DIR, ROOT, type TestServer } from '../support/test-server.ts';
import { serverAndBrowser } from '../support/browser-suite.ts';

let server: TestServer;
let browser: Browser;
let password: string;
serverAndBrowser((s, b) => ((server = s), (browser = b)));
beforeAll(async () => {
  password = await addUser(server.db, 'li', 'planner');
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
    // The preview is drawn (its map idle with every stairwell label), not a fixed pause.
    await page.waitForFunction(() => window.liftmapPreview?.idle() === true && window.liftmapPreview.renderedCount('stairwells') > 0, undefined, { timeout: 30_000, polling: 100 });
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
    const canvassers = '\uFEFF编号,姓名,身份,党小组,包干门牌号\r\nC01,周敏,志愿者,,2幢1单元；2幢2单元\r\nC02,陈华,党员,第一党小组,试点路1号1单元\r\n';
    await panel.locator('input[name="estate-canvassers"]').setInputFiles({ name: '包干表.csv', mimeType: 'text/csv', buffer: Buffer.from(canvassers) });
    await panel.getByRole('button', { name: '在地图上预览（不写入）' }).click();
    await panel.locator('p', { hasText: '将新建小区“新村小区”：7 个门洞，名册 84 户，包干人 2 名' }).waitFor();
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
    // A new estate: nothing confirmed yet; what meets the rule on its signed votes is said as 已达标, not 征询通过.
    await expect(page.getByTestId('headline-confirmed').locator('strong').textContent()).resolves.toBe('0');
    const ruleMet = features.filter((f) => f.properties.passed).length;
    if (ruleMet > 0) await expect(page.getByTestId('headline-confirmed-note').textContent()).resolves.toBe(`另有 ${ruleMet} 个已达标待确认`);
    await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'admin-new-estate-wall.png') });
    await page.close();
  });

  it('drags a split stairwell’s door and elevator site into place and saves them; a site dragged away is refused', async () => {
    const fc = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'import', 'valid.geojson'), 'utf8')) as GeoJSON.FeatureCollection;
    fc.features[0]!.properties!.name = '调整小区';
    const created = await importEstateFile(server.db, { geojson: fc, register: null, from: 'wgs84', reference: null, now: new Date() });
    if (created.kind !== 'created') throw new Error('expected a new estate');
    const stored = async () =>
      (
        await server.sql("SELECT door_lng, door_lat, elevator_site, door_adjusted, site_adjusted FROM stairwells WHERE estate_id = ? AND door_number = '2幢2单元'", created.estateId)
      )[0] as {
        door_lng: number;
        door_lat: number;
        elevator_site: string;
        door_adjusted: number;
        site_adjusted: number;
      };
    const before = await stored();
    const door: LngLat = [before.door_lng, before.door_lat];
    const site = JSON.parse(before.elevator_site) as GeoJSON.Polygon;
    const siteCentre = site.coordinates[0]!.slice(0, 4).reduce<LngLat>((c, p) => [c[0] + p[0]! / 4, c[1] + p[1]! / 4], [0, 0]);

    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    await page.goto(`${server.url}/admin?estate=${created.estateId}`);
    await page.locator('input[name="username"]').fill('li');
    await page.locator('input[name="password"]').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    const panel = page.getByTestId('parts-editor');
    await panel.locator('select[name="parts-stairwell"]').selectOption({ label: '2幢2单元' });
    await page.waitForFunction(() => window.liftmapEditor?.idle() === true);
    await panel.scrollIntoViewIfNeeded();
    const at = (p: LngLat) => page.evaluate((q) => window.liftmapEditor!.project(q), p);
    const drag = async (from: LngLat, to: LngLat) => {
      const [a, b] = [await at(from), await at(to)];
      await page.mouse.move(a[0], a[1]);
      await page.mouse.down();
      for (let i = 1; i <= 5; i++) await page.mouse.move(a[0] + ((b[0] - a[0]) * i) / 5, a[1] + ((b[1] - a[1]) * i) / 5);
      await page.mouse.up();
    };

    // Door 2 m east along the north wall, site with it.
    await drag(door, moveMetres(door, 2, 0));
    await drag(siteCentre, moveMetres(siteCentre, 2, 0));
    await panel.locator('p', { hasText: '2幢2单元：有未保存的调整' }).waitFor();
    await panel.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'admin-parts-editor.png') });
    await panel.getByRole('button', { name: '保存位置' }).click();
    await panel.getByTestId('parts-result').filter({ hasText: '已保存 2幢2单元 的门位与加梯位置' }).waitFor();
    const after = await stored();
    expect(after).toMatchObject({ door_adjusted: 1, site_adjusted: 1 });
    const metresBetween = (p: LngLat, q: LngLat) => Math.hypot((p[0] - q[0]) * 95_300, (p[1] - q[1]) * 110_900);
    // Where the mouse let go, to the pixel (about 0.2 m at this zoom).
    expect(metresBetween([after.door_lng, after.door_lat], moveMetres(door, 2, 0))).toBeLessThan(0.5);
    const movedSite = (JSON.parse(after.elevator_site) as GeoJSON.Polygon).coordinates[0]![0] as LngLat;
    expect(metresBetween(movedSite, moveMetres(site.coordinates[0]![0] as LngLat, 2, 0))).toBeLessThan(0.5);

    // Dragged 6 m north, away from its stairwell: refused with the reason, nothing stored.
    const placed = moveMetres(siteCentre, 2, 0);
    await drag(placed, moveMetres(placed, 0, 6));
    await panel.getByRole('button', { name: '保存位置' }).click();
    await panel.getByTestId('parts-result').locator('li', { hasText: /^2幢2单元: the elevator site stands \d+\.\d m from its stairwell/ }).waitFor();
    expect(await stored()).toEqual(after);
    await panel.getByRole('button', { name: '撤销' }).click();
    await expect(panel.getByRole('button', { name: '保存位置' }).isDisabled()).resolves.toBe(true);
    await page.close();
  });
});
