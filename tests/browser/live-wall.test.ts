import type { Browser, Page } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/auth/manage-users.ts';
import { STAGE_ZH, type Stage } from '../../geo/stages/index.ts';
import { addDays, shanghaiDay } from '../../geo/time/index.ts';
import { loadStairwellStates } from '../../server/queries/stairwell-states.ts';
import { plannerPage, waitForMapIdle } from '../support/browser.ts';
import { clientApi, verifyWrittenVotes } from '../support/evidence.ts';
import { sessionCookieFor, signInAs } from '../support/sign-in.ts';
import { ROOT, type TestServer } from '../support/test-server.ts';
import { cliEnv } from '../support/run-cli.ts';
import { serverAndBrowser } from '../support/browser-suite.ts';

let server: TestServer;
let browser: Browser;
serverAndBrowser((s, b) => ((server = s), (browser = b)));

async function openWall(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${server.url}/wall`);
  await waitForMapIdle(page);
  return page;
}
/** The palette key the wall colours a stairwell by (its stage, or its consent progress while canvassing). */
const colourOn = (page: Page, id: number) => page.evaluate((i) => window.liftmap!.propertiesOf('stairwells', i)?.colorKey as string | undefined, id);
/**
 * Waits until the wall shows `id` in another colour than `before`, without a
 * reload. The bound is generous for a busy CI machine: how fast is measured
 * by the benchmark, not here.
 */
const recoloured = (page: Page, id: number, before: string) =>
  page.waitForFunction(([i, c]) => window.liftmap!.propertiesOf('stairwells', i)?.colorKey !== c, [id, before] as const, { timeout: 15_000, polling: 50 });

describe('every change reaches an open wall', () => {
  describe('through /admin, one step at a time and in a batch', () => {
    let wall: Page;
    let admin: Page;
    let ready: Awaited<ReturnType<typeof loadStairwellStates>>;
    // One wall and one planner's /admin for both steps of the errand; six stairwells that meet the rule, their written votes verified.
    beforeAll(async () => {
      wall = await openWall();
      const states = await loadStairwellStates(server.db, 1);
      ready = states.filter((s) => s.row.stage === 'canvassing' && s.consent.complete && s.consent.result.passed);
      // Confirming needs every counted vote's written evidence verified: the six stairwells confirmed below have theirs.
      const signer = clientApi(await signInAs(server.url, server.db, 'planner'));
      for (const s of ready.slice(0, 6)) await verifyWrittenVotes(signer, s.row.id, new Date());
      admin = await plannerPage(browser, server.url, server.db);
      await admin.goto(`${server.url}/admin`);
    });

    it('takes one stairwell from 意见征询 to 运行维保, the wall recolouring at each step', async () => {
      const one = ready[0]!;
      const door = one.row.doorNumber;
      const panel = admin.getByTestId('pipeline-panel');
      await panel.getByRole('button', { name: door, exact: true }).click();
      const form = panel.locator(`[data-testid="stage-form"][data-door="${door}"]`);
      // Dates in the past, so 公示's 10 + 7 days have run by the time 联合审查 is recorded; the server checks them against its own today.
      const today = shanghaiDay(new Date());
      // 施工告知 before 施工 and 监督检验 before 投入使用 are recorded under 法定手续 first.
      const steps: { to: Stage; on: number; fill?: Record<string, string>; legal?: { kind: string; on: number; reference: string } }[] = [
        { to: 'consent_passed', on: -40 },
        { to: 'agreement_signed', on: -35 },
        { to: 'public_notice', on: -30, fill: { noticeDays: '10', objectionDays: '7', postGraceDays: '0' } },
        { to: 'design_approved', on: -12 },
        { to: 'permitted', on: -10, fill: { permitNumber: '沪建备2026-0117' } },
        { to: 'under_construction', on: -9, legal: { kind: 'construction_notice', on: -9, reference: '沪特告2026-0117' } },
        { to: 'accepted', on: -5 },
        { to: 'in_service', on: -2, fill: { registrationNumber: '梯11沪FX0457(26)' }, legal: { kind: 'supervision_inspection', on: -3, reference: '沪特检DT2026-0457' } },
      ];
      for (const step of steps) {
        if (step.legal) {
          const legal = form.getByTestId('legal-steps');
          await legal.locator('select[name="legalKind"]').selectOption(step.legal.kind);
          await legal.locator('input[name="legalOn"]').fill(addDays(today, step.legal.on));
          await legal.locator('input[name="legalReference"]').fill(step.legal.reference);
          await legal.getByRole('button', { name: /^登记“/ }).click();
          await legal.locator(`li[data-kind="${step.legal.kind}"]`).waitFor();
        }
        const before = (await colourOn(wall, one.row.id))!;
        await form.locator('input[name="stageOn"]').fill(addDays(today, step.on));
        for (const [name, value] of Object.entries(step.fill ?? {})) await form.locator(`input[name="${name}"]`).fill(value);
        await form.getByRole('button', { name: `推进到“${STAGE_ZH[step.to]}”` }).click();
        await panel.locator(`[data-testid="stage-form"][data-stage="${step.to}"]`).waitFor();
        await recoloured(wall, one.row.id, before);
        expect(await colourOn(wall, one.row.id), step.to).toBe(step.to);
      }
      expect(await form.locator('[role="status"]').first().textContent()).toContain(`已保存：${door} 现为运行维保`);
      await admin.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'admin-pipeline.png'), fullPage: false });
    });

    it('takes a batch of five that meet the rule through 征询通过 and 签订加梯协议 into 公示, each recoloured on the wall', async () => {
      const panel = admin.getByTestId('pipeline-panel');
      const five = ready.slice(1, 6);
      expect(five).toHaveLength(5);
      for (const s of five) await panel.getByRole('checkbox', { name: `选择 ${s.row.doorNumber}` }).check();
      const batch = panel.getByTestId('batch-form');
      for (const to of ['consent_passed', 'agreement_signed', 'public_notice'] as const) {
        const button = batch.getByRole('button', { name: `把 5 个门洞推进到“${STAGE_ZH[to]}”` });
        // A screen busy with live updates may take a tick to show a tick: tick again until all five are picked.
        for (let attempt = 0; attempt < 5 && !(await button.isVisible()); attempt++) {
          for (const s of five) if (!(await panel.getByRole('checkbox', { name: `选择 ${s.row.doorNumber}` }).isChecked())) await panel.getByRole('checkbox', { name: `选择 ${s.row.doorNumber}` }).check();
          await batch.locator('select[name="batchTo"]').selectOption(to);
          await button.waitFor({ timeout: 5_000 }).catch(() => undefined);
        }
        await button.click();
        await batch.locator('[role="status"]', { hasText: `已把 5 个门洞推进到“${STAGE_ZH[to]}”` }).waitFor();
      }
      for (const s of five) {
        await panel.locator(`tr[data-door="${s.row.doorNumber}"][data-stage="public_notice"]`).waitFor();
        await wall.waitForFunction((i) => window.liftmap!.propertiesOf('stairwells', i)?.colorKey === 'public_notice', s.row.id, { timeout: 15_000 });
      }
      // 公示 shows on /admin as a deadline with its closing date.
      await panel.locator(`[data-testid="admin-deadlines"] li[data-kind="notice_closing"][data-door="${five[0]!.row.doorNumber}"]`).waitFor();
      expect(wall.url()).toBe(`${server.url}/wall`);
    });
  });

  it('recolours without a reload when `npm run import` finishes in another process, and the refusal of a bad stage is explained', async () => {
    const wall = await openWall();
    const target = (await loadStairwellStates(server.db, 1)).find((s) => s.row.stage === 'canvassing' && !(s.consent.complete && s.consent.result.passed) && s.flats.length > 0)!;
    const before = (await colourOn(wall, target.row.id))!;
    // The committee's morning export, with every flat of one stairwell that has no written vote now signed, imported from the shell
    // (a written vote against or abstaining is kept: its evidence would have to be sent back first).
    const cookie = await sessionCookieFor(server.url, 'clerk', await addUser(server.db, 'clerk', 'admin'));
    const dir = mkdtempSync(join(tmpdir(), 'liftmap-live-'));
    const estate = await (await fetch(`${server.url}/api/estates/1/estate.geojson`)).text();
    const csv = await (await fetch(`${server.url}/api/estates/1/register.csv`, { headers: { cookie } })).text();
    const lines = csv.split('\r\n');
    const header = lines[0]!.replace(/^\uFEFF/, '').split(',');
    const [door, status] = [header.indexOf('门牌号'), header.indexOf('状态')];
    const edited = lines.map((l, i) => {
      const cells = l.split(',');
      if (i === 0 || cells[door] !== target.row.doorNumber || /^(opposed|abstain|反对|不同意|弃权)$/.test(cells[status] ?? '')) return l;
      cells[status] = 'signed';
      return cells.join(',');
    });
    writeFileSync(join(dir, 'estate.geojson'), estate);
    writeFileSync(join(dir, 'register.csv'), edited.join('\r\n'));
    const cli = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'cli', 'import.ts'), 'estate', join(dir, 'estate.geojson'), '--register', join(dir, 'register.csv')], {
      env: cliEnv(server),
      cwd: ROOT,
    });
    let out = '';
    cli.stdout.on('data', (d: Buffer) => (out += d.toString()));
    cli.stderr.on('data', (d: Buffer) => (out += d.toString()));
    expect(await new Promise((resolve) => cli.on('exit', resolve)), out).toBe(0);
    await recoloured(wall, target.row.id, before);

    const admin = await plannerPage(browser, server.url, server.db);
    await admin.goto(`${server.url}/admin`);
    const panel = admin.getByTestId('pipeline-panel');
    const notReady = (await loadStairwellStates(server.db, 1)).find((s) => s.row.stage === 'canvassing' && !(s.consent.complete && s.consent.result.passed))!;
    await panel.getByRole('button', { name: notReady.row.doorNumber, exact: true }).click();
    const form = panel.locator(`[data-testid="stage-form"][data-door="${notReady.row.doorNumber}"]`);
    await form.getByRole('button', { name: '推进到“征询通过”' }).click();
    await form.locator('[role="alert"]').waitFor();
    expect(await form.locator('[role="alert"]').textContent()).toMatch(new RegExp(`^${notReady.row.doorNumber}：不能进入征询通过：按已签字的表决，征询规则尚未通过`));
    await admin.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'admin-stage-refused.png'), fullPage: false });
  });
});
