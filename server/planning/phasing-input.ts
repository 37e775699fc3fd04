import { asc, eq } from 'drizzle-orm';
import { constructionZone, elderWeight, readyDayFor, type PhasingInput } from '../../geo/phasing/index.ts';
import type { Db } from '../db/database.ts';
import { loadStairwellStates, type StairwellState } from '../queries/stairwell-states.ts';
import type { PlanParams } from './plan-params.ts';

export interface Excluded {
  stairwellId: number;
  doorNumber: string;
  reason: 'built' | 'suspended' | 'not_passed' | 'impossible' | 'incomplete' | 'no_site';
}

function exclusion(s: StairwellState, params: PlanParams): Excluded['reason'] | null {
  if (!s.row.elevatorSite) return 'no_site';
  if (s.row.stage === 'suspended') return 'suspended';
  if (readyDayFor(s.row.stage) === null) return 'built';
  if (s.row.stage !== 'canvassing') return null;
  if (!s.consent.complete) return 'incomplete';
  if (s.consent.result.passed) return null;
  if (!s.consent.result.stillPossible) return 'impossible';
  return params.include === 'possible' ? null : 'not_passed';
}

/**
 * The planner's input for an estate (SPEC §5): construction zones around the
 * elevator sites, ready days from each stage's lead time, elder weights from
 * the register, the fire lanes and parking. Stairwells it leaves out come
 * with the reason.
 */
export async function phasingInputFor(db: Db, estateId: number, params: PlanParams) {
  const { fireLanes, flats, parkingSpaces } = db.t;
  const states = await loadStairwellStates(db, estateId);
  const ages = await db
    .select({ stairwellId: flats.stairwellId, floor: flats.floor, aged60to79: flats.aged60to79, aged80plus: flats.aged80plus })
    .from(flats)
    .orderBy(asc(flats.id));
  const agesOf = new Map<number, typeof ages>();
  for (const f of ages) agesOf.set(f.stairwellId, [...(agesOf.get(f.stairwellId) ?? []), f]);
  const excluded: Excluded[] = [];
  const input: PhasingInput = {
    stairwells: [],
    fireLanes: (await db
      .select()
      .from(fireLanes)
      .where(eq(fireLanes.estateId, estateId)))
      .map((l) => ({ id: l.code, line: l.line, roadWidthM: l.roadWidthM, clearWidthM: l.clearWidthM })),
    parkingSpaces: (await db
      .select({ code: parkingSpaces.code, polygon: parkingSpaces.polygon })
      .from(parkingSpaces)
      .where(eq(parkingSpaces.estateId, estateId)))
      .map((p) => ({ id: p.code, polygon: p.polygon })),
    crews: params.crews,
    phaseDays: params.phaseDays,
    maxParkingLossPerPhase: params.maxParkingLossPerPhase,
  };
  for (const s of states) {
    const reason = exclusion(s, params);
    if (reason) {
      excluded.push({ stairwellId: s.row.id, doorNumber: s.row.doorNumber, reason });
      continue;
    }
    const stage = s.row.stage === 'canvassing' && s.consent.complete && s.consent.result.passed ? 'consent_passed' : s.row.stage;
    input.stairwells.push({
      id: String(s.row.id),
      buildingId: String(s.row.buildingId),
      readyDay: readyDayFor(stage) ?? 0,
      zone: constructionZone(s.row.elevatorSite!, params.zoneM),
      weight: elderWeight(agesOf.get(s.row.id) ?? []),
    });
  }
  return { input, excluded, states };
}
