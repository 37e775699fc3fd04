import { desc, eq, sql } from 'drizzle-orm';
import { DEFAULT_PARKING_RULES } from '../../geo/parking/index.ts';
import { first, type Db } from '../db/database.ts';
import { computeParking } from '../parking/compute-parking.ts';
import { getScenario } from '../planning/scenarios.ts';
import { requireEstate } from './stairwell-states.ts';
import { estateCoverage } from '../campaign/teams.ts';
import { promiseCounts, promiseOverdue } from '../../geo/register/index.ts';

/**
 * What /present shows beyond the map: the latest saved phasing plan, phase by
 * phase, and the parking compensation it implies under the default rules, as
 * counts and zones. Door numbers and dates only; no flat, room or person.
 */
export async function presentDeck(db: Db, estateId: number) {
  const { phaseScenarios } = db.t;
  await requireEstate(db, estateId);
  // The adopted programme if there is one, else the latest saved scenario.
  const latest = await first(db
    .select({ id: phaseScenarios.id })
    .from(phaseScenarios)
    .where(eq(phaseScenarios.estateId, estateId))
    .orderBy(sql`${phaseScenarios.adoptedAt} IS NULL`, desc(phaseScenarios.updatedAt))
    .limit(1));
  const scenario = latest ? await getScenario(db, latest.id) : null;
  const doorOf = new Map(scenario?.plan.sites.map((s) => [s.stairwellId, s.doorNumber]) ?? []);
  const phasing = scenario && {
    scenarioName: scenario.name,
    savedAt: scenario.updatedAt,
    phases: scenario.plan.phases.map((p) => ({
      index: p.index,
      startDate: p.startDate,
      endDate: p.endDate,
      stairwellIds: p.stairwellIds,
      doorNumbers: p.stairwellIds.map((id) => doorOf.get(id) ?? String(id)),
      parkingLost: p.parkingLost.length,
    })),
    unscheduled: scenario.plan.unscheduled.length,
    /** Constraints the plan breaks: the slide says so rather than presenting it as sound. */
    violations: scenario.plan.violations.length,
    adopted: scenario.adoptedAt !== null,
  };

  const people = await peopleBehindDoors(db, estateId);
  const parking = await computeParking(db, { estateId, floors: DEFAULT_PARKING_RULES.floors, maxWalkM: DEFAULT_PARKING_RULES.maxWalkM, scenarioId: latest?.id ?? null });
  const now = parking.states[0]!;
  return {
    phasing,
    people,
    parking:
      parking.claimantCount === 0
        ? null
        : {
            rules: parking.rules,
            claimants: parking.claimantCount,
            served: now.assignments.length,
            waiting: now.waiting.length,
            /** Households served in each state (now, each phase, after), for the "during construction" line. */
            byState: parking.states.map((s) => ({ key: s.key, startDate: s.startDate, served: s.assignments.length, waiting: s.waiting.length })),
            /** Priority zones with only the stairwell they belong to. */
            zones: {
              type: 'FeatureCollection' as const,
              features: parking.zones.features.map((f) => ({ type: 'Feature' as const, geometry: f.geometry, properties: { stairwellId: f.properties.stairwellId } })),
            },
          },
  };
}
export type PresentDeck = Awaited<ReturnType<typeof presentDeck>>;

/**
 * The branch work and the promises to low floors, for the deck's 人 slide:
 * coverage per stairwell (gaps only) and its totals, promises made and kept
 * per kind, how many are overdue and how many stairwells have kept every one.
 * Counts and door numbers only; never a name, a room or a household.
 */
async function peopleBehindDoors(db: Db, estateId: number) {
  const { promises, stairwells } = db.t;
  const coverage = await estateCoverage(db, estateId);
  const rows = await db
    .select({ stairwellId: promises.stairwellId, kind: promises.kind, dueStage: promises.dueStage, deliveredOn: promises.deliveredOn, stage: stairwells.stage })
    .from(promises)
    .innerJoin(stairwells, eq(stairwells.id, promises.stairwellId))
    .where(eq(stairwells.estateId, estateId));
  const withPromises = new Set(rows.map((r) => r.stairwellId));
  const withUnkept = new Set(rows.filter((r) => r.deliveredOn === null).map((r) => r.stairwellId));
  return {
    branch: coverage.totals,
    coverage: coverage.stairwells.map((s) => ({ stairwellId: s.stairwellId, gaps: s.gaps })),
    promises: promiseCounts(rows),
    promisesOverdue: rows.filter((r) => promiseOverdue(r, r.stage)).length,
    stairwellsWithPromises: withPromises.size,
    stairwellsAllKept: [...withPromises].filter((id) => !withUnkept.has(id)).length,
  };
}
