import { eq } from 'drizzle-orm';
import { allocateParking, greedyParking, type Claimant, type ParkingSpace } from '../geo/parking/index.ts';
import { FENGHE_PLAN, parkingInstance } from '../geo/synthetic/index.ts';
import type { Db } from '../server/db/open-database.ts';
import { loadClaimants } from '../server/parking/parking-claimants.ts';
import { measure } from './measure.ts';
import { computeParking } from '../server/parking/compute-parking.ts';
import { DEFAULT_PLAN_PARAMS } from '../server/planning/plan-params.ts';
import { deleteScenario, saveScenario } from '../server/planning/scenarios.ts';

function compare(name: string, spaces: ParkingSpace[], claimants: Claimant[], maxWalkM: number) {
  const optimal = allocateParking(spaces, claimants, { maxWalkM });
  const greedy = greedyParking(spaces, claimants, { maxWalkM });
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    name,
    spaces: spaces.length,
    claimants: claimants.length,
    maxWalkM,
    served: { optimal: optimal.assignments.length, greedy: greedy.assignments.length },
    totalWalkM: { optimal: r(optimal.totalWalkM), greedy: r(greedy.totalWalkM) },
  };
}

/** Optimal vs greedy nearest-space, side by side, on Fenghe's register and on random instances. */
export async function parkingComparison(db: Db) {
  const { parkingSpaces } = db.t;
  const spaces = await db.select({ id: parkingSpaces.code, polygon: parkingSpaces.polygon }).from(parkingSpaces).where(eq(parkingSpaces.estateId, 1));
  const low = (await loadClaimants(db, 1, [1, 2])).claimants;
  const all = (await loadClaimants(db, 1, [1, 2, 3, 4, 5, 6])).claimants;
  const rows = [
    compare('Fenghe, floors 1–2 signed, 80 m', spaces, low, 80),
    compare('Fenghe, floors 1–2 signed, 20 m', spaces, low, 20),
    compare('Fenghe, every signed household, 40 m', spaces, all, 40),
  ];
  for (const seed of [1, 2, 3]) {
    const inst = parkingInstance(seed, 1, 300, FENGHE_PLAN);
    rows.push(compare(`random ${seed}: 336 spaces, 300 claimants, 25 m`, inst.spaces, inst.claimants, 25));
  }
  return rows;
}

/** Running time of allocateParking at 300 × 200 and 3,000 × 2,000. */
export async function parkingTimes() {
  const small = parkingInstance(7, 1, 200, FENGHE_PLAN);
  const large = parkingInstance(7, 9, 2000, FENGHE_PLAN);
  return [
    { ...(await measure(`allocateParking ${small.spaces.length} spaces × 200 claimants`, 20, () => allocateParking(small.spaces, small.claimants, { maxWalkM: 80 }))), spaces: small.spaces.length, claimants: 200 },
    { ...(await measure(`allocateParking ${large.spaces.length} spaces × 2000 claimants`, 7, () => allocateParking(large.spaces, large.claimants, { maxWalkM: 80 }))), spaces: large.spaces.length, claimants: 2000 },
  ];
}

/**
 * Households that change space between construction phases on Fenghe's
 * default plan: kept spaces (fewest moves after most served) against solving
 * each phase afresh, side by side, with the number served and the walking.
 */
export async function parkingMovesBetweenPhases(db: Db, now: Date) {
  const { id } = await saveScenario(db, 1, `bench moves ${now.toISOString()}`, DEFAULT_PLAN_PARAMS, [], now);
  const input = { estateId: 1, floors: [1, 2], maxWalkM: 80, scenarioId: id };
  const side = async (fewestMoves: boolean) => {
    const p = await computeParking(db, input, { fewestMoves });
    const phases = p.states.filter((s) => s.key.startsWith('phase-'));
    return {
      moves: phases.reduce((n, s) => n + s.moves.length, 0),
      firstPhaseMoves: phases[0]?.moves.length ?? 0,
      servedEveryState: [...new Set(p.states.map((s) => s.assignments.length))],
      walkAfterM: p.states.at(-1)?.totalWalkM ?? 0,
    };
  };
  const result = { kept: await side(true), afresh: await side(false) };
  await deleteScenario(db, 1, id);
  return result;
}
