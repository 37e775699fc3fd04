import type { PaletteEntry } from './palette-entry.ts';

/** How well a stairwell is covered by 党建引领 and 1+2+N: all three present, one missing, or two or more missing. */
export type CoverageKey = 'covered' | 'partial' | 'bare';

/**
 * The coverage map in /admin colours stairwells by coverage alone (green,
 * amber, red: a gap draws the eye); on the wall, whose fill is the campaign's,
 * a gap is a badge (缺 楼·党·队) in BADGE colours over its stairwell.
 */
export const COVERAGE_PALETTE: Record<CoverageKey, PaletteEntry> = {
  covered: { color: '#4caf7a', text: '#000000', zh: '楼组长、党员、服务队俱全', en: 'Leader, party member and team in place' },
  partial: { color: '#f0a430', text: '#000000', zh: '缺一项', en: 'One missing' },
  bare: { color: '#d23e47', text: '#ffffff', zh: '缺两项以上', en: 'Two or more missing' },
};

/** The badge naming a stairwell's gaps: white on a black halo, readable over any stage colour. */
export const COVERAGE_BADGE = { text: '#ffffff', halo: '#000000' } as const;

export function coverageKey(gaps: number): CoverageKey {
  return gaps === 0 ? 'covered' : gaps === 1 ? 'partial' : 'bare';
}
