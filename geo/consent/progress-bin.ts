/** Map bins of a stairwell still in canvassing (SPEC §4: coloured by consent progress). */
export const PROGRESS_BINS = ['incomplete', 'impossible', 'p0', 'p25', 'p50', 'p75', 'passed'] as const;
export type ProgressBin = (typeof PROGRESS_BINS)[number];

/**
 * Bin of a progress share in [0, 1): the share of the needed signatures
 * already collected. 1 means the rule is met.
 *
 * @example progressBin(0.6) // 'p50'
 */
export function progressBin(progress: number): ProgressBin {
  if (progress >= 1) return 'passed';
  if (progress >= 0.75) return 'p75';
  if (progress >= 0.5) return 'p50';
  if (progress >= 0.25) return 'p25';
  return 'p0';
}
