import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { constructionZone, elderWeight, readyDateFrom, readyDayFor, readyDayOf, type PhasingInput } from '../../geo/phasing/index.ts';
import type { Stage } from '../../geo/stages/index.ts';
import { shanghaiDay } from '../../geo/time/index.ts';
import { loadStandings, type Standing } from '../campaign/stage-history.ts';
import { ruleMetOf } from '../queries/headline.ts';
import { first, type Db } from '../db/database.ts';
import { loadStairwellStates, type StairwellState } from '../queries/stairwell-states.ts';
import type { PlanParams } from './plan-params.ts';

export interface Excluded {
  stairwellId: number;
  doorNumber: string;
  reason: 'built' | 'suspended' | 'not_passed' | 'impossible' | 'incomplete' | 'no_site';
}

/** Stages at which construction has begun: a site of the adopted programme stays in its phase when re-planning. */
export const STARTED_STAGES: ReadonlySet<Stage> = new Set(['under_construction', 'accepted', 'in_service']);

/** The estate's adopted programme (施工计划), if any: which phase each of its stairwells is in. */
export async function adoptedProgramme(db: Db, estateId: number) {
  const { phaseScenarios } = db.t;
  const row = await first(db.select().from(phaseScenarios).where(and(eq(phaseScenarios.estateId, estateId), isNotNull(phaseScenarios.adoptedAt))));
  if (!row) return null;
  const phases = (row.result as { phases: { index: number; startDate: string; endDate: string; stairwellIds: number[] }[] }).phases;
  return { row, phases, phaseOf: new Map(phases.flatMap((p) => p.stairwellIds.map((id) => [id, p.index] as const))) };
}

/**
 * A stairwell's earliest construction start from its real dates plus the
 * lead times still to run, or null once building or suspended; 已达标 but not
 * yet confirmed counts as confirmed today.
 */
export function readyDateOfStairwell(s: StairwellState, standing: Standing | undefined, today: string): string | null {
  const unconfirmed = s.row.stage === 'canvassing' && ruleMetOf(s);
  const stage = unconfirmed ? 'consent_passed' : s.row.stage;
  return readyDateFrom({ stage, enteredOn: unconfirmed || stage === 'canvassing' ? null : (standing?.on ?? null), noticeClosedOn: standing?.noticeClosedOn ?? null }, today);
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
 * elevator sites, ready days from real stage dates plus the lead times still
 * to run (counted from `now` where no date exists yet), elder weights from the
 * register, the fire lanes and parking. Sites of the adopted programme that
 * have started are kept, pinned to their phase. Stairwells it leaves out come
 * with the reason.
 */
export async function phasingInputFor(db: Db, estateId: number, params: PlanParams, now: Date) {
  const { fireLanes, flats, parkingSpaces } = db.t;
  const states = await loadStairwellStates(db, estateId);
  const ages = await db
    .select({ stairwellId: flats.stairwellId, floor: flats.floor, aged60to79: flats.aged60to79, aged80plus: flats.aged80plus })
    .from(flats)
    .orderBy(asc(flats.id));
  const agesOf = new Map<number, typeof ages>();
  for (const f of ages) agesOf.set(f.stairwellId, [...(agesOf.get(f.stairwellId) ?? []), f]);
  const excluded: Excluded[] = [];
  const today = shanghaiDay(now);
  const standings = await loadStandings(db, estateId);
  const programme = await adoptedProgramme(db, estateId);
  /** Started sites of the programme and the phase they stay in. */
  const pinned: { stairwellId: number; phase: number }[] = [];
  /** Each planned stairwell's earliest construction start. */
  const readyDates = new Map<string, string>();
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
    const phase = programme?.phaseOf.get(s.row.id);
    const keep = STARTED_STAGES.has(s.row.stage) && phase !== undefined && s.row.elevatorSite !== null;
    const reason = keep ? null : exclusion(s, params);
    if (reason) {
      excluded.push({ stairwellId: s.row.id, doorNumber: s.row.doorNumber, reason });
      continue;
    }
    if (keep) pinned.push({ stairwellId: s.row.id, phase: phase });
    const standing = standings.get(s.row.id);
    const readyDate = keep ? (standing?.startedOn ?? today) : readyDateOfStairwell(s, standing, today)!;
    readyDates.set(String(s.row.id), readyDate);
    input.stairwells.push({
      id: String(s.row.id),
      buildingId: String(s.row.buildingId),
      readyDay: readyDayOf(readyDate, params.startDate),
      zone: constructionZone(s.row.elevatorSite!, params.zoneM),
      weight: elderWeight(agesOf.get(s.row.id) ?? []),
    });
  }
  return { input, excluded, states, pinned, readyDates, programme };
}
