import { PIPELINE_STAGES, STAGE_ZH, stageIndex, type Stage } from '../stages/stages.ts';

/**
 * The two words SPEC §4 keeps apart, defined once: 已达标 is what the signed
 * votes say (the rule is met, nobody has confirmed it); 征询通过 is what staff
 * confirmed (stage `consent_passed` and every stage after it). Every screen,
 * paper and export takes its label and its count from here.
 */
export const CAMPAIGN_WORDS = {
  ruleMet: { zh: '已达标', zhLong: '已达标待确认', en: 'Rule met', enLong: 'Rule met, not yet confirmed' },
  confirmed: { zh: STAGE_ZH.consent_passed, zhLong: '征询通过（已确认）', en: 'Consent confirmed', enLong: 'Consent confirmed by staff' },
} as const;

/**
 * Where a stairwell stands for counting: its stage, with canvassing split in
 * three: still collecting (`canvassing`), not computable while a flat's area
 * is missing (`incomplete`, 面积不全, as the map's legend says), or already
 * meeting the rule on signed votes (`rule_met`).
 */
export const CAMPAIGN_STEPS = ['canvassing', 'incomplete', 'rule_met', ...PIPELINE_STAGES.slice(1), 'suspended'] as const;
export type CampaignStep = (typeof CAMPAIGN_STEPS)[number];

export interface CountedStairwell {
  stage: Stage;
  /** The consent rule passes on signed votes (all areas known). */
  ruleMet: boolean;
  /** A flat's area is missing, so the rule cannot be computed (an estate imported without its register). */
  areaMissing?: boolean;
}

export interface CampaignCounts {
  total: number;
  /** Still canvassing but meeting the rule on signed votes: 已达标, waiting for staff. */
  ruleMet: number;
  /** Confirmed by staff and not suspended: stage `consent_passed` or any later stage. */
  confirmed: number;
  inService: number;
  suspended: number;
  /** One count per step; they add up to `total`. */
  steps: Record<CampaignStep, number>;
}

export function campaignStep(s: CountedStairwell): CampaignStep {
  if (s.stage === 'canvassing') return s.ruleMet ? 'rule_met' : s.areaMissing ? 'incomplete' : 'canvassing';
  return s.stage;
}

/** Whether staff have confirmed the stairwell's consultation (and it is not suspended). */
export function isConfirmed(stage: Stage): boolean {
  return stageIndex(stage) >= stageIndex('consent_passed');
}

/**
 * The one count behind every figure of the campaign: headline, stage chart,
 * deck, district and exports.
 *
 * @example countCampaign([{ stage: 'canvassing', ruleMet: true }, { stage: 'permitted', ruleMet: true }]).confirmed // 1
 */
export function countCampaign(stairwells: readonly CountedStairwell[]): CampaignCounts {
  const steps = Object.fromEntries(CAMPAIGN_STEPS.map((s) => [s, 0])) as Record<CampaignStep, number>;
  for (const s of stairwells) steps[campaignStep(s)]++;
  return {
    total: stairwells.length,
    ruleMet: steps.rule_met,
    confirmed: stairwells.filter((s) => isConfirmed(s.stage)).length,
    inService: steps.in_service,
    suspended: steps.suspended,
    steps,
  };
}

/** Several estates' counts added up (the district's totals). */
export function sumCampaign(parts: readonly CampaignCounts[]): CampaignCounts {
  const steps = Object.fromEntries(CAMPAIGN_STEPS.map((s) => [s, parts.reduce((n, p) => n + p.steps[s], 0)])) as Record<CampaignStep, number>;
  const add = (k: 'total' | 'ruleMet' | 'confirmed' | 'inService' | 'suspended') => parts.reduce((n, p) => n + p[k], 0);
  return { total: add('total'), ruleMet: add('ruleMet'), confirmed: add('confirmed'), inService: add('inService'), suspended: add('suspended'), steps };
}
