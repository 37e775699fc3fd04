import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serverAndBrowser } from '../support/browser-suite.ts';
import { staffPage } from '../support/browser.ts';
import { ROOT, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let browser: Browser;
serverAndBrowser((s, b) => ((server = s), (browser = b)));

describe('/admin on a 1440 screen', () => {
  it('keeps every door number and date of the stage table on one line, with checkboxes a finger can hit (24 px)', async () => {
    const page = await staffPage(browser, server.url, server.db, 'planner', 'desk', { width: 1440, height: 1000 });
    await page.goto(`${server.url}/admin`);
    const table = page.getByTestId('pipeline-panel').locator('.pipeline-table');
    await table.locator('tbody tr').first().waitFor();
    const report = await table.evaluate((el) => {
      const rows = [...el.querySelectorAll<HTMLTableRowElement>('tbody tr')];
      const lineOf = (cell: Element) => parseFloat(getComputedStyle(cell).lineHeight) || 24;
      const wrapped = rows.flatMap((r) =>
        [r.querySelector('th button'), r.children[3]].filter((c): c is Element => !!c && !!c.textContent?.trim()).filter((c) => c.getBoundingClientRect().height > 1.6 * lineOf(c)).map((c) => c.textContent.trim()),
      );
      const boxes = rows.map((r) => r.querySelector('input[type="checkbox"]')!.getBoundingClientRect()).map((b) => Math.min(b.width, b.height));
      return { rows: rows.length, wrapped, smallestBox: Math.min(...boxes) };
    });
    expect(report.rows).toBe(80);
    expect(report.wrapped).toEqual([]);
    expect(report.smallestBox).toBeGreaterThanOrEqual(24);
    await page.getByTestId('pipeline-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'admin-1440.png') });
    await page.close();
  });
});
