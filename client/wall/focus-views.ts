import type { StairwellProperties } from '../wire.ts';

export type FocusKey = 'estate' | 'closest' | 'construction';

export interface FocusView {
  key: FocusKey;
  /** Stairwells to frame and outline; empty for the whole estate. */
  stairwellIds: number[];
  /** What the caption lists: door labels, with signatures still needed when canvassing. */
  doors: { label: string; need: number | null }[];
}

const CLOSEST_MAX_NEED = 5;
const CLOSEST_MAX_SHOWN = 8;

/** Stairwells still canvassing that `maxNeed` or fewer signatures would pass, fewest first. */
export function closestToPassing(stairwells: readonly StairwellProperties[], maxNeed = CLOSEST_MAX_NEED, limit = CLOSEST_MAX_SHOWN): StairwellProperties[] {
  return stairwells
    .filter((s) => s.stage === 'canvassing' && !s.passed && s.stillPossible === true && s.flatsToPassCount !== null && s.flatsToPassCount <= maxNeed)
    .sort((a, b) => a.flatsToPassCount! - b.flatsToPassCount! || a.id - b.id)
    .slice(0, limit);
}

/**
 * The wall's focus views, in cycling order: the whole estate; the stairwells
 * a few signatures from passing (fewest first); the stairwells under
 * construction. A view with nothing to show is left out.
 */
export function focusViews(stairwells: readonly StairwellProperties[]): FocusView[] {
  const closest = closestToPassing(stairwells);
  const building = stairwells.filter((s) => s.stage === 'under_construction').sort((a, b) => a.id - b.id);
  const views: FocusView[] = [{ key: 'estate', stairwellIds: [], doors: [] }];
  if (closest.length) views.push({ key: 'closest', stairwellIds: closest.map((s) => s.id), doors: closest.map((s) => ({ label: s.label, need: s.flatsToPassCount })) });
  if (building.length) views.push({ key: 'construction', stairwellIds: building.map((s) => s.id), doors: building.map((s) => ({ label: s.label, need: null })) });
  return views;
}
