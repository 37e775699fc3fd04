import { and, asc, desc, eq, gte, inArray, isNull } from 'drizzle-orm';
import {
  arrivalMinutes,
  CONTRACT_WARN_DAYS,
  LIFT_HEALTH,
  lifecycleSummary,
  liftHealth,
  nextVisitDue,
  type FaultTimes,
  type LifecycleSummary,
  type LiftHealth,
  type LiftService,
} from '../../geo/lifecycle/index.ts';
import { effectiveHistory, standing, stepInto } from '../../geo/stages/index.ts';
import { addDays } from '../../geo/time/index.ts';
import type { Db } from '../db/database.ts';
import { loadLiftServices } from './lift-services.ts';
import { loadStandings } from './stage-history.ts';

/** One lift in service as the wall, /admin and its maintainer see it: no names, no phones of residents. */
export interface LiftUpkeep {
  stairwellId: number;
  inServiceOn: string;
  service: LiftService | null;
  lastVisitOn: string | null;
  nextVisitDue: string;
  openFaults: number;
  health: LiftHealth;
}

/** How far back the wall reads visits and faults: this month's visits and 12 months of arrivals need no more. */
const WINDOW_DAYS = 400;

/**
 * Every lift in service of an estate with its health on `today`, and the estate's lifecycle panel. Reads the newest
 * visit per lift and only the last ~13 months of visits and faults (indexed by stairwell), so two years of history
 * cost the wall no more than one.
 */
export async function estateUpkeep(db: Db, estateId: number, today: string): Promise<{ lifts: Map<number, LiftUpkeep>; summary: LifecycleSummary | null }> {
  const standings = await loadStandings(db, estateId);
  const inService = [...standings].filter(([, s]) => s.stage === 'in_service' && s.on !== null).map(([id, s]) => ({ id, on: s.on! }));
  if (inService.length === 0) return { lifts: new Map(), summary: null };
  const lifts = await liftsUpkeep(db, inService, today);
  const ids = inService.map((l) => l.id);
  const since = addDays(today, -WINDOW_DAYS);
  const { maintenanceVisits } = db.t;
  const visits = await db
    .select({ visitedAt: maintenanceVisits.visitedAt })
    .from(maintenanceVisits)
    .where(and(inArray(maintenanceVisits.stairwellId, ids), gte(maintenanceVisits.visitedAt, `${today.slice(0, 7)}-01`)));
  const faults = await faultTimes(db, ids, since);
  const summary = lifecycleSummary([...lifts.values()].map((l) => l.health), visits.map((v) => v.visitedAt.slice(0, 10)), faults, today);
  return { lifts, summary };
}

async function faultTimes(db: Db, ids: readonly number[], since: string): Promise<FaultTimes[]> {
  const { liftFaults } = db.t;
  const rows = await db
    .select({ kind: liftFaults.kind, alarmAt: liftFaults.alarmAt, arrivedAt: liftFaults.arrivedAt, releasedAt: liftFaults.releasedAt, resolvedAt: liftFaults.resolvedAt })
    .from(liftFaults)
    .where(and(inArray(liftFaults.stairwellId, [...ids]), gte(liftFaults.alarmAt, since)));
  // An open fault older than the window still counts as open.
  const open = await db
    .select({ kind: liftFaults.kind, alarmAt: liftFaults.alarmAt, arrivedAt: liftFaults.arrivedAt, releasedAt: liftFaults.releasedAt, resolvedAt: liftFaults.resolvedAt })
    .from(liftFaults)
    .where(and(inArray(liftFaults.stairwellId, [...ids]), isNull(liftFaults.resolvedAt)));
  return [...rows, ...open.filter((f) => f.alarmAt < since)];
}

/** The health of the given lifts (stairwell id and the day it was put into use) on `today`. */
export async function liftsUpkeep(db: Db, lifts: readonly { id: number; on: string }[], today: string): Promise<Map<number, LiftUpkeep>> {
  const { maintenanceVisits, liftFaults } = db.t;
  const ids = lifts.map((l) => l.id);
  if (ids.length === 0) return new Map();
  const services = await loadLiftServices(db, ids);
  const since = addDays(today, -WINDOW_DAYS);
  const visits = await db
    .select({ stairwellId: maintenanceVisits.stairwellId, visitedAt: maintenanceVisits.visitedAt })
    .from(maintenanceVisits)
    .where(and(inArray(maintenanceVisits.stairwellId, ids), gte(maintenanceVisits.visitedAt, since)))
    .orderBy(desc(maintenanceVisits.visitedAt));
  const last = new Map<number, string>();
  for (const v of visits) if (!last.has(v.stairwellId)) last.set(v.stairwellId, v.visitedAt.slice(0, 10));
  const open = await db.select({ stairwellId: liftFaults.stairwellId }).from(liftFaults).where(and(inArray(liftFaults.stairwellId, ids), isNull(liftFaults.resolvedAt)));
  const out = new Map<number, LiftUpkeep>();
  for (const l of lifts) {
    const service = services.get(l.id) ?? null;
    const lastVisitOn = last.get(l.id) ?? null;
    const openFaults = open.filter((f) => f.stairwellId === l.id).length;
    out.set(l.id, {
      stairwellId: l.id,
      inServiceOn: l.on,
      service,
      lastVisitOn,
      nextVisitDue: nextVisitDue(lastVisitOn, l.on),
      openFaults,
      health: liftHealth({ inServiceOn: l.on, service, lastVisitOn, openFaults }, today, CONTRACT_WARN_DAYS),
    });
  }
  return out;
}

