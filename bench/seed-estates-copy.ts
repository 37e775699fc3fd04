/**
 * `tsx bench/seed-estates.ts N`: N−1 more Fenghe-like estates (synthetic
 * register, 60 days of events) beside the seeded one, in the database the
 * environment names, through the import code. The writes benchmark copies
 * it into an earlier commit's worktree to seed that one the same way.
 */
import { parseEstateGeoJSON } from '../geo/estate/index.ts';
import { FENGHE_PLAN, fengheCampaignPlan, generateCampaign, generateLayout } from '../geo/synthetic/index.ts';
import { openConfigured } from '../server/db/open-configured.ts';
import { parseEnv } from '../server/env.ts';
import { importEstate } from '../server/import/import-estate.ts';

const estates = Number(process.argv[2] ?? 10);
const { db, close } = await openConfigured(parseEnv());
try {
  for (let e = 1; e < estates; e++) {
    const plan = { ...FENGHE_PLAN, name: `第${e + 1}小区`, doorPrefix: `街道${e + 1}村`, centre: [FENGHE_PLAN.centre[0] + (e % 4) * 0.0063, FENGHE_PLAN.centre[1] + Math.floor(e / 4) * 0.0054] as [number, number] };
    const parsed = parseEstateGeoJSON(generateLayout(plan));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const campaign = generateCampaign({ ...fengheCampaignPlan(parsed.layout.stairwells.map((s) => s.doorNumber)), seed: 1000 + e });
    await importEstate(db, { slug: plan.name, layout: parsed.layout, campaign, schematic: true });
  }
} finally {
  await close();
}
