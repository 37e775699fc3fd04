import { lexicographicAssignment } from './lexicographic-assignment.ts';
import type { AllocateOptions, Claimant, ParkingAllocation, ParkingSpace } from './parking-types.ts';
import { walkingDistances } from './walking-distances.ts';

function checkInput(spaces: readonly ParkingSpace[], claimants: readonly Claimant[], opts: AllocateOptions): void {
  if (!(typeof opts.maxWalkM === 'number' && opts.maxWalkM >= 0)) throw new Error(`opts.maxWalkM: expected metres ≥ 0, got ${String(opts.maxWalkM)}`);
  const seen = new Set<string>();
  spaces.forEach((s, i) => {
    if (seen.has(s.id)) throw new Error(`spaces[${i}].id: ${s.id} appears twice`);
    if (s.polygon?.type !== 'Polygon') throw new Error(`spaces[${i}].polygon (${s.id}): expected a GeoJSON Polygon`);
    seen.add(s.id);
  });
  const flats = new Set<string>();
  claimants.forEach((c, i) => {
    if (flats.has(c.flatId)) throw new Error(`claimants[${i}].flatId: ${c.flatId} appears twice`);
    if (c.door?.type !== 'Point') throw new Error(`claimants[${i}].door (${c.flatId}): expected a GeoJSON Point`);
    if (!Number.isFinite(c.priority)) throw new Error(`claimants[${i}].priority (${c.flatId}): expected a number`);
    flats.add(c.flatId);
  });
}

/** Union–find over claimants and spaces, so each connected group is solved on its own. */
function components(claimantCount: number, spaceCount: number, edges: { space: number }[][]): number[][] {
  const parent = Array.from({ length: claimantCount + spaceCount }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  edges.forEach((list, c) => list.forEach((e) => (parent[find(c)] = find(claimantCount + e.space))));
  const groups = new Map<number, number[]>();
  for (let c = 0; c < claimantCount; c++) {
    if (edges[c]!.length === 0) continue;
    const root = find(c);
    groups.set(root, [...(groups.get(root) ?? []), c]);
  }
  return [...groups.values()];
}

/**
 * Assigns priority parking (SPEC §6) optimally: first the most claimants
 * served within `maxWalkM`; then, given who held which space before
 * (`previous`), the fewest households moved to another space; then the least
 * total walking distance (to the millimetre); then higher priorities served
 * before lower ones. Unavailable
 * spaces are never assigned. Solved exactly by the Hungarian method per
 * connected group of claimants and reachable spaces, never greedily.
 *
 * @example allocateParking(spaces, [{ flatId: '101', door, priority: 3 }], { maxWalkM: 80 })
 */
export function allocateParking(spaces: ParkingSpace[], claimants: Claimant[], opts: AllocateOptions): ParkingAllocation {
  checkInput(spaces, claimants, opts);
  const { edges } = walkingDistances(spaces, claimants, opts.maxWalkM, new Set(opts.unavailable ?? []));
  const spaceOf = new Map<number, { space: number; walkM: number }>();

  for (const group of components(claimants.length, spaces.length, edges)) {
    const columns = [...new Set(group.flatMap((c) => edges[c]!.map((e) => e.space)))].sort((a, b) => a - b);
    const columnIndex = new Map(columns.map((s, k) => [s, k]));
    const walkMm = group.map((c) => {
      const row = new Map<number, number>();
      for (const e of edges[c]!) row.set(columnIndex.get(e.space)!, Math.round(e.walkM * 1000));
      return row;
    });
    // Costs in three tiers, each larger than everything below it can add up to in the group:
    // a claimant left waiting > a household moved to another space > walking (mm).
    const walkBound = group.length * Math.round(opts.maxWalkM * 1000) + 1;
    const moveCost = walkBound;
    const waitingCost = (group.length + 1) * (moveCost + walkBound);
    const held = group.map((c) => opts.previous?.get(claimants[c]!.flatId));
    // Ties: the fewer claimants with a higher priority, the lower the penalty.
    const priorities = group.map((c) => claimants[c]!.priority);
    const penalty = priorities.map((p) => priorities.filter((q) => q > p).length);
    const real = columns.length;
    const assigned = lexicographicAssignment(
      group.length,
      real + group.length,
      (r, k) => {
        if (k >= real) return k - real === r ? waitingCost : Infinity;
        const walk = walkMm[r]!.get(k);
        if (walk === undefined) return Infinity;
        const moved = held[r] !== undefined && spaces[columns[k]!]!.id !== held[r];
        return walk + (moved ? moveCost : 0);
      },
      (r, k) => (k < real ? penalty[r]! : 0),
    );
    group.forEach((c, r) => {
      const k = assigned[r]!;
      if (k >= 0 && k < real) spaceOf.set(c, edges[c]!.find((e) => e.space === columns[k])!);
    });
  }

  const assignments: ParkingAllocation['assignments'] = [];
  const waiting: string[] = [];
  claimants.forEach((c, i) => {
    const got = spaceOf.get(i);
    if (got) assignments.push({ flatId: c.flatId, spaceId: spaces[got.space]!.id, walkM: got.walkM });
    else waiting.push(c.flatId);
  });
  return { assignments, waiting, totalWalkM: assignments.reduce((s, a) => s + a.walkM, 0) };
}