/** One lift's recent record for /admin and its maintainer's phone: visits, faults with arrival minutes, repairs. */
export async function liftRecord(db: Db, stairwellId: number) {
  const { maintenanceVisits, liftFaults, liftRepairs } = db.t;
  const visits = await db
    .select({ id: maintenanceVisits.id, visitedAt: maintenanceVisits.visitedAt, kind: maintenanceVisits.kind, note: maintenanceVisits.note })
    .from(maintenanceVisits)
    .where(eq(maintenanceVisits.stairwellId, stairwellId))
    .orderBy(desc(maintenanceVisits.visitedAt))
    .limit(12);
  const faults = (
    await db
      .select({
        id: liftFaults.id,
        kind: liftFaults.kind,
        alarmAt: liftFaults.alarmAt,
        arrivedAt: liftFaults.arrivedAt,
        releasedAt: liftFaults.releasedAt,
        resolvedAt: liftFaults.resolvedAt,
        description: liftFaults.description,
      })
      .from(liftFaults)
      .where(eq(liftFaults.stairwellId, stairwellId))
      .orderBy(desc(liftFaults.alarmAt))
      .limit(12)
  ).map((f) => ({ ...f, arrival: arrivalMinutes(f) }));
  const repairs = await db
    .select({ id: liftRepairs.id, description: liftRepairs.description, amountFen: liftRepairs.amountFen, noticedOn: liftRepairs.noticedOn, approvedOn: liftRepairs.approvedOn, doneOn: liftRepairs.doneOn })
    .from(liftRepairs)
    .where(eq(liftRepairs.stairwellId, stairwellId))
    .orderBy(desc(liftRepairs.noticedOn))
    .limit(12);
  return { visits, faults, repairs };
}

/** When each of these stairwells was put into use (the 运行维保 step that still stands), for those in service. */
export async function inServiceDates(db: Db, ids: readonly number[]): Promise<{ id: number; on: string }[]> {
  const { stageEvents } = db.t;
  if (ids.length === 0) return [];
  const events = await db.select().from(stageEvents).where(inArray(stageEvents.stairwellId, [...ids])).orderBy(asc(stageEvents.at), asc(stageEvents.id));
  return ids.flatMap((id) => {
    const steps = effectiveHistory(events.filter((e) => e.stairwellId === id));
    const on = standing(steps).stage === 'in_service' ? stepInto(steps, 'in_service')?.on : undefined;
    return on ? [{ id, on }] : [];
  });
}

/**
 * The lifts a user looks after: for a maintainer's account those whose current agreement names its licence (in any
 * estate), for staff every lift in service of `estateId`. Door, estate, health and dates; nothing personal.
 */
export async function liftsOf(db: Db, user: { role: string; maintainerLicence: string | null }, estateId: number | undefined, today: string) {
  const { liftServices, stairwells, estates } = db.t;
  let ids: number[];
  if (user.role === 'maintainer') {
    const named = await db.selectDistinct({ id: liftServices.stairwellId }).from(liftServices).where(eq(liftServices.maintainerLicence, user.maintainerLicence ?? ''));
    const current = await loadLiftServices(db, named.map((r) => r.id));
    ids = [...current].filter(([, s]) => s.maintainerLicence === user.maintainerLicence).map(([id]) => id);
  } else {
    ids = estateId === undefined ? [] : (await db.select({ id: stairwells.id }).from(stairwells).where(and(eq(stairwells.estateId, estateId), eq(stairwells.stage, 'in_service')))).map((r) => r.id);
  }
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: stairwells.id, doorNumber: stairwells.doorNumber, estateName: estates.name })
    .from(stairwells)
    .innerJoin(estates, eq(estates.id, stairwells.estateId))
    .where(and(inArray(stairwells.id, ids), eq(stairwells.stage, 'in_service')));
  const upkeep = await liftsUpkeep(db, await inServiceDates(db, rows.map((r) => r.id)), today);
  return rows
    .flatMap((r) => {
      const u = upkeep.get(r.id);
      return u
        ? [{ stairwellId: r.id, doorNumber: r.doorNumber, estateName: r.estateName, health: u.health, lastVisitOn: u.lastVisitOn, nextVisitDue: u.nextVisitDue, openFaults: u.openFaults, inspectionValidUntil: u.service?.inspectionValidUntil ?? null }]
        : [];
    })
    .sort((a, b) => LIFT_HEALTH.indexOf(a.health) - LIFT_HEALTH.indexOf(b.health) || a.nextVisitDue.localeCompare(b.nextVisitDue) || a.doorNumber.localeCompare(b.doorNumber, 'zh'));
}
