import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MapColorKey } from '../../geo/palette/index.ts';
import { addUser } from '../../server/auth/manage-users.ts';
import { serverAndBrowser } from '../support/browser-suite.ts';
import { drawSignature, waitForMapIdle } from '../support/browser.ts';
import { callerAs } from '../support/caller.ts';
import { FENGHE_DIR, ROOT, type TestServer } from '../support/test-server.ts';

/**
 * The newcomer's errand on the estate `npm start` seeds: one stairwell from
 * its last signature to a lift in service, done on the screens its users
 * have (the canvasser's phone, /admin, the wall, the public page, the
 * papers), with the server's clock moved through the 公示 windows.
 */
let clock = Date.now();
const DAY = 86_400_000;
let server: TestServer;
let browser: Browser;
serverAndBrowser((s, b) => ((server = s), (browser = b)), { server: { now: () => new Date(clock) } });

const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
let staff: Awaited<ReturnType<typeof callerAs>>;
beforeAll(async () => {
  staff = await callerAs(server.db, 'planner', { now: () => new Date(clock) });
});

/** What a reader of the Chinese screens would notice: an English sentence, or a code meant for the program (in_service, pipeline.advance). */
async function expectChineseOnly(page: Page, where: string): Promise<void> {
  const text = (await page.evaluate(() => document.body.innerText))
    // What staff type at a server's prompt is a command, not a sentence.
    .replace(/(?:[A-Z_]+=[a-z]+ )?npm (?:run [a-z:-]+|start)/g, '');
  const english = text.match(/[A-Za-z]{2,}(?:[ ,'’]+[A-Za-z]{2,}){2,}/g) ?? [];
  const codes = text.match(/\b[a-z]+(?:_[a-z]+)+\b|\b[a-z]+\.[a-z]+(?:[A-Z.][A-Za-z.]*)?\b/g)?.filter((c) => !/\.(csv|xlsx|pdf|png|geojson|kml)$/i.test(c)) ?? [];
  expect({ where, english, codes }).toEqual({ where, english: [], codes: [] });
}

/** The colour the wall draws a stairwell in: the one a live change announced, else the map data's. */
async function drawnColour(wall: Page, id: number): Promise<MapColorKey> {
  return await wall.evaluate((i) => (window.liftmap!.stateOf('stairwells', i)?.colorKey ?? window.liftmap!.propertiesOf('stairwells', i)?.colorKey) as MapColorKey, id);
}

const legendCount = async (wall: Page, key: MapColorKey) => Number(await wall.locator(`[data-testid="legend"] li[data-key="${key}"] .count`).textContent());
const confirmedFigure = async (wall: Page) => Number(await wall.getByTestId('headline-confirmed').locator('strong').textContent());

/** The wall shows the stairwell in `key`'s colour, and the legend counts one more of it than before the step. */
async function wallShows(wall: Page, id: number, key: MapColorKey, before: number): Promise<void> {
  await wall.waitForFunction(([i, k]) => (window.liftmap!.stateOf('stairwells', i)?.colorKey ?? window.liftmap!.propertiesOf('stairwells', i)?.colorKey) === k, [id, key] as const, { timeout: 15_000 });
  await wall.locator(`[data-testid="legend"] li[data-key="${key}"] .count`).filter({ hasText: new RegExp(`^${before + 1}$`) }).waitFor({ timeout: 15_000 });
  // The map's data re-read after the change: the colour holds (an older read arriving late may show the last one for a moment).
  await wall.waitForFunction(([i, k]) => (window.liftmap!.stateOf('stairwells', i)?.colorKey ?? window.liftmap!.propertiesOf('stairwells', i)?.colorKey) === k, [id, key] as const, { timeout: 15_000 });
  expect(await drawnColour(wall, id)).toBe(key);
}

/** The stairwell's public page names the step it is at, in Chinese, without a name. */
async function publicPageSays(page: Page, id: number, step: string): Promise<void> {
  await page.goto(`${server.url}/stairwell/${id}`);
  await page.getByTestId('public-step').filter({ hasText: step }).waitFor();
  await expectChineseOnly(page, `公开页 · ${step}`);
}

/** The printed 征询结果公告: 通过, every counted vote verified. */
async function resultPaperPassed(page: Page, id: number): Promise<void> {
  await page.goto(`${server.url}/papers/${id}/result`);
  const line = (await page.getByTestId('result-line').textContent())!;
  expect(line).toContain('本门洞意见征询通过');
  expect(await page.getByTestId('result-rooms').textContent()).not.toContain('未核验');
  await expectChineseOnly(page, '征询结果公告');
}

const shanghaiDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

describe('the newcomer’s errand on the bundled estate', () => {
  it('takes one stairwell from its last signature to 运行维保 on the screens, the wall, public page and papers agreeing at every step', { timeout: 300_000 }, async () => {
    // A stairwell one signature short whose other votes have their evidence (待核验 or verified, none 待补证).
    const map = await staff.estate.map({ estateId: 1 });
    const queue = await staff.evidence.queue({ estateId: 1 });
    const target = map.layers.stairwells.features
      .map((f) => f.properties)
      .find((p) => p.stage === 'canvassing' && p.flatsToPassCount === 1 && (queue.stairwells.find((s) => s.stairwellId === p.id)?.missing.length ?? 0) === 0)!;
    expect(target).toBeDefined();
    const { id, doorNumber: door } = target;
    const detail = await staff.stairwell.detail({ stairwellId: id });
    const room = detail.evaluation.complete ? detail.evaluation.todo[0]!.room : '';

    // The canvasser who answers for this door (包干), signed in on a phone.
    const rows = Papa.parse<{ canvasserId: string; doorNumbers: string }>(readFileSync(join(FENGHE_DIR, 'canvassers.csv'), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    const canvasserId = rows.find((r) => r.doorNumbers.split(';').includes(door))!.canvasserId;
    const password = await addUser(server.db, 'errand-canvasser', 'canvasser', canvasserId, 1);

    const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await wall.goto(`${server.url}/wall?kiosk=1&cycle=0`);
    await waitForMapIdle(wall);
    await wall.waitForFunction(() => document.querySelector('[data-testid="connection"]')?.textContent?.includes('实时连接'));
    await expectChineseOnly(wall, '大屏');
    const ruleMetBefore = await legendCount(wall, 'passed');

    // 1. The last signature, on the phone.
    const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const phone = await phoneContext.newPage();
    await phone.goto(`${server.url}/canvass`);
    await phone.locator('input[name="username"]').fill('errand-canvasser');
    await phone.locator('input[name="password"]').fill(password);
    await phone.getByRole('button', { name: '登录' }).click();
    await phone.getByTestId('my-stairwells').getByRole('button', { name: new RegExp(`${door} `) }).click();
    await phone.locator(`[data-testid="canvass-grid"] button[data-room="${room}"]`).click();
    const form = phone.getByTestId('visit-form');
    await form.locator('input[name="status"][value="signed"]').check();
    await expectChineseOnly(phone, '手机走访表');
    await drawSignature(phone);
    await form.getByRole('button', { name: '保存走访' }).click();
    await expect(phone.getByTestId('saved-rule-met').textContent()).resolves.toContain(`${door} 已达标！`);
    await expectChineseOnly(phone, '手机保存后');
    await phone.screenshot({ path: join(ARTIFACTS, 'errand-phone.png') });
    await phoneContext.close();

    // The wall: gold, one more 已达标待确认, the signature at the top of the feed.
    await wall.locator(`[data-testid="feed"] li[data-door="${door}"]`).first().waitFor({ timeout: 15_000 });
    await wallShows(wall, id, 'passed', ruleMetBefore);
    const pub = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await publicPageSays(pub, id, '已达标待确认');

    // 2. Staff verify every vote of the stairwell still waiting, then confirm it.
    const staffPassword = await addUser(server.db, 'errand-staff', 'planner');
    const admin = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    /** /admin, signed in again when the session has run out (weeks pass between a 公示 and a lift in service). */
    const openAdmin = async () => {
      await admin.goto(`${server.url}/admin`);
      const username = admin.locator('input[name="username"]');
      await Promise.race([username.waitFor(), admin.getByTestId('pipeline-panel').waitFor()]);
      if (await username.isVisible()) {
        await username.fill('errand-staff');
        await admin.locator('input[name="password"]').fill(staffPassword);
        await admin.getByRole('button', { name: '登录' }).click();
      }
      await admin.getByTestId('pipeline-panel').waitFor();
    };
    await openAdmin();
    const waiting = admin.locator(`li.evidence-item[data-door="${door}"]`);
    await admin.getByTestId('evidence-review').waitFor();
    await waiting.first().waitFor();
    for (let left = await waiting.count(); left > 0; left--) {
      const item = waiting.first();
      for (const check of ['voterMatches', 'legible', 'dated']) await item.locator(`input[name="${check}"]`).check();
      await item.getByRole('button', { name: '核验通过' }).click();
      await expect.poll(() => waiting.count(), { timeout: 10_000 }).toBe(left - 1);
    }

    /** Opens the stairwell's card on /admin (reloaded, so its dates are the server's today) and records the next step. */
    const advance = async (to: string, fields: Record<string, string> = {}) => {
      await openAdmin();
      await admin.locator(`tr[data-door="${door}"] button.link`).click();
      const card = admin.getByTestId('stage-form');
      await card.locator('h3').first().waitFor();
      for (const [name, value] of Object.entries(fields)) await card.locator(`input[name="${name}"]`).fill(value);
      await card.getByRole('button', { name: `推进到“${to}”` }).click();
      await card.getByRole('status').filter({ hasText: `已保存：${door} 现为${to}` }).waitFor();
      await expectChineseOnly(admin, `/admin · ${to}`);
      return card;
    };

    /** Records a step the law adds between stages under the card's 法定手续, dated today. */
    const recordLegal = async (kind: string, label: string, reference?: string) => {
      await openAdmin();
      await admin.locator(`tr[data-door="${door}"] button.link`).click();
      const legal = admin.getByTestId('stage-form').getByTestId('legal-steps');
      await legal.locator('select[name="legalKind"]').selectOption(kind);
      if (reference) await legal.locator('input[name="legalReference"]').fill(reference);
      await legal.getByRole('button', { name: `登记“${label}”` }).click();
      await legal.getByRole('status').filter({ hasText: `已登记：${label}` }).waitFor();
      await expectChineseOnly(admin, `/admin · ${label}`);
    };

    // 公示 waits for letters still in the post (staff check it); 施工 needs the installer's notice; 投入使用 needs 监督检验.
    const steps: { to: string; key: MapColorKey; fields?: Record<string, string>; days: number; legal?: [string, string, string?] }[] = [
      { to: '征询通过', key: 'consent_passed', days: 0 },
      { to: '签订加梯协议', key: 'agreement_signed', days: 3 },
      { to: '公示', key: 'public_notice', days: 2 },
      { to: '联合审查', key: 'design_approved', days: 0, legal: ['post_checked', '异议信件已查收'] },
      { to: '施工许可', key: 'permitted', fields: { permitNumber: '普陀建备 2027-0031' }, days: 12 },
      { to: '施工', key: 'under_construction', days: 7, legal: ['construction_notice', '施工告知', '沪特告 2027-0031'] },
      { to: '竣工验收', key: 'accepted', days: 70 },
      { to: '运行维保', key: 'in_service', days: 10, legal: ['supervision_inspection', '监督检验', '沪特检 DT2027-0012'] },
    ];
    for (const step of steps) {
      clock += step.days * DAY;
      if (step.key === 'design_approved') {
        // 公示: both windows are on the notice, and the next step is refused while they are open.
        const windows = (await staff.stages.pipeline({ estateId: 1 })).stairwells.find((s) => s.id === id)!.windows!;
        await admin.goto(`${server.url}/papers/${id}/notice`);
        await expect(admin.getByTestId('notice-period').textContent()).resolves.toContain(windows.postedUntil);
        await expectChineseOnly(admin, '公示告示');
        await openAdmin();
        await admin.locator(`tr[data-door="${door}"] button.link`).click();
        await admin.getByTestId('stage-form').getByRole('button', { name: '推进到“联合审查”' }).click();
        await expect(admin.getByTestId('stage-form').getByRole('alert').textContent()).resolves.toContain(`${windows.closedOn} 起才能进`);
        // The clock moves to the morning the windows have closed.
        clock = Date.parse(`${windows.closedOn}T09:00:00+08:00`);
      }
      if (step.legal) await recordLegal(...step.legal);
      const before = await legendCount(wall, step.key);
      const confirmedBefore = await confirmedFigure(wall);
      const card = await advance(step.to, step.fields);
      // The card beside the table says the new step and its date, as the row does.
      await expect.poll(() => card.locator('h3').first().textContent()).toBe(`${door} · ${step.to} · ${shanghaiDay(clock)}`);
      await wallShows(wall, id, step.key, before);
      if (step.key === 'consent_passed') expect(await confirmedFigure(wall)).toBe(confirmedBefore + 1);
      else expect(await confirmedFigure(wall)).toBe(confirmedBefore);
      await expectChineseOnly(wall, `大屏 · ${step.to}`);
      await publicPageSays(pub, id, step.to);
      await resultPaperPassed(admin, id);
    }
    // In service: the lift's 使用管理单位 and maintenance agreement, and what residents see of it.
    await openAdmin();
    await admin.locator(`tr[data-door="${door}"] button.link`).click();
    const service = admin.getByTestId('lift-service');
    await service.getByText('尚未登记使用管理单位和维保合同').waitFor();
    const inUse = shanghaiDay(clock);
    const fields: Record<string, string> = {
      userUnit: '曹杨物业',
      maintainer: '上海某电梯维保有限公司',
      maintainerLicence: 'TS3431001-2027',
      maintainerPhone: '021-6201 0000',
      price: '3,600',
      termFrom: inUse,
      termTo: `${Number(inUse.slice(0, 4)) + 5}${inUse.slice(4)}`,
      guarantor: '曹杨物业托底',
      inspectionValidUntil: `${Number(inUse.slice(0, 4)) + 1}${inUse.slice(4)}`,
    };
    for (const [name, value] of Object.entries(fields)) await service.locator(`input[name="service-${name}"]`).fill(value);
    await service.getByRole('button', { name: '保存维保合同' }).click();
    await service.getByRole('status').filter({ hasText: '已登记：上海某电梯维保有限公司' }).waitFor();
    await expectChineseOnly(admin, '/admin · 维保合同');
    await pub.goto(`${server.url}/stairwell/${id}`);
    await expect(pub.getByTestId('public-service').textContent()).resolves.toContain('电梯困人、故障请拨 96333');
    await expect(pub.getByTestId('public-service').textContent()).resolves.toContain('维保单位：上海某电梯维保有限公司（24 小时 021-6201 0000）');
    expect(await pub.getByTestId('public-fees').locator('tr').count()).toBe(6);
    await expectChineseOnly(pub, '公开页 · 维保');

    // The wall, after its banners, frames the whole estate again.
    await wall.waitForFunction(() => window.liftmap!.idle() && window.liftmap!.renderedStairwellIds().length === 80, undefined, { timeout: 20_000 });
    await wall.screenshot({ path: join(ARTIFACTS, 'errand-wall-in-service.png') });
    await pub.screenshot({ path: join(ARTIFACTS, 'errand-public-in-service.png'), fullPage: true });
    await wall.close();
    await pub.close();
    await admin.close();
  });
});
