import type { ProgressBin } from '../consent/progress-bin.ts';
import { STAGE_EN, STAGE_ZH, type Stage } from '../stages/stages.ts';
import type { PaletteEntry } from './palette-entry.ts';

/** What colours a stairwell: its progress bin while canvassing, else its stage. */
export type MapColorKey = ProgressBin | Exclude<Stage, 'canvassing'>;

/**
 * Colours by meaning on the dark wall: a glance answers how many are done,
 * how many are close and how many are stuck. Canvassing is a warm sequence
 * that brightens as signatures come in (dim brown far off, gold when close,
 * yellow once the rule is met); after confirmation a cool sequence, blue to
 * green to pale mint, that brightens stage by stage, so a lift in service is
 * the most visible thing on the map. Stuck is red (已无法通过, the only red),
 * mauve (暂缓) or grey (面积不全). Tests check that visibility against the
 * wall's background grows along each sequence, and that every pair stays
 * apart under protan, deutan and tritan simulation.
 */
export const MAP_PALETTE: Record<MapColorKey, PaletteEntry> = {
  incomplete: { color: '#8a8283', text: '#000000', zh: '面积不全', en: 'Area missing' },
  impossible: { color: '#d23e47', text: '#ffffff', zh: '已无法通过', en: 'Cannot pass' },
  p0: { color: '#5e441d', text: '#ffffff', zh: '进度 0–25%', en: 'Progress 0–25%' },
  p25: { color: '#9d6900', text: '#ffffff', zh: '进度 25–50%', en: 'Progress 25–50%' },
  p50: { color: '#d18525', text: '#000000', zh: '进度 50–75%', en: 'Progress 50–75%' },
  p75: { color: '#f5a431', text: '#000000', zh: '进度 75% 以上', en: 'Progress 75%+' },
  passed: { color: '#f1cb1c', text: '#000000', zh: '已达标待确认', en: 'Rule met, not yet confirmed' },
  consent_passed: { color: '#2c8aba', text: '#000000', zh: STAGE_ZH.consent_passed, en: STAGE_EN.consent_passed },
  agreement_signed: { color: '#6a9fdc', text: '#000000', zh: STAGE_ZH.agreement_signed, en: STAGE_EN.agreement_signed },
  public_notice: { color: '#42b2ac', text: '#000000', zh: STAGE_ZH.public_notice, en: STAGE_EN.public_notice },
  design_approved: { color: '#4aced5', text: '#000000', zh: STAGE_ZH.design_approved, en: STAGE_EN.design_approved },
  permitted: { color: '#95d39c', text: '#000000', zh: STAGE_ZH.permitted, en: STAGE_EN.permitted },
  under_construction: { color: '#74f07d', text: '#000000', zh: STAGE_ZH.under_construction, en: STAGE_EN.under_construction },
  accepted: { color: '#c1f2ae', text: '#000000', zh: STAGE_ZH.accepted, en: STAGE_EN.accepted },
  in_service: { color: '#b1ffd5', text: '#000000', zh: STAGE_ZH.in_service, en: STAGE_EN.in_service },
  suspended: { color: '#8e6c8a', text: '#000000', zh: STAGE_ZH.suspended, en: STAGE_EN.suspended },
};

/** Legend order: the story of a stairwell from first visit to a working lift. */
export const MAP_LEGEND_ORDER: readonly MapColorKey[] = [
  'p0',
  'p25',
  'p50',
  'p75',
  'passed',
  'consent_passed',
  'agreement_signed',
  'public_notice',
  'design_approved',
  'permitted',
  'under_construction',
  'accepted',
  'in_service',
  'impossible',
  'incomplete',
  'suspended',
];
