import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateStairwell } from '../../../geo/consent/index.ts';
import { FENGHE_PLAN, fengheCampaignPlan, generateCampaign, generateLayout } from '../../../geo/synthetic/index.ts';
import { CAMPAIGN_FILES, campaignToCsv } from '../../../server/import/campaign-csv.ts';
import { FENGHE_DIR } from '../../support/test-server.ts';

const doorNumbers = generateLayout(FENGHE_PLAN)
  .features.filter((f) => f.properties?.kind === 'stairwell')
  .map((f) => String(f.properties?.doorNumber));
const plan = fengheCampaignPlan(doorNumbers);
const campaign = generateCampaign(plan);

describe('the synthetic Fenghe campaign', () => {
  it('is what the committed CSV files hold, byte for byte', () => {
    const files = campaignToCsv(campaign);
    for (const name of CAMPAIGN_FILES) expect(readFileSync(join(FENGHE_DIR, name), 'utf8'), name).toBe(files[name]);
  });

  it('is deterministic for a seed and different for another', () => {
    expect(generateCampaign(plan)).toEqual(campaign);
    expect(generateCampaign({ ...plan, seed: 1 }).register.map((r) => r.status)).not.toEqual(campaign.register.map((r) => r.status));
  });

  it('has 1,920 flats of 35–65 m², 24 per stairwell', () => {
    expect(campaign.register).toHaveLength(1920);
    const areas = campaign.register.flatMap((r) => (r.areaM2 === null ? [] : [r.areaM2]));
    expect(Math.min(...areas)).toBeGreaterThanOrEqual(35);
    expect(Math.max(...areas)).toBeLessThanOrEqual(65);
    expect(campaign.register.filter((r) => r.areaM2 === null)).toHaveLength(1);
  });

  it('has upper floors far likelier to sign than floors 1–2', () => {
    const share = (floors: number[]) => {
      const rows = campaign.register.filter((r) => floors.includes(r.floor));
      return rows.filter((r) => r.status === 'signed').length / rows.length;
    };
    expect(share([3, 4, 5, 6])).toBeGreaterThan(share([1, 2]) + 0.25);
  });

  it('has stairwells passed, impossible and incomplete, and an elderly population like the estate’s', () => {
    const bins = new Map<string, number>();
    for (const door of doorNumbers) {
      const rows = campaign.register.filter((r) => r.doorNumber === door);
      const { bin } = evaluateStairwell(rows.map((r) => ({ flatId: r.room, voterId: r.voterId, areaM2: r.areaM2, status: r.status })));
      bins.set(bin, (bins.get(bin) ?? 0) + 1);
    }
    expect(bins.get('passed')).toBeGreaterThanOrEqual(15);
    expect(bins.get('impossible')).toBeGreaterThanOrEqual(3);
    expect(bins.get('incomplete')).toBe(1);
    const residents = campaign.register.reduce((n, r) => n + r.residents, 0);
    const over60 = campaign.register.reduce((n, r) => n + r.aged60to79 + r.aged80plus, 0);
    const over80 = campaign.register.reduce((n, r) => n + r.aged80plus, 0);
    expect(residents).toBeGreaterThan(3400);
    expect(residents).toBeLessThan(4000);
    expect(over60 / residents).toBeGreaterThan(0.4);
    expect(over80).toBeGreaterThan(400);
  });

  it('spans about 60 days of events, each flat ending at its register status', () => {
    const days = new Set(campaign.consentEvents.map((e) => e.at.slice(0, 10)));
    expect([...days].sort()[0]).toBe('2026-09-25');
    expect([...days].sort().at(-1)! <= '2026-11-23').toBe(true);
    expect(days.size).toBeGreaterThan(50);
    const last = new Map(campaign.consentEvents.map((e) => [`${e.doorNumber}/${e.room}`, e.to]));
    for (const r of campaign.register) expect(last.get(`${r.doorNumber}/${r.room}`) ?? 'unvisited').toBe(r.status);
  });

  it('uses phone numbers no real mobile has', () => {
    expect(campaign.register.every((r) => r.phone?.startsWith('100'))).toBe(true);
  });
});
