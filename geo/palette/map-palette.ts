import type { ProgressBin } from '../consent/progress-bin.ts';
import type { Stage } from '../stages/stages.ts';
import type { PaletteEntry } from './palette-entry.ts';

/** What colours a stairwell: its progress bin while canvassing, else its stage. */
export type MapColorKey = ProgressBin | Exclude<Stage, 'canvassing'>;

/**
 * Canvassing is a warm, light-to-dark sequence (more signatures, darker), the
 * pipeline after consent a cool one; "impossible" is the only red and the only
 * magenta-leaning hue. Sequences differ in lightness, which survives every
 * colour-vision deficiency and a washed-out projector; tests check each pair
 * under protan, deutan and tritan simulation.
 */
export const MAP_PALETTE: Record<MapColorKey, PaletteEntry> = {
  incomplete: { color: '#7d7d7d', text: '#000000', zh: '面积不全', en: 'Area missing' },
  impossible: { color: '#b2182b', text: '#ffffff', zh: '已无法通过', en: 'Cannot pass' },
  p0: { color: '#fff7bc', text: '#000000', zh: '进度 0–25%', en: 'Progress 0–25%' },
  p25: { color: '#fed35f', text: '#000000', zh: '进度 25–50%', en: 'Progress 25–50%' },
  p50: { color: '#f59a23', text: '#000000', zh: '进度 50–75%', en: 'Progress 50–75%' },
  p75: { color: '#c75f0a', text: '#000000', zh: '进度 75% 以上', en: 'Progress 75%+' },
  passed: { color: '#5fd3b0', text: '#000000', zh: '已达标待确认', en: 'Rule met, not yet confirmed' },
  consent_passed: { color: '#c9e3f7', text: '#000000', zh: '征询通过', en: 'Consent passed' },
  agreement_signed: { color: '#96c3ec', text: '#000000', zh: '签订加梯协议', en: 'Agreement signed' },
  public_notice: { color: '#64a3df', text: '#000000', zh: '公示', en: 'Public notice' },
  design_approved: { color: '#3c83cc', text: '#000000', zh: '方案审定', en: 'Design approved' },
  permitted: { color: '#2a68ad', text: '#ffffff', zh: '施工许可', en: 'Permitted' },
  under_construction: { color: '#1f4e8c', text: '#ffffff', zh: '施工中', en: 'Under construction' },
  accepted: { color: '#16386b', text: '#ffffff', zh: '竣工验收', en: 'Accepted' },
  in_service: { color: '#0c2247', text: '#ffffff', zh: '运行维保', en: 'In service' },
  suspended: { color: '#4a4a4a', text: '#ffffff', zh: '暂缓', en: 'Suspended' },
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
