import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoPersonalData } from '../support/personal-data.ts';
import { ROOT, type TestServer } from '../support/test-server.ts';
import { serverAndBrowser } from '../support/browser-suite.ts';

let server: TestServer;
let browser: Browser;
serverAndBrowser((s, b) => ((server = s), (browser = b)));

describe('the public page of a stairwell (the QR code on its papers)', () => {
  it('shows a resident on a phone the stage, dates, totals, cost per floor and answers, and nothing personal', async () => {
    const [row] = await server.sql<{ id: number; door: string; stage: string }>("SELECT id, door_number AS door, stage FROM stairwells WHERE estate_id = 1 AND stage = 'consent_passed' ORDER BY id LIMIT 1");
    const [flats] = await server.sql<{ n: number | string }>('SELECT count(*) AS n FROM flats WHERE stairwell_id = ?', row!.id);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const wire: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/trpc/')) void r.text().then((t) => wire.push(t), () => undefined);
    });
    await page.goto(`${server.url}/stairwell/${row!.id}`);
    await page.getByTestId('public-stairwell').waitFor();
    const text = (await page.getByTestId('public-stairwell').textContent())!;
    expect(text).toContain(`风荷苑 ${row!.door} 加装电梯进展`);
    expect(await page.getByTestId('public-step').textContent()).toBe('当前阶段：征询通过');
    // Totals by head and by area, the rule, and the confirmed word; no room-by-room votes.
    const votes = (await page.getByTestId('public-votes').textContent())!;
    expect(votes).toMatch(/按人数（业主）\d+/);
    expect(votes).toContain('征询通过');
    expect(votes).not.toMatch(/\d{3}室/);
    // The cost per floor: six floors, the ground floor at 0 %.
    expect(await page.locator('[data-testid="public-cost"] tbody tr').count()).toBe(6);
    expect(await page.locator('[data-testid="public-cost"] tbody tr').first().textContent()).toMatch(/^1 层0%¥0/);
    expect(text).toContain('居委会答疑');
    expect(Number(flats!.n)).toBeGreaterThan(0);
    await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'public-stairwell-phone.png'), fullPage: true });
    await context.close();
    expect(wire.length).toBeGreaterThan(0);
    expectNoPersonalData(wire.join('\n'));
  });

  it('says so for a stairwell that does not exist', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/stairwell/999999`);
    await page.getByText('没有编号为 999999 的门洞').first().waitFor();
    await page.close();
  });
});
