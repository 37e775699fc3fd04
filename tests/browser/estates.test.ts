import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importEstateFile } from '../../server/import/import-estate-file.ts';
import { plannerPage, waitForMapIdle } from '../support/browser.ts';
import { ROOT, type TestServer } from '../support/test-server.ts';
import { serverAndBrowser } from '../support/browser-suite.ts';

let server: TestServer;
let browser: Browser;
let second: number;
serverAndBrowser((s, b) => ((server = s), (browser = b)));
beforeAll(async () => {
  const geojson: unknown = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'import', 'valid.geojson'), 'utf8'));
  const outcome = await importEstateFile(server.db, { geojson, register: null, from: 'wgs84', reference: null, now: new Date() });
  if (outcome.kind !== 'created') throw new Error('expected a new estate');
  second = outcome.estateId;
});

describe('several estates', () => {
  it('switches the wall to another estate with one choice, and the plan and deck follow it', async () => {
    const page = await plannerPage(browser, server.url, server.db);
    await page.goto(`${server.url}/wall`);
    await waitForMapIdle(page);
    await expect(page.locator('h1').textContent()).resolves.toBe('风荷苑 加装电梯作战图');
    expect(await page.evaluate(() => window.liftmap!.renderedStairwellIds().length)).toBe(80);

    await Promise.all([page.waitForURL(/estate=\d+/), page.locator('select[name="estate"]').selectOption({ label: '试点小区' })]);
    expect(new URL(page.url()).searchParams.get('estate')).toBe(String(second));
    await page.locator('h1', { hasText: '试点小区 加装电梯作战图' }).waitFor();
    await waitForMapIdle(page);
    expect(await page.evaluate(() => window.liftmap!.renderedStairwellIds().length)).toBe(7);

    // The choice is remembered on this device: other screens open on it without the parameter.
    await page.goto(`${server.url}/plan`);
    await page.locator('h1', { hasText: '试点小区' }).waitFor();
    await page.goto(`${server.url}/present`);
    await page.locator('.slide header p', { hasText: '试点小区' }).waitFor();
    // …and the address still wins, e.g. for a kiosk URL.
    await page.goto(`${server.url}/wall?kiosk=1&estate=1`);
    await page.locator('h1', { hasText: '风荷苑' }).waitFor();
    await page.close();
  });

  it('shows the subdistrict overview: every estate’s progress, all stairwells on one map, a click opens its wall', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1100 } });
    await page.goto(`${server.url}/district`);
    await waitForMapIdle(page);
    expect(await page.evaluate(() => window.liftmap!.renderedStairwellIds().length)).toBe(87);
    const rows = page.getByTestId('district-table').locator('tbody tr');
    await expect(rows.count()).resolves.toBe(2);
    await expect(rows.nth(0).locator('th').textContent()).resolves.toContain('风荷苑');
    await expect(rows.nth(1).locator('td').first().textContent()).resolves.toMatch(/^0 \/ 7/);
    await expect(page.getByTestId('district-total').textContent()).resolves.toMatch(/2 个小区 · 征询通过门洞 \d+ \/ 87 · 已达标待确认 \d+ · 已签字 [\d,]+ \/ 1,920 户/);
    // A legend of every colour the map uses, and an edge round each stairwell so neighbours of one colour stay countable.
    await expect(page.getByTestId('legend').locator('li[data-key]').count()).resolves.toBe(16);
    expect(await page.evaluate(() => document.querySelectorAll('[data-testid="legend"] .count').length)).toBe(0);
    await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'district.png') });
    await Promise.all([page.waitForURL(/\/wall\?estate=/), rows.nth(1).getByRole('button').click()]);
    await page.locator('h1', { hasText: '试点小区' }).waitFor();
    await page.close();
  });
});
