import { MAP_PALETTE, type MapColorKey } from '../../geo/palette/index.ts';
import type { ReplayDay } from '../wire.ts';

/**
 * Each stairwell's colour at the end of day `upTo`, folding the days' changes
 * (day 0 carries every stairwell, so the fold is complete), as map feature-state.
 */
export function replayStates(days: readonly ReplayDay[], upTo: number): Map<number, { color: string; text: string; key: MapColorKey }> {
  const keys = new Map<number, MapColorKey>();
  for (let i = 0; i <= Math.min(upTo, days.length - 1); i++) for (const [id, key] of days[i]!.changes) keys.set(id, key);
  return new Map([...keys].map(([id, key]) => [id, { color: MAP_PALETTE[key].color, text: MAP_PALETTE[key].text, key }]));
}

/** How many stairwells show each colour in a replayed state, for the legend. */
export function countKeys(states: ReadonlyMap<number, { key: MapColorKey }>): Partial<Record<MapColorKey, number>> {
  const counts: Partial<Record<MapColorKey, number>> = {};
  for (const { key } of states.values()) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

/** Every colour the replay shows on any day: the legend lists them all from day 1, so it never grows and the map never resizes mid-play. */
export function replayKeys(days: readonly ReplayDay[]): MapColorKey[] {
  const seen = new Set<MapColorKey>();
  for (const d of days) for (const [, key] of d.changes) seen.add(key);
  return [...seen];
}
