import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDay } from '../../geo/time/index.ts';
import { serverAndBrowser } from '../support/browser-suite.ts';
import { staffPage } from '../support/browser.ts';
import { clientApi, verifyWrittenVotes } from '../support/evidence.ts';
import { signInAs } from '../support/sign-in.ts';
import { ROOT, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let browser: Browser;
let door = '';
serverAndBrowser((s, b) => ((server = s), (browser = b)));
beforeAll(async () => {
  // A stairwell confirmed 征询通过: its owners now agree how to share the cost.
  const client = await signInAs(server.url, server.db, 'planner');
  const map = await client.estate.map.query({ estateId: 1 });
  const s = map.layers.stairwells.features.map((f) => f.properties).find((p) => p.stage === 'canvassing' && p.passed)!;
  await verifyWrittenVotes(clientApi(client), s.id, new Date());
  await client.stages.set.mutate({ stairwellId: s.id, to: 'consent_passed' });
  door = s.doorNumber;
});

describe('/admin 出资与缴款 and the households’ statements', () => {
  it('records the split the owners signed and a 公积金 payment in yuan, and prints the flat’s statement with what is outstanding', async () => {
    const today = shanghaiDay(new Date());
    const page = await staffPage(browser, server.url, server.db, 'planner', 'treasurer', { width: 1440, height: 1000 });
    await page.goto(`${server.url}/admin`);
    const panel = page.getByTestId('money-panel');
    await panel.locator('select[name="moneyStairwell"]').selectOption({ label: door });
    await panel.getByText('尚未登记出资分摊协议。').waitFor();
    await panel.locator('input[name="agreedOn"]').fill(today);
    await panel.locator('input[name="liftCostYuan"]').fill('550,000');
    // Coefficients that do not add up are refused in the committee's words.
    await panel.locator('input[name="splitCoefficients"]').fill('0 10 15 20 25 20');
    await panel.getByRole('button', { name: '登记分摊协议' }).click();
    await expect(panel.getByRole('alert').textContent()).resolves.toContain('合计 100%，填写的是 0/10/15/20/25/20，合计 90%');
    await panel.locator('input[name="splitCoefficients"]').fill('0 10 15 20 25 30');
    await panel.getByRole('button', { name: '登记分摊协议' }).click();
    const ledger = panel.getByTestId('money-ledger');
    await ledger.waitFor();
    await expect(panel.getByTestId('money-totals').textContent()).resolves.toContain('造价 ¥550,000.00，补贴预计 ¥220,000.00，业主承担 ¥330,000.00；已缴 ¥0.00');
    const room = (await ledger.locator('tbody tr').last().getAttribute('data-room'))!;
    const owed = (await ledger.locator(`tr[data-room="${room}"] td`).nth(5).textContent())!;

    // 1,000.50 from 住房公积金: the note says whose account.
    await panel.locator('select[name="moneyFlat"]').selectOption({ label: room });
    await panel.locator('select[name="moneyKind"]').selectOption('provident_fund');
    await panel.locator('input[name="moneyAmount"]').fill('1,000.50');
    await panel.locator('input[name="moneyOn"]').fill(today);
    await panel.locator('input[name="moneyNote"]').fill('业主本人公积金账户');
    await panel.getByRole('button', { name: '记账' }).click();
    await panel.getByRole('status').filter({ hasText: `已记入 ${room} 室` }).waitFor();
    await ledger.locator(`tr[data-room="${room}"] td`).nth(2).filter({ hasText: '¥1,000.50' }).waitFor();
    const outstanding = Number(owed.replace(/[¥,]/g, '')) * 100 - 100_050;
    // Once the agreement is signed, the wall says the stairwell waits on money, apart from those waiting on votes.
    const client = await signInAs(server.url, server.db, 'planner');
    const map = await client.estate.map.query({ estateId: 1 });
    const id = map.layers.stairwells.features.find((f) => f.properties.doorNumber === door)!.properties.id;
    await client.stages.set.mutate({ stairwellId: id, to: 'agreement_signed' });
    const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await wall.goto(`${server.url}/wall?kiosk=1&cycle=0`);
    await expect(wall.getByTestId('headline-money-held').textContent()).resolves.toBe('1 个资金未到位');
    // The note fits its figure at 1080: inside the card, nothing cut.
    const fits = await wall.getByTestId('headline-money-held').evaluate((el) => {
      const card = el.closest('.figure')!.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      return r.right <= card.right + 1 && r.bottom <= card.bottom + 1;
    });
    expect(fits).toBe(true);
    await wall.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'wall-money-held.png') });
    await wall.close();
    await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'admin-money.png'), fullPage: false });

    // The household's statement on A4: its share, the advance, the payment (no account holder), the balance.
    const href = (await ledger.locator(`tr[data-room="${room}"] a`).getAttribute('href'))!;
    await page.goto(server.url + href);
    const sheet = page.locator(`[data-testid="statement"][data-room="${room}"]`);
    await sheet.waitFor();
    await expect(sheet.getByTestId('statement-payments').textContent()).resolves.toContain(`${today}住房公积金提取¥1,000.50`);
    expect(await sheet.textContent()).not.toContain('业主本人');
    const balance = `尚欠 ¥${Math.floor(outstanding / 100).toLocaleString('en-US')}.${String(outstanding % 100).padStart(2, '0')}`;
    await expect(sheet.getByTestId('statement-balance').textContent()).resolves.toBe(balance);
    await sheet.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'statement-a4.png') });
    await page.close();
  });
});
