import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LngLat } from '../../geo/geometry/index.ts';
import { plannerPage, waitForMapIdle } from '../support/browser.ts';
import { ROOT, type TestServer } from '../support/test-server.ts';
import { BUILDINGS, frame } from '../fixtures/outlines/outline-fixture-data.ts';
import { serverAndBrowser } from '../support/browser-suite.ts';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'outlines');
const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
let server: TestServer;
let browser: Browser;
serverAndBrowser((s, b) => ((server = s), (browser = b)));

const waitForOutlineMap = (page: Page) => page.waitForFunction(() => window.liftmapOutlineMap?.idle() === true, undefined, { timeout: 30_000, polling: 100 });
async function clickAt(page: Page, lngLat: LngLat): Promise<void> {
  const [x, y] = await page.evaluate((p) => window.liftmapOutlineMap!.project(p), lngLat);
  await page.mouse.move(x, y, { steps: 4 });
  await page.mouse.click(x, y);
}

describe('/import in Chromium: a building-outline file to a drawn battle map', () => {
  it('a city GIS layer: the boundary drawn on the map, one building’s stairwells edited, previewed, imported, drawn on its wall', async () => {
    const page = await plannerPage(browser, server.url, server.db, { width: 1600, height: 1000 });
    await page.goto(`${server.url}/import`);
    await page.locator('input[name="outlines"]').setInputFiles(join(FIXTURES, 'city-gis.geojson'));
    await expect(page.getByTestId('outline-read').textContent()).resolves.toContain('读取 10 个轮廓（WGS-84 经纬度（EPSG:4326））');
    // Floor guessed; no code attribute (Id is 0 everywhere); the small file's 5–7-floor outlines preselected, the block across the road too.
    await expect(page.locator('select[name="floorsField"]').inputValue()).resolves.toBe('Floor');
    await expect(page.locator('select[name="codeField"]').inputValue()).resolves.toBe('');
    await expect(page.getByTestId('outline-summary').textContent()).resolves.toBe('将建 7 幢楼、24 个门洞（门洞数按楼长估算，可逐幢修改）');

    // The boundary, corner by corner, closed on the first: only the six walk-ups inside stay.
    await waitForOutlineMap(page);
    await page.getByRole('button', { name: '画小区边界' }).click();
    const corners = ([[-88, -52], [88, -52], [88, 52], [-88, 52], [-88, -52]] as const).map(([x, y]) => frame.toLngLat([x, y]));
    for (const corner of corners) await clickAt(page, corner);
    await page.getByTestId('outline-summary').filter({ hasText: '将建 6 幢楼、20 个门洞' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'import-01-boundary.png') });

    // 4幢 (36 m, turned) gets three stairwells instead of the estimated two.
    const row = page.locator('tr', { has: page.locator('input[name="code"][value="4幢"]') });
    await row.locator('input[name="stairwells"]').fill('3');
    await page.getByTestId('outline-summary').filter({ hasText: '将建 6 幢楼、21 个门洞' }).waitFor();
    await page.locator('input[name="estate-name"]').fill('长风四村');
    await page.getByRole('button', { name: '在地图上预览（不写入）' }).click();
    await page.getByTestId('estate-preview').filter({ hasText: '将新建小区“长风四村”：21 个门洞' }).waitFor();
    await page.getByTestId('import-preview-map').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'import-02-preview.png'), fullPage: true });
    await page.getByRole('button', { name: '导入此小区' }).click();
    const result = page.getByTestId('estate-import-result');
    await result.filter({ hasText: '已导入“长风四村”' }).waitFor();

    const doors = await server.sql<{ door: string }>("SELECT s.door_number door FROM stairwells s JOIN estates e ON e.id = s.estate_id WHERE e.name = '长风四村' ORDER BY s.door_number");
    expect(doors.filter((d) => d.door.startsWith('4幢')).map((d) => d.door)).toEqual(['4幢1单元', '4幢2单元', '4幢3单元']);

    await result.getByRole('link', { name: '打开它的作战图' }).click();
    await page.waitForURL(/\/wall\?estate=\d+/);
    await waitForMapIdle(page);
    expect(await page.evaluate(() => window.liftmap!.renderedStairwellIds().length)).toBe(21);
    await page.screenshot({ path: join(ARTIFACTS, 'import-03-wall.png') });

    // The committee's own Excel register (title rows, merged headers, a sheet per building) into the new estate from /admin.
    const estateId = new URL(page.url()).searchParams.get('estate');
    await page.goto(`${server.url}/admin?estate=${estateId}`);
    await page.locator('input[name="register"]').setInputFiles(join(ROOT, 'tests', 'fixtures', 'registers', 'messy-register.xlsx'));
    await page.getByRole('button', { name: '预览变动（不写入）' }).click();
    const preview = page.getByTestId('register-preview');
    await preview.locator('p', { hasText: '将新增 84 户' }).waitFor();
    await expect(page.getByTestId('register-warnings').textContent()).resolves.toContain('工作表「说明」没有名册表头');
    await page.getByRole('button', { name: '确认导入' }).click();
    await preview.locator('p', { hasText: /^已导入/ }).waitFor();
    await page.goto(`${server.url}/wall?estate=${estateId}`);
    await waitForMapIdle(page);
    const signed = await server.sql<{ n: number }>(
      "SELECT count(*) n FROM flats f JOIN stairwells s ON s.id = f.stairwell_id JOIN estates e ON e.id = s.estate_id WHERE e.name = '长风四村' AND f.status = 'signed'",
    );
    await page.getByTestId('headline-signed').filter({ hasText: `${Number(signed[0]!.n)}` }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'import-04-wall-register.png') });
    await page.close();
  });

  it.each([
    ['web-mercator.geojson', 'Web 墨卡托'],
    ['buildings-cgcs2000.zip', 'CGCS2000_3_Degree_GK_CM_120E'],
    ['buildings.kml', 'KML/OSM'],
    ['buildings.kmz', 'KML/OSM'],
    ['export.osm', 'KML/OSM'],
    ['overpass.json', 'KML/OSM'],
  ])('%s: read (%s), the walk-ups imported, its wall draws 20 stairwells', async (file, crs) => {
    const page = await plannerPage(browser, server.url, server.db, { width: 1600, height: 1000 });
    await page.goto(`${server.url}/import`);
    await page.locator('input[name="outlines"]').setInputFiles(join(FIXTURES, file));
    await expect(page.getByTestId('outline-read').textContent()).resolves.toContain(crs);
    await waitForOutlineMap(page);
    // Seven walk-ups of 5–7 floors are preselected; the block across the road is left out with a click.
    await page.getByTestId('outline-summary').filter({ hasText: '将建 7 幢楼、24 个门洞' }).waitFor();
    const ring = BUILDINGS[8]!.ring;
    await clickAt(page, [(ring[0]![0] + ring[2]![0]) / 2, (ring[0]![1] + ring[2]![1]) / 2]);
    await page.getByTestId('outline-summary').filter({ hasText: '将建 6 幢楼、20 个门洞' }).waitFor();
    await page.locator('input[name="estate-name"]').fill(`长风四村 ${file}`);
    await page.getByRole('button', { name: '在地图上预览（不写入）' }).click();
    await page.getByRole('button', { name: '导入此小区' }).click();
    await page.getByTestId('estate-import-result').getByRole('link', { name: '打开它的作战图' }).click();
    await page.waitForURL(/\/wall\?estate=\d+/);
    await waitForMapIdle(page);
    expect(await page.evaluate(() => window.liftmap!.renderedStairwellIds().length)).toBe(20);
    await page.close();
  });

  it('a click takes an outline in or leaves it out; a file it cannot read is refused in a sentence, in English on the toggle', async () => {
    const page = await plannerPage(browser, server.url, server.db, { width: 1600, height: 1000 });
    await page.goto(`${server.url}/import`);
    await page.locator('input[name="outlines"]').setInputFiles(join(FIXTURES, 'buildings-cgcs2000.zip'));
    await expect(page.getByTestId('outline-read').textContent()).resolves.toContain('CGCS2000_3_Degree_GK_CM_120E');
    await waitForOutlineMap(page);
    await page.getByTestId('outline-summary').filter({ hasText: '将建 7 幢楼' }).waitFor();
    // 39号楼 across the road: out with a click.
    await expect(page.locator('tr[data-outline="8"] input[name="code"]').inputValue()).resolves.toBe('39号楼');
    const ring = BUILDINGS[8]!.ring;
    await clickAt(page, [(ring[0]![0] + ring[2]![0]) / 2, (ring[0]![1] + ring[2]![1]) / 2]);
    await page.getByTestId('outline-summary').filter({ hasText: '将建 6 幢楼、20 个门洞' }).waitFor();

    await page.locator('input[name="outlines"]').setInputFiles(join(FIXTURES, 'no-prj.zip'));
    await expect(page.getByTestId('outline-problems').textContent()).resolves.toContain('buildings.shp 缺少 .prj（坐标系）文件');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('outline-problems').filter({ hasText: 'buildings.shp has no .prj (its CRS)' }).waitFor();
    await page.close();
  });
});
