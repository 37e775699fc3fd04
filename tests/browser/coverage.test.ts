import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COVERAGE_PALETTE } from '../../geo/palette/index.ts';
import { staffPage, waitForMapIdle } from '../support/browser.ts';
import { serverAndBrowser } from '../support/browser-suite.ts';
import { callerAs } from '../support/caller.ts';
import { expectNoPersonalData } from '../support/personal-data.ts';
import { ROOT, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let browser: Browser;
serverAndBrowser((s, b) => ((server = s), (browser = b)));

const badge = (id: number) => window.liftmap?.propertiesOf('coverage', id)?.badge ?? null;

describe('the coverage layer (党建引领, 1+2+N)', () => {
  it('flags a stairwell without a 楼组长 on the wall and in /admin, and clears it on the open wall when staff assign one', async () => {
    const anyone = await callerAs(server.db, 'viewer');
    const coverage = await anyone.teams.coverage({ estateId: 1 });
    // A stairwell whose only gap is its 楼组长.
    const bare = coverage.stairwells.find((s) => s.gaps.length === 1 && s.gaps[0] === 'no_group_leader')!;
    expect(bare).toBeDefined();
    const leaders = coverage.totals.withGroupLeader;

    const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await wall.goto(`${server.url}/wall?kiosk=1&cycle=0`);
    await waitForMapIdle(wall);
    await expect.poll(() => wall.evaluate(badge, bare.stairwellId)).toBe('缺 楼');
    const panel = wall.getByTestId('coverage-panel');
    await expect(panel.textContent()).resolves.toContain(`缺楼组长 ${80 - leaders}`);

    const admin = await staffPage(browser, server.url, server.db, 'planner', 'branch-secretary', { width: 1440, height: 1000 });
    await admin.goto(`${server.url}/admin`);
    const teams = admin.getByTestId('teams-panel');
    await teams.locator('select[name="teams-stairwell"]').selectOption(String(bare.stairwellId));
    const card = teams.getByTestId('team-of-stairwell');
    await expect(card.locator('.gaps').textContent()).resolves.toBe('无楼组长');
    // The coverage map colours it amber (one missing) and carries the same badge as the wall.
    await expect.poll(() => admin.evaluate((id) => window.liftmap?.stateOf('stairwells', id)?.color ?? null, bare.stairwellId)).toBe(COVERAGE_PALETTE.partial.color);
    await expect.poll(() => admin.evaluate(badge, bare.stairwellId)).toBe('缺 楼');

    await card.locator('select[name="post"]').selectOption('group_leader');
    await card.locator('select[name="canvasser"]').selectOption('C02');
    await card.locator('input[name="duty"]').fill('1-6层');
    await card.getByRole('button', { name: '添加' }).click();
    await card.locator('li[data-post="group_leader"]').filter({ hasText: '严明（C02）' }).waitFor();
    await expect(card.locator('.gaps').count()).resolves.toBe(0);
    await expect.poll(() => admin.evaluate((id) => window.liftmap?.stateOf('stairwells', id)?.color ?? null, bare.stairwellId)).toBe(COVERAGE_PALETTE.covered.color);
    await teams.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'admin-teams.png') });

    // The wall that stayed open drops the badge and counts one more, without a reload.
    await expect.poll(() => wall.evaluate(badge, bare.stairwellId), { timeout: 15_000 }).toBeNull();
    await panel.filter({ hasText: `缺楼组长 ${80 - leaders - 1}` }).waitFor();
    // The wall names nobody: not the new 楼组长, not a resident.
    const text = await wall.locator('body').innerText();
    expect(text).not.toContain('严明');
    expectNoPersonalData(text);
    await admin.context().close();
    await wall.close();
  });
});
