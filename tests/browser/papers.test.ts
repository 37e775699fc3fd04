import type { Browser, Page } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/auth/manage-users.ts';
import { addDays, shanghaiDay } from '../../geo/time/index.ts';
import { loadStairwellStates, type StairwellState } from '../../server/queries/stairwell-states.ts';
import { pdfPageTexts, printedSpelling } from '../support/pdf-text.ts';
import { expectNoPersonalData } from '../support/personal-data.ts';
import { clientApi, verifyWrittenVotes } from '../support/evidence.ts';
import { signIn, sessionCookieFor } from '../support/sign-in.ts';
import { ROOT, type TestServer } from '../support/test-server.ts';
import { serverAndBrowser } from '../support/browser-suite.ts';

let server: TestServer;
let browser: Browser;
let staff: Page;
/** A stairwell whose signed votes meet the rule, confirmed and posted for 公示 15 days ago. */
let posted: StairwellState;
let noticeStart: string;
serverAndBrowser((s, b) => ((server = s), (browser = b)));
beforeAll(async () => {
  posted = (await loadStairwellStates(server.db, 1)).find((s) => s.row.stage === 'canvassing' && s.consent.complete && s.consent.result.passed)!;
  const password = await addUser(server.db, 'clerk', 'planner');
  const client = await signIn(server.url, 'clerk', password);
  // The server checks dates against its own today.
  const today = shanghaiDay(new Date());
  noticeStart = addDays(today, -15);
  // Every counted vote signed on the phone and verified, as confirming needs.
  await verifyWrittenVotes(clientApi(client), posted.row.id, new Date());
  await client.stages.set.mutate({ stairwellId: posted.row.id, to: 'consent_passed', on: addDays(today, -20) });
  await client.stages.set.mutate({ stairwellId: posted.row.id, to: 'agreement_signed', on: addDays(today, -18) });
  await client.stages.set.mutate({ stairwellId: posted.row.id, to: 'public_notice', on: noticeStart, noticeDays: 10, objectionDays: 7 });
  const [name, value] = (await sessionCookieFor(server.url, 'clerk', password)).split('=');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ name: name!, value: value!, url: server.url }]);
  staff = await context.newPage();
});

/** Opens a paper, prints it to an A4 PDF the way Chromium's "save as PDF" does, and reads the PDF's text back. */
async function printed(path: string): Promise<string[]> {
  await staff.goto(`${server.url}${path}`);
  await staff.locator('.paper-sheet').first().waitFor();
  const pdf = await staff.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  writeFileSync(join(ROOT, 'tests', 'artifacts', `paper-${path.split('/').at(-1)!.replace(/\W/g, '-')}.pdf`), pdf);
  // Every character on the page, so each can be read back as printed.
  const fold = await printedSpelling(staff, await staff.evaluate(() => document.body.innerText));
  return (await pdfPageTexts(pdf)).map((text) => fold(text.replace(/\s+/g, '')));
}
/** A door number as printed text compares: without spaces. */
const door = () => posted.row.doorNumber.replace(/\s+/g, '');
const sorted = (flats: StairwellState['flats']) => [...flats].sort((a, b) => a.floor - b.floor || a.room.localeCompare(b.room, 'zh'));

