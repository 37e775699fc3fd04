/**
 * Writes the bundled, illustrative Fenghe Garden data: the schematic layout
 * (GeoJSON, SPEC §7 import format) and a synthetic campaign (SPEC §9).
 * Run `npm run data:generate`, then review the diff: the files are committed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FENGHE_PLAN, fengheCampaignPlan, generateCampaign, generateEvidence, generateLayout } from '../geo/synthetic/index.ts';
import { campaignToCsv, evidenceToCsv } from '../server/import/campaign-csv.ts';

const dir = join(import.meta.dirname, 'fenghe');
const layout = generateLayout(FENGHE_PLAN);
const doorNumbers = layout.features
  .filter((f) => f.properties?.kind === 'stairwell')
  .map((f) => String(f.properties?.doorNumber));
const plan = fengheCampaignPlan(doorNumbers);
const campaign = generateCampaign(plan);
const evidence = generateEvidence(plan, campaign);

writeFileSync(join(dir, 'estate.geojson'), JSON.stringify(layout, null, 1) + '\n');
for (const [name, csv] of Object.entries(campaignToCsv(campaign))) writeFileSync(join(dir, name), csv);
writeFileSync(join(dir, 'vote-evidence.csv'), evidenceToCsv(evidence));
console.log(
  `wrote ${layout.features.length} features, ${campaign.register.length} flats, ` +
    `${campaign.consentEvents.length} consent events, ${campaign.stageEvents.length} stage events, ${evidence.length} votes' evidence to ${dir}`,
);
