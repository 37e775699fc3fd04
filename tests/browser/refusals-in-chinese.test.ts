import type { Browser, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStairwellStates } from '../../server/queries/stairwell-states.ts';
import type { TestServer } from '../support/test-server.ts';
import { serverAndBrowser } from '../support/browser-suite.ts';
import { staffPage } from '../support/browser.ts';

let server: TestServer;
let browser: Browser;
let admin: Page;
serverAndBrowser((s, b) => ((server = s), (browser = b)));
beforeAll(async () => {
  admin = await staffPage(browser, server.url, server.db, 'admin', 'chief');
});

/** Three or more Latin words in a row: an English sentence, not a room number or a unit. */
const ENGLISH = /[A-Za-z]{2,}(?:[\s,.:;'’-]+[A-Za-z]{2,}){2,}/;
/** An internal code: consent_passed, not_next_stage, bad_input … */
const CODE = /\b[a-z]+(?:_[a-z]+)+\b/;

/** The refusal an alert shows, checked as a committee member reading Chinese would: Chinese, no English sentence, no code. */
async function readsChinese(alert: Locator): Promise<string> {
  await alert.waitFor();
  const text = (await alert.textContent())!.trim();
  expect(text, text).toMatch(/[\u4e00-\u9fff]/);
  expect(text, text).not.toMatch(ENGLISH);
  expect(text, text).not.toMatch(CODE);
  return text;
}

describe('refusals in Chinese mode', () => {
  it('say why in Chinese only, wherever a screen refuses: sign-in, a stage, a batch, an account', async () => {
    const seen: string[] = [];

    // A canvasser's phone: a wrong password.
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${server.url}/canvass`);
    await phone.locator('input[name="username"]').fill('chief');
    await phone.locator('input[name="password"]').fill('not-the-password');
    await phone.getByRole('button', { name: '登录' }).click();
    seen.push(await readsChinese(phone.getByRole('alert')));
    await phone.close();

    await admin.goto(`${server.url}/admin`);
    const panel = admin.getByTestId('pipeline-panel');
    const states = await loadStairwellStates(server.db, 1);
    const notReady = states.filter((s) => s.row.stage === 'canvassing' && !(s.consent.complete && s.consent.result.passed));

    // One stairwell pushed to 征询通过 before its residents have signed enough.
    await panel.getByRole('button', { name: notReady[0]!.row.doorNumber, exact: true }).click();
    const form = panel.locator(`[data-testid="stage-form"][data-door="${notReady[0]!.row.doorNumber}"]`);
    await form.getByRole('button', { name: '推进到“征询通过”' }).click();
    seen.push(await readsChinese(form.locator('[role="alert"]')));

    // A batch of two that may not skip to 签订加梯协议.
    for (const s of notReady.slice(1, 3)) await panel.getByRole('checkbox', { name: `选择 ${s.row.doorNumber}` }).check();
    const batch = panel.getByTestId('batch-form');
    await batch.locator('select[name="batchTo"]').selectOption('agreement_signed');
    await batch.getByRole('button', { name: '把 2 个门洞推进到“签订加梯协议”' }).click();
    seen.push(await readsChinese(batch.locator('[role="alert"]')));

    // An account for a canvasser without the 包干人 it stands for.
    const users = admin.getByTestId('users-panel');
    await users.locator('input[name="newUsername"]').fill('zhao');
    await users.locator('select[name="newRole"]').selectOption('canvasser');
    await users.getByRole('button', { name: '添加', exact: true }).click();
    seen.push(await readsChinese(users.getByRole('alert')));

    expect(seen).toHaveLength(4);
    expect(seen[1]).toContain('：不能进入征询通过：');

    // The same refusal on the English toggle is English.
    await admin.getByRole('button', { name: 'English' }).first().click();
    await form.getByRole('button', { name: /Advance to/ }).click();
    await expect.poll(() => form.locator('[role="alert"]').textContent()).toMatch(/cannot move to/);
  });
});
