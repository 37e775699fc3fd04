import { booleanIntersects, polygon } from '@turf/turf';
import { desc, eq } from 'drizzle-orm';
import { allocateParking, priorityZones, type ParkingAllocation } from '../../geo/parking/index.ts';
import { first, type Db } from '../db/database.ts';
import type { ComputedPlan } from '../planning/compute-plan.ts';
import { getScenario } from '../planning/scenarios.ts';
import { requireEstate } from '../queries/stairwell-states.ts';
import { loadClaimants, type ClaimantFlat } from './parking-claimants.ts';
import type { ParkingInput } from './parking-params.ts';

type Assigned = ClaimantFlat & { spaceCode: string; walkM: number };

function describeAllocation(allocation: ParkingAllocation, flatOf: Map<string, ClaimantFlat>) {
  return {
    assignments: allocation.assignments.map((a): Assigned => ({ ...flatOf.get(a.flatId)!, spaceCode: a.spaceId, walkM: Math.round(a.walkM * 10) / 10 })),
    waiting: allocation.waiting.map((id) => flatOf.get(id)!),
    totalWalkM: Math.round(allocation.totalWalkM * 10) / 10,
  };
}

/**
 * Priority parking before, during and after construction (SPEC §6): the
 * allocation now, for each phase of the saved phasing plan (its construction
 * zones' spaces out of use), and after (spaces under the new shafts gone), with
 * who must move where between one state and the next. Door number, floor and
 * room only: names are not needed to enforce a space.
 */
export async function computeParking(db: Db, input: ParkingInput, options: { /** false: each phase solved afresh (the old way, for the benchmark's comparison). */ fewestMoves?: boolean } = {}) {
  const { parkingSpaces, phaseScenarios, stairwells } = db.t;
  await requireEstate(db, input.estateId);
  const spaces = await db
    .select({ id: parkingSpaces.code, polygon: parkingSpaces.polygon })
    .from(parkingSpaces)
    .where(eq(parkingSpaces.estateId, input.estateId));
  const { claimants, flatOf } = await loadClaimants(db, input.estateId, input.floors);
  const scenarioId =
    input.scenarioId ??
    (await first(db.select({ id: phaseScenarios.id }).from(phaseScenarios).where(eq(phaseScenarios.estateId, input.estateId)).orderBy(desc(phaseScenarios.updatedAt)).limit(1)))?.id ??
    null;
  const scenario = scenarioId === null ? null : await getScenario(db, scenarioId);
  const plan: ComputedPlan | null = scenario?.plan ?? null;

  const states: { key: string; phase: number | null; startDate: string | null; unavailable: string[] }[] = [{ key: 'now', phase: null, startDate: null, unavailable: [] }];
  for (const p of plan?.phases ?? []) states.push({ key: `phase-${p.index + 1}`, phase: p.index, startDate: p.startDate, unavailable: p.parkingLost });
  if (plan) {
    const built = new Set(plan.phases.flatMap((p) => p.stairwellIds));
    const sites = (await db
      .select({ id: stairwells.id, site: stairwells.elevatorSite })
      .from(stairwells)
      .where(eq(stairwells.estateId, input.estateId)))
      .filter((s) => built.has(s.id) && s.site)
      .map((s) => polygon(s.site!.coordinates));
    const underShafts = spaces.filter((sp) => sites.some((site) => booleanIntersects(site, polygon(sp.polygon.coordinates)))).map((sp) => sp.id);
    states.push({ key: 'after', phase: null, startDate: plan.phases.at(-1)?.endDate ?? null, unavailable: underShafts });
  }

  let previous: Map<string, string> | null = null;
  let current: ParkingAllocation | null = null;
  const results = states.map((state) => {
    // Each phase starts from who holds which space now: as few households as possible change space.
    const allocation = allocateParking(spaces, claimants, { maxWalkM: input.maxWalkM, unavailable: state.unavailable, previous: options.fewestMoves === false ? undefined : (previous ?? undefined) });
    current ??= allocation;
    const now = new Map(allocation.assignments.map((a) => [a.flatId, a.spaceId]));
    const moves = previous
      ? claimants
          .filter((c) => previous!.get(c.flatId) !== now.get(c.flatId))
          .map((c) => ({ ...flatOf.get(c.flatId)!, from: previous!.get(c.flatId) ?? null, to: now.get(c.flatId) ?? null }))
      : [];
    previous = now;
    return { ...state, ...describeAllocation(allocation, flatOf), moves };
  });
  const zones = priorityZones(
    current ?? { assignments: [], waiting: [], totalWalkM: 0 },
    spaces,
    (flatId) => String(flatOf.get(flatId)?.stairwellId ?? ''),
  ).map((f) => ({ ...f, properties: { ...f.properties, stairwellId: Number(f.properties.group) } }));

  return {
    rules: { floors: input.floors, maxWalkM: input.maxWalkM },
    scenario: scenario ? { id: scenario.id, name: scenario.name } : null,
    claimantCount: claimants.length,
    states: results,
    zones: { type: 'FeatureCollection' as const, features: zones },
  };
}
export type ComputedParking = Awaited<ReturnType<typeof computeParking>>;
