import type { AllocateOptions, Claimant, ParkingAllocation, ParkingSpace } from './parking-types.ts';
import { walkingDistances } from './walking-distances.ts';

/**
 * The greedy allocation a committee would make by hand, for comparison only:
 * claimants by priority take the nearest free space within reach.
 */
export function greedyParking(spaces: ParkingSpace[], claimants: Claimant[], opts: AllocateOptions): ParkingAllocation {
  const { edges } = walkingDistances(spaces, claimants, opts.maxWalkM, new Set(opts.unavailable ?? []));
  const taken = new Set<number>();
  const order = claimants.map((c, i) => ({ c, i })).sort((a, b) => b.c.priority - a.c.priority || a.i - b.i);
  const got = new Map<number, { space: number; walkM: number }>();
  for (const { i } of order) {
    const best = edges[i]!.filter((e) => !taken.has(e.space)).sort((a, b) => a.walkM - b.walkM)[0];
    if (!best) continue;
    taken.add(best.space);
    got.set(i, best);
  }
  const assignments = claimants.flatMap((c, i) => {
    const g = got.get(i);
    return g ? [{ flatId: c.flatId, spaceId: spaces[g.space]!.id, walkM: g.walkM }] : [];
  });
  return { assignments, waiting: claimants.filter((_, i) => !got.has(i)).map((c) => c.flatId), totalWalkM: assignments.reduce((s, a) => s + a.walkM, 0) };
}
