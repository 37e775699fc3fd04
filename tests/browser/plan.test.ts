import type { Browser } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { plannerPage, waitForMapIdle } from '../support/browser.ts';
import { ROOT, type TestServer } from '../support/test-server.ts';
import { serverAndBrowser } from '../support/browser-suite.ts';

let server: TestServer;
let browser: Browser;
const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
serverAndBrowser((s, b) => ((server = s), (browser = b)));
beforeAll(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
});

describe('/plan in Chromium', () => {
  it('re-plans when the crew count changes: fewer phases on the Gantt chart and new colours on the map', async () => {
    const page = await plannerPage(browser, server.url, server.db);
    await page.goto(`${server.url}/plan`);
    await waitForMapIdle(page);
    const phases = page.locator('[data-testid="gantt"] g[data-phase]');
    await phases.first().waitFor();
    const before = await phases.count();
    const colourOf = (id: number) =>
      page.evaluate((i) => {
        const hook = window.liftmap!;
        return hook.stateOf('stairwells', i)?.color;
      }, id);
    const firstRow = page.locator('[data-testid="gantt"] g[data-stairwell]').first();
    const id = Number(await firstRow.getAttribute('data-stairwell'));
    const colourBefore = await colourOf(id);
    expect(colourBefore).toMatch(/^#[0-9a-f]{6}$/);

    await page.locator('input[name="crews"]').fill('8');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="gantt"] g[data-phase]').length < n, before);
    const after = await phases.count();
    expect(after).toBeLessThan(before);
    await waitForMapIdle(page);
    // Each Gantt row's colour is its phase's; the map's stairwell carries the same colour.
    const row = page.locator(`[data-testid="gantt"] g[data-stairwell="${id}"] rect[fill]`);
    await expect(row.getAttribute('fill')).resolves.toBe(await colourOf(id));
    await page.screenshot({ path: join(ARTIFACTS, 'plan-8-crews.png') });
    await page.close();
  });

  it('links the Gantt chart and the map: a row selects the stairwell, a move re-scores the plan', async () => {
    const page = await plannerPage(browser, server.url, server.db);
    await page.goto(`${server.url}/plan`);
    await waitForMapIdle(page);
    const row = page.locator('[data-testid="gantt"] g[data-stairwell]').nth(2);
    const id = Number(await row.getAttribute('data-stairwell'));
    await row.click();
    await expect(page.getByTestId('plan-selected').locator('h3').textContent()).resolves.toMatch(/长风二村 \d+号/);
    await expect(page.evaluate((i) => window.liftmap!.stateOf('stairwells', i)?.selected, id)).resolves.toBe(true);
    await page.locator('select[name="moveTo"]').selectOption('0');
    await page.getByTestId('plan-scores').locator('th', { hasText: '手动调整后' }).waitFor();
    const door = (await page.getByTestId('plan-selected').locator('h3').textContent())!.match(/长风二村 \d+号/)![0];
    await expect(page.locator('.plan-moves li').first().textContent()).resolves.toContain(`${door} → 第 1 批`);
    await expect(page.locator(`[data-testid="gantt"] g[data-phase="0"] ~ g[data-stairwell="${id}"]`).count()).resolves.toBe(1);
    // The plan in words: when it is all done, and a legend of numbered batches in colours of their own.
    await expect(page.getByTestId('plan-completes').textContent()).resolves.toMatch(/^全部完工：\d{4}年\d{1,2}月（\d{4}-\d\d-\d\d，共 \d+ 批）$/);
    const phases = await page.locator('[data-testid="gantt"] g[data-phase]').count();
    await expect(page.getByTestId('phase-legend').locator('li').count()).resolves.toBe(phases);
    const swatches = await page.getByTestId('phase-legend').locator('.swatch').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    expect(new Set(swatches).size).toBe(Math.min(phases, 20));
    await page.screenshot({ path: join(ARTIFACTS, 'plan-moved.png') });
    await page.close();
  });
});