describe('the papers posted in a stairwell print to PDF', () => {
  it('征询意见表: one A4 page per flat with its room, area, the question, signature lines and both QR codes; no names', async () => {
    const pages = await printed(`/papers/${posted.row.id}/form`);
    const flats = sorted(posted.flats);
    expect(pages).toHaveLength(flats.length);
    flats.forEach((f, i) => {
      const text = pages[i]!;
      expect(text).toContain('风荷苑' + door());
      expect(text).toContain('既有多层住宅加装电梯征询意见表');
      expect(text).toContain(`室号${f.room}楼层${f.floor}F专有面积${(f.areaCentiM2! / 100).toFixed(2)}m²`);
      expect(text).toContain(`您是否同意在本门洞（${door()}）加装电梯？`);
      expect(text).toMatch(/□同意□不同意□弃权/);
      expect(text).toContain('业主（签名）：');
      expect(text).toContain('走访员扫码登记本户');
      expect(text).toContain(`/canvass?stairwell=${posted.row.id}&flat=${f.id}`);
      expect(text).toContain(`/stairwell/${posted.row.id}`);
    });
    expectNoPersonalData(pages.join('\n'));
    // The QR codes are drawn, one for the canvasser and one for the public page.
    expect(await staff.locator('.paper-sheet').first().locator('.qr svg path').count()).toBe(2);
    await staff.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'paper-form.png'), fullPage: false });
  });

  it('the QR code of a form opens that flat’s visit form in /canvass on a phone', async () => {
    const flat = sorted(posted.flats)[5]!;
    await staff.goto(`${server.url}/papers/${posted.row.id}/form`);
    const url = await staff.locator(`[data-flat="${flat.id}"]`).locator('xpath=ancestor::article').locator('.qr').first().getAttribute('data-url');
    expect(url).toBe(`${server.url}/canvass?stairwell=${posted.row.id}&flat=${flat.id}`);
    const phone = await staff.context().newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(url!);
    const form = phone.getByTestId('visit-form');
    await form.waitFor();
    expect(await form.locator('h3').textContent()).toContain(flat.room);
    await phone.close();
  });

  it('征询结果公告: counts by head and area against 2/3 and 3/4, the result and date confirmed, every room’s vote and area; no names', async () => {
    const pages = await printed(`/papers/${posted.row.id}/result`);
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    const r = posted.consent.complete ? posted.consent.result : null;
    expect(text).toContain('加装电梯意见征询结果公告');
    expect(text).toContain(`参与表决人数${r!.voters.participating}/${r!.voters.total}`);
    expect(text).toContain(`同意人数（占参与）${r!.voters.agreeing}/${r!.voters.participating}`);
    expect(text).toMatch(/≥2\/3达到.*≥3\/4达到/);
    expect(text).toContain('结论：本门洞意见征询通过。');
    expect(text).toContain(`工作人员于${addDays(noticeStart, -5)}确认通过。`);
    const words = { signed: '同意', opposed: '不同意', abstain: '弃权' } as Record<string, string>;
    // Every counted vote's written evidence was verified before confirming: ✓ by room.
    for (const f of sorted(posted.flats)) expect(text).toContain(`${f.room}${(f.areaCentiM2! / 100).toFixed(2)}m²${words[f.status] ?? '未表决'}${words[f.status] ? '✓' : '—'}`);
    expectNoPersonalData(text);
    await staff.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'paper-result.png'), fullPage: true });
  });

  it('公示 notice: the recorded start, 10 days posted, 7 days for written objections, how to object, cost per floor', async () => {
    const pages = await printed(`/papers/${posted.row.id}/notice`);
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    expect(text).toContain('加装电梯方案公示');
    expect(text).toContain(`公示期：${noticeStart}至${addDays(noticeStart, 9)}（10天）`);
    expect(text).toContain(`书面异议期：${addDays(noticeStart, 10)}至${addDays(noticeStart, 16)}（7天，邮寄以寄出邮戳为准）`);
    expect(text).toContain(`最早${addDays(noticeStart, 17)}`);
    expect(text).toMatch(/6层\d+%¥[\d,]+/);
    expect(text).not.toContain('草稿');
    expectNoPersonalData(text);
  });

  it('a stairwell not yet in 公示 prints its notice as a draft from the chosen date', async () => {
    const other = (await loadStairwellStates(server.db, 1)).find((s) => s.row.stage === 'canvassing')!;
    const pages = await printed(`/papers/${other.row.id}/notice?start=2027-03-01`);
    expect(pages[0]).toContain('草稿：本门洞尚未登记公示开始日期，以下日期按2027-03-01开始计算。');
    expect(pages[0]).toContain('公示期：2027-03-01至2027-03-10（10天）');
  });

  it('only staff open them: a canvasser is told so and receives no room-by-room votes', async () => {
    const password = await addUser(server.db, 'walker', 'canvasser', 'C01');
    const [name, value] = (await sessionCookieFor(server.url, 'walker', password)).split('=');
    const context = await browser.newContext();
    await context.addCookies([{ name: name!, value: value!, url: server.url }]);
    const page = await context.newPage();
    const wire: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('stages.papers')) wire.push(r.url());
    });
    await page.goto(`${server.url}/papers/${posted.row.id}/result`);
    await page.getByRole('alert').waitFor();
    expect(wire).toHaveLength(0);
    expect(await page.locator('.paper-sheet').count()).toBe(0);
    await context.close();
  });
});
