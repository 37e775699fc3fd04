import { clientApi, formPhoto, verifyWrittenVotes } from '../support/evidence.ts';
import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, shanghaiDay } from '../../geo/time/index.ts';
import { loadStairwellStates } from '../../server/queries/stairwell-states.ts';
import { plannerPage, waitForMapIdle } from '../support/browser.ts';
import { signInAs } from '../support/sign-in.ts';
import { ROOT, type TestServer } from '../support/test-server.ts';
import { serverAndBrowser } from '../support/browser-suite.ts';

let server: TestServer;
let browser: Browser;
serverAndBrowser((s, b) => ((server = s), (browser = b)));

describe('the construction programme in /plan', () => {
  it('a loaded scenario keeps its manual moves; staff adopt one and the programme view shows its bars, recording 施工 live', async () => {
    const page = await plannerPage(browser, server.url, server.db, { width: 1600, height: 1000 });
    await page.goto(`${server.url}/plan`);
    await waitForMapIdle(page);
    await page.locator('[data-testid="gantt"] g[data-stairwell]').first().waitFor();
    const saveAs = async (name: string) => {
      await page.locator('input[name="scenarioName"]').fill(name);
      await page.getByRole('button', { name: '保存方案' }).click();
      await page.locator(`.scenarios li[data-scenario="${name}"]`).waitFor();
    };
    await saveAs('施工计划 2027');
    // A manual move, saved with its scenario, comes back when the scenario is loaded.
    const row = page.locator('[data-testid="gantt"] g[data-stairwell]').nth(2);
    await row.click();
    const door = (await page.getByTestId('plan-selected').locator('h3').textContent())!.match(/长风二村 \d+号/)![0];
    await page.locator('select[name="moveTo"]').selectOption('0');
    await page.locator('.plan-moves li').first().waitFor();
    await saveAs('调整方案');
    await page.reload();
    await page.locator('.scenarios li[data-scenario="调整方案"]').getByRole('button', { name: '载入' }).click();
    await expect(page.locator('.plan-moves li').first().textContent()).resolves.toContain(`${door} → 第 1 批`);

    await page.locator('.scenarios li[data-scenario="施工计划 2027"]').getByRole('button', { name: '采用为施工计划' }).click();
    await page.getByRole('status').filter({ hasText: '已采用“施工计划 2027”为施工计划' }).waitFor();
    await page.locator('.scenarios li[data-scenario="施工计划 2027"][data-adopted="true"]').waitFor();

    await page.getByRole('link', { name: '施工计划' }).click();
    await page.getByTestId('programme-gantt').waitFor();
    expect(await page.getByTestId('programme-headline').textContent()).toContain('施工计划“施工计划 2027”');
    const rows = page.locator('[data-testid="programme-gantt"] g[data-stairwell]');
    const saved = (await server.sql<{ result: string }>("SELECT result FROM phase_scenarios WHERE name = '施工计划 2027'"))[0]!;
    const plan = (typeof saved.result === 'string' ? JSON.parse(saved.result) : saved.result) as { phases: { stairwellIds: number[] }[] };
    expect(await rows.count()).toBe(plan.phases.flatMap((p) => p.stairwellIds).length);

    // Staff record 施工 for a stairwell of the programme in /admin's commands: its actual bar appears without a reload.
    const states = await loadStairwellStates(server.db, 1);
    const inPlan = new Set(plan.phases.flatMap((p) => p.stairwellIds));
    const site = states.find((s) => inPlan.has(s.row.id) && s.row.stage === 'canvassing' && s.consent.complete && s.consent.result.passed)!;
    const client = await signInAs(server.url, server.db, 'planner');
    const today = shanghaiDay(new Date());
    const steps = [
      { to: 'consent_passed', on: -40 },
      { to: 'agreement_signed', on: -35 },
      { to: 'public_notice', on: -30, noticeDays: 10, objectionDays: 7, postGraceDays: 0 },
      { to: 'design_approved', on: -12 },
      { to: 'permitted', on: -10, permitNumber: '沪建备2026-0412' },
      { to: 'under_construction', on: -2 },
    ] as const;
    await verifyWrittenVotes(clientApi(client), site.row.id, new Date());
    for (const { on, ...step } of steps) {
      // The installer's notice to market supervision comes before the works start.
      if (step.to === 'under_construction') await client.stages.recordLegal.mutate({ stairwellId: site.row.id, kind: 'construction_notice', on: addDays(today, on), reference: '沪特告2026-0412' });
      await client.stages.set.mutate({ stairwellId: site.row.id, ...step, on: addDays(today, on) });
    }
    const bar = page.locator(`[data-testid="programme-gantt"] g[data-stairwell="${site.row.id}"]`);
    await bar.locator('rect.programme-actual').waitFor({ timeout: 15_000 });
    expect(await bar.getAttribute('data-status')).toMatch(/^(building|started_late|overrun)$/);
    await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'plan-programme.png'), fullPage: true });

    // Promises to low floors past their stage are named under the programme, door and what, no room; a delivery takes one off live.
    const promises = page.getByTestId('programme-promises');
    const overdue = (await client.promises.ofEstate.query({ estateId: 1 })).promises.filter((p) => p.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    await expect.poll(() => promises.locator('tr[data-promise]').count()).toBe(overdue.length);
    await expect(promises.locator(`tr[data-promise="${overdue[0]!.id}"]`).textContent()).resolves.toBe(`${overdue[0]!.doorNumber}电表箱封闭综合修缮项目公示前${overdue[0]!.stage === 'permitted' ? '施工许可' : '联合审查'}`);
    await client.promises.deliver.mutate({ promiseId: overdue[0]!.id, deliveredOn: today, photo: formPhoto() });
    await expect.poll(() => promises.locator('tr[data-promise]').count(), { timeout: 15_000 }).toBe(overdue.length - 1);

    // Re-planning keeps it in its phase, marked as started.
    await page.getByRole('link', { name: '分批施工' }).click();
    await page.locator(`[data-testid="gantt"] g[data-stairwell="${site.row.id}"]`).waitFor();
    expect(await page.locator(`[data-testid="gantt"] g[data-stairwell="${site.row.id}"] text`).first().textContent()).toContain('已开工');
    await page.close();
  });
});
