import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { evaluateStairwell, type HouseholdStatus } from '../../geo/consent/index.ts';
import type { Stage } from '../../geo/stages/index.ts';
import { waitForMapIdle } from '../support/browser.ts';
import type { TestServer } from '../support/test-server.ts';
import { serverAndBrowser } from '../support/browser-suite.ts';

let server: TestServer;
let browser: Browser;
serverAndBrowser((s, b) => ((server = s), (browser = b)));

/**
 * 风荷苑 straight from SQL, counted by hand: stages as stored, 已达标 as the
 * consent rule on each stairwell's stored statuses. Not through geo/campaign,
 * so a screen that counts differently cannot agree with it by sharing a bug.
 */
async function fromDatabase() {
  const stairwells = await server.sql<{ id: number; stage: Stage }>('SELECT id, stage FROM stairwells WHERE estate_id = 1');
  const flats = await server.sql<{ id: number; stairwellId: number; voterId: number; area: number | null; status: HouseholdStatus }>(
    'SELECT f.id, f.stairwell_id AS "stairwellId", f.voter_id AS "voterId", f.area_centi_m2 AS area, f.status FROM flats f JOIN stairwells s ON s.id = f.stairwell_id WHERE s.estate_id = 1',
  );
  let ruleMet = 0;
  const steps: Record<string, number> = {};
  for (const s of stairwells) {
    const e = evaluateStairwell(
      flats.filter((f) => f.stairwellId === s.id).map((f) => ({ flatId: String(f.id), voterId: String(f.voterId), areaM2: f.area === null ? null : f.area / 100, status: f.status })),
    );
    const met = s.stage === 'canvassing' && e.complete && e.result.passed;
    if (met) ruleMet++;
    // A stairwell still canvassing whose areas are not all known is counted as the legend shows it: 面积不全.
    const step = met ? 'rule_met' : s.stage === 'canvassing' && !e.complete ? 'incomplete' : s.stage;
    steps[step] = (steps[step] ?? 0) + 1;
  }
  const confirmed = stairwells.filter((s) => s.stage !== 'canvassing' && s.stage !== 'suspended').length;
  return { total: stairwells.length, ruleMet, confirmed, steps };
}

const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
const text = async (page: Page, testId: string) => (await page.getByTestId(testId).first().textContent())?.trim() ?? '';
/** A headline figure's number and its total, as read: "17 / 80". */
const figure = async (page: Page, testId: string) => (await page.getByTestId(testId).locator('dd strong, dd > span.of').allTextContents()).join(' ');

/** The wall's legend is its stage chart: its colours' counts, read as steps (the canvassing bins and 已无法通过 are 意见征询). */
async function legendSteps(page: Page): Promise<Record<string, number>> {
  const rows = await page
    .locator('[data-testid="legend"] li')
    .evaluateAll((lis) => lis.map((li): [string, number] => [li.getAttribute('data-key')!, Number(li.querySelector('.count')!.textContent)]));
  const asStep: Record<string, string> = { p0: 'canvassing', p25: 'canvassing', p50: 'canvassing', p75: 'canvassing', impossible: 'canvassing', passed: 'rule_met' };
  const steps: Record<string, number> = {};
  for (const [key, n] of rows) steps[asStep[key] ?? key] = (steps[asStep[key] ?? key] ?? 0) + n;
  return steps;
}

async function wallFigures() {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${server.url}/wall?estate=1`);
  await waitForMapIdle(page);
  const figures = {
    confirmed: await figure(page, 'headline-confirmed'),
    note: await text(page, 'headline-confirmed-note'),
    steps: await legendSteps(page),
  };
  await page.close();
  return figures;
}

async function deckFigures() {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${server.url}/present?estate=1#1`);
  await page.getByTestId('headline-confirmed').waitFor();
  const confirmed = await figure(page, 'headline-confirmed');
  const note = await text(page, 'headline-confirmed-note');
  await page.goto(`${server.url}/present?estate=1#2`);
  await page.getByTestId('stage-funnel').waitFor();
  const steps = JSON.parse((await page.getByTestId('stage-funnel').getAttribute('data-counts'))!) as Record<string, number>;
  await page.goto(`${server.url}/present?estate=1#7`);
  await page.getByTestId('next-steps').waitFor();
  const items = await page.locator('[data-testid="next-steps"] li').evaluateAll((lis) => lis.map((li): [string, string] => [li.getAttribute('data-step') ?? '', li.textContent ?? '']));
  await page.close();
  return { confirmed, note, steps, next: Object.fromEntries(items) };
}

async function districtFigures() {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${server.url}/district`);
  const row = page.locator('[data-testid="district-table"] tr[data-estate="1"]');
  await row.waitFor();
  const figures = {
    confirmed: (await row.locator('td').first().textContent())!.trim(),
    ruleMet: (await row.getByTestId('district-rule-met').textContent())!.trim(),
    steps: JSON.parse((await row.locator('.district-steps').getAttribute('data-steps'))!) as Record<string, number>,
    total: (await page.getByTestId('district-total').textContent())!,
  };
  await page.close();
  return figures;
}

describe('one count behind every screen', () => {
  it('shows the same 征询通过 and 已达标 on /wall, /present and /district as the database holds, and keeps the two words apart', async () => {
    const db = await fromDatabase();
    // The bundled campaign has both: stairwells confirmed, and stairwells meeting the rule that nobody confirmed.
    expect(db.confirmed).toBeGreaterThan(0);
    expect(db.ruleMet).toBeGreaterThan(0);
    const [wall, deck, district] = await Promise.all([wallFigures(), deckFigures(), districtFigures()]);

    expect(wall.confirmed).toBe(`${db.confirmed} / ${db.total}`);
    expect(wall.note).toBe(`另有 ${db.ruleMet} 个已达标待确认`);
    expect(nonZero(wall.steps)).toEqual(db.steps);

    expect(deck.confirmed).toBe(wall.confirmed);
    expect(deck.note).toBe(wall.note);
    expect(nonZero(deck.steps)).toEqual(db.steps);
    expect(deck.next.ruleMet).toContain(`${db.ruleMet} 个门洞已达标`);
    if (db.steps.consent_passed) expect(deck.next.agreements).toContain(`${db.steps.consent_passed} 个门洞已征询通过`);

    expect(district.confirmed).toMatch(new RegExp(`^${db.confirmed} / ${db.total}`));
    expect(district.ruleMet).toBe(String(db.ruleMet));
    expect(nonZero(district.steps)).toEqual(db.steps);
    expect(district.total).toContain(`征询通过门洞 ${db.confirmed} / ${db.total} · 已达标待确认 ${db.ruleMet}`);
  });
});
