import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadStairwellStates } from '../../server/queries/stairwell-states.ts';
import { serverAndBrowser } from '../support/browser-suite.ts';
import { staffPage } from '../support/browser.ts';
import { ROOT, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let browser: Browser;
serverAndBrowser((s, b) => ((server = s), (browser = b)));

describe('纸质原件核验 on /admin', () => {
  it('checks a stairwell’s paper votes against the originals room by room, and its 公告 then marks each ✓ 原件', async () => {
    // A stairwell that meets the rule, whose votes are on paper: staff sent the phone evidence back.
    const target = (await loadStairwellStates(server.db, 1)).find((s) => s.row.stage === 'canvassing' && s.consent.complete && s.consent.result.passed)!;
    await server.sql("UPDATE vote_evidence SET review = 'rejected', review_note = '改用纸质原件', reviewed_by = recorded_by WHERE stairwell_id = ?", target.row.id);
    const written = target.flats.filter((f) => ['signed', 'opposed', 'abstain'].includes(f.status));

    const admin = await staffPage(browser, server.url, server.db, 'planner', 'archivist', { width: 1440, height: 1000 });
    await admin.goto(`${server.url}/admin`);
    const panel = admin.getByTestId('paper-originals');
    await panel.locator('summary').click();
    await panel.locator('select[name="originalsStairwell"]').selectOption({ label: target.row.doorNumber });
    await panel.locator('tbody tr').first().waitFor();
    expect(await panel.locator('tbody tr').count()).toBe(written.length);
    const save = panel.getByRole('button', { name: /^保存 \d+ 户并核验$/ });
    expect(await save.isDisabled()).toBe(true);
    await panel.locator('input[name="originalsBox"]').fill('档案盒 2');
    await panel.getByRole('button', { name: '按室号顺序编页' }).click();
    await expect(panel.locator('tbody tr').first().locator('input').inputValue()).resolves.toBe('档案盒 2 · 第 1 页');
    await panel.getByLabel('我已逐户将原件与名册核对（表决人、意见、日期一致）').check();
    await expect(save.textContent()).resolves.toBe(`保存 ${written.length} 户并核验`);
    await admin.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'admin-paper-originals.png') });
    await save.click();
    await panel.getByRole('status').filter({ hasText: /已记录 \d+ 份纸质原件，均已核验。/ }).waitFor();
    await panel.getByText(`${target.row.doorNumber} 没有待补证的书面表决。`).waitFor();
    expect(Number((await server.sql<{ n: number | string }>("SELECT count(*) AS n FROM vote_evidence WHERE stairwell_id = ? AND method = 'paper_original' AND review = 'verified'", target.row.id))[0]!.n)).toBe(
      new Set(written.map((f) => f.voterId)).size,
    );

    // The 公告 before confirmation: every counted vote verified from its original, 通过 awaiting staff's confirmation.
    await admin.goto(`${server.url}/papers/${target.row.id}/result`);
    const rooms = admin.getByTestId('result-rooms');
    await rooms.waitFor();
    const marks = await rooms.locator('tr[data-vote]:not([data-vote="none"]) td:last-child').allTextContents();
    expect(marks.length).toBe(written.length);
    expect(new Set(marks)).toEqual(new Set(['✓ 原件']));
    await expect(admin.getByTestId('result-line').textContent()).resolves.toContain('结论：本门洞意见征询通过。');
    await admin.close();
  });
});
