import type { PaletteEntry } from './palette-entry.ts';

/**
 * Phase colours: a sequential ramp from early (yellow) to late (deep blue),
 * viridis-like, so order reads as lightness for every colour vision; phases
 * beyond the ramp reuse its last colour.
 */
const RAMP = ['#fde725', '#b5de2b', '#6ece58', '#35b779', '#1f9e89', '#26828e', '#31688e', '#3e4989', '#482878', '#440154'] as const;

/**
 * The colour of phase `index` of `count`, spread over the ramp.
 *
 * @example phaseColor(0, 5) // '#fde725'
 */
export function phaseColor(index: number, count: number): string {
  const at = count <= 1 ? 0 : Math.round((index / (count - 1)) * (RAMP.length - 1));
  return RAMP[Math.min(RAMP.length - 1, Math.max(0, at))]!;
}

/** Text colour readable on `phaseColor(index, count)`. */
export function phaseTextColor(index: number, count: number): '#000000' | '#ffffff' {
  const at = count <= 1 ? 0 : Math.round((index / (count - 1)) * (RAMP.length - 1));
  return at <= 4 ? '#000000' : '#ffffff';
}

/** Comparing two scenarios: a stairwell built earlier, later, or in the same phase in B than in A. */
export const DIFF_PALETTE: Record<'earlier' | 'later' | 'same' | 'only_a' | 'only_b', PaletteEntry> = {
  earlier: { color: '#2c7bb6', text: '#ffffff', zh: 'B 方案更早', en: 'Earlier in B' },
  later: { color: '#e66101', text: '#000000', zh: 'B 方案更晚', en: 'Later in B' },
  same: { color: '#8c8c8c', text: '#000000', zh: '批次相同', en: 'Same phase' },
  only_a: { color: '#f1b6da', text: '#000000', zh: '仅 A 方案排入', en: 'Only in A' },
  only_b: { color: '#b8e186', text: '#000000', zh: '仅 B 方案排入', en: 'Only in B' },
};
