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
      // The text's own height, not the cell's (a cell is as tall as its row, which a second line elsewhere makes taller).
      const textHeight = (cell: Element) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return range.getBoundingClientRect().height;
      };
      const wrapped = rows.flatMap((r) =>
        [r.querySelector('th button'), r.children[3]].filter((c): c is Element => !!c && !!c.textContent?.trim()).filter((c) => textHeight(c) > 1.6 * lineOf(c)).map((c) => c.textContent.trim()),
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

  it('says in the row, and on the card beside it, what a 已达标 stairwell is waiting for, in the same words', async () => {
    const page = await staffPage(browser, server.url, server.db, 'planner', 'desk2', { width: 1440, height: 1000 });
    await page.goto(`${server.url}/admin`);
    const row = page.getByTestId('pipeline-panel').locator('tbody tr').filter({ has: page.getByTestId('unverified-note') }).first();
    await row.waitFor();
    const door = (await row.getAttribute('data-door'))!;
    const step = (await row.locator('td').nth(1).textContent())!;
    expect(step).toMatch(/^已达标待确认\d+ 票未核验，核验后才能确认$/);
    await row.locator('button.link').click();
    const card = page.getByTestId('stage-form');
    await expect(card.locator('h3').first().textContent()).resolves.toBe(`${door} · 已达标待确认`);
    await expect(card.getByTestId('unverified-note').textContent()).resolves.toMatch(/^\d+ 票未核验，核验后才能确认$/);
    await page.close();
  });

  it('keeps the vote archive’s headers and votes on one line each', async () => {
    const page = await staffPage(browser, server.url, server.db, 'planner', 'desk3', { width: 1440, height: 1000 });
    await page.goto(`${server.url}/admin`);
    const archive = page.getByTestId('stairwell-evidence');
    await archive.locator('summary').click();
    const select = page.locator('select[name="recordStairwell"]');
    const door = (await select.locator('option').nth(1).textContent())!;
    await select.selectOption({ label: door });
    await archive.locator('tbody tr').first().waitFor();
    const wrapped = await archive.locator('table').evaluate((table) =>
      [...table.querySelectorAll('thead th, tbody th, tbody td:nth-child(2), tbody td:nth-child(3)')]
        .filter((c) => c.textContent?.trim() && c.getBoundingClientRect().height > 1.6 * (parseFloat(getComputedStyle(c).lineHeight) || 24) + 12)
        .map((c) => c.textContent.trim()),
    );
    expect(wrapped).toEqual([]);
    await page.close();
  });
});
