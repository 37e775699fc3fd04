import { asc, eq, inArray } from 'drizzle-orm';
import { deadlines, ruleMetSince, type Deadline } from '../../geo/campaign/index.ts';
import { effectiveHistory, noticeWindows, standing, stepInto, MIN_NOTICE_DAYS, MIN_OBJECTION_DAYS, type NoticeWindows, type ObjectionStatus, type Stage, type StageDetails } from '../../geo/stages/index.ts';
import { shanghaiDay } from '../../geo/time/index.ts';
import type { Db } from '../db/database.ts';
import { evidenceStateOf, liveEvidenceIn } from '../evidence/live-evidence.ts';
import { legalDatesOf, loadLegalRecords, type LegalRecordRow } from './legal-records.ts';
import { loadLiftServices } from './lift-services.ts';
import { liftsUpkeep, type LiftUpkeep } from './lift-upkeep.ts';
import { overdueFollowUps } from '../canvass/follow-ups.ts';
import type { LiftService } from '../../geo/lifecycle/index.ts';
import { ruleMetOf } from '../queries/headline.ts';
import { loadStairwellStates } from '../queries/stairwell-states.ts';

export interface PipelineObjection {
  id: number;
  /** A room of this stairwell, or null for a neighbour at `fromAddress`, `distanceM` metres away. */
  room: string | null;
  fromAddress: string | null;
  distanceM: number | null;
  /** A letter's postmark date (it counts), and the day it arrived. */
  postmarkedOn: string | null;
  receivedOn: string;
  content: string;
  status: ObjectionStatus;
  note: string | null;
  resolvedOn: string | null;
  /** How the planning bureau's reply answered it. */
  bureauAnswer: string | null;
}

export interface PipelineStairwell {
  id: number;
  doorNumber: string;
  stage: Stage;
  /** The current stage's own date. */
  stageOn: string | null;
  stageReason: string | null;
  resumeStage: Stage | null;
  ruleMet: boolean;
  ruleMetSince: string | null;
  windows: NoticeWindows | null;
  /** Dates and numbers of every stage that still stands, for the papers and the public page. */
  steps: { stage: Stage; on: string; details: StageDetails | null }[];
  /** The step an undo would take back. */
  lastStep: { stage: Stage; on: string } | null;
  objections: PipelineObjection[];
  /** A lift in service: its 使用管理单位, maintenance agreement and inspection's validity; null until recorded. */
  service: LiftService | null;
  /** A lift in service: its health, last visit, next visit due and open faults (no names). */
  upkeep: LiftUpkeep | null;
  /** The legal steps recorded (施工告知, 监督检验, 使用登记 …), oldest first. */
  legal: Omit<LegalRecordRow, 'stairwellId'>[];
  /** Written votes (agree, oppose, abstain) not yet verified: 待核验 or 待补证. Confirming is refused while any remain; a confirmed stairwell with some was confirmed before a vote was sent back. */
  unverifiedVotes: number;
}

/**
 * Every stairwell of an estate in the pipeline (SPEC §4): stage and its date,
 * 公示 windows, objections, and what is due today. For staff: objections carry
 * their room and text.
 */
export async function loadPipeline(db: Db, estateId: number, now: Date): Promise<{ stairwells: PipelineStairwell[]; deadlines: Deadline[]; today: string }> {
  const { consentEvents, flats, objections, stageEvents, stairwells } = db.t;
  const states = await loadStairwellStates(db, estateId);
  const ids = states.map((s) => s.row.id);
  const events = ids.length
    ? await db.select().from(stageEvents).innerJoin(stairwells, eq(stairwells.id, stageEvents.stairwellId)).where(eq(stairwells.estateId, estateId)).orderBy(asc(stageEvents.at), asc(stageEvents.id))
    : [];
  const objectionRows = ids.length
    ? await db
        .select({ o: objections, room: flats.room })
        .from(objections)
        .leftJoin(flats, eq(flats.id, objections.flatId))
        .where(inArray(objections.stairwellId, ids))
        .orderBy(asc(objections.receivedOn), asc(objections.id))
    : [];
  const metIds = states.filter((s) => s.row.stage === 'canvassing' && ruleMetOf(s)).map((s) => s.row.id);
  const consent = metIds.length
    ? await db
        .select({ flatId: consentEvents.flatId, to: consentEvents.toStatus, at: consentEvents.at, stairwellId: flats.stairwellId })
        .from(consentEvents)
        .innerJoin(flats, eq(flats.id, consentEvents.flatId))
        .where(inArray(flats.stairwellId, metIds))
        .orderBy(asc(consentEvents.at), asc(consentEvents.id))
    : [];
  const live = await liveEvidenceIn(db, ids);
  const legal = await loadLegalRecords(db, ids);
  const services = await loadLiftServices(db, ids);
  const today = shanghaiDay(now);
  const inService = states.flatMap((s) => {
    if (s.row.stage !== 'in_service') return [];
    const steps = effectiveHistory(events.filter((e) => e.stage_events.stairwellId === s.row.id).map((e) => e.stage_events));
    const on = stepInto(steps, 'in_service')?.on;
    return on ? [{ id: s.row.id, on }] : [];
  });
  const upkeep = await liftsUpkeep(db, inService, today);
  const followUpsLate = await overdueFollowUps(db, ids, today);
  const list = states.map((s): PipelineStairwell => {
    const steps = effectiveHistory(events.filter((e) => e.stage_events.stairwellId === s.row.id).map((e) => e.stage_events));
    const at = standing(steps);
    const notice = s.row.stage === 'public_notice' ? stepInto(steps, 'public_notice') : null;
    const ruleMet = ruleMetOf(s);
    const since = s.row.stage === 'canvassing' && ruleMet
      ? ruleMetSince(
          s.flats.map((f) => ({ flatId: String(f.id), voterId: String(f.voterId), areaM2: f.areaCentiM2 === null ? null : f.areaCentiM2 / 100 })),
          consent.filter((c) => c.stairwellId === s.row.id).map((c) => ({ flatId: String(c.flatId), to: c.to, at: c.at })),
        )
      : null;
    return {
      id: s.row.id,
      doorNumber: s.row.doorNumber,
      stage: s.row.stage,
      stageOn: at.on,
      stageReason: s.row.stageReason,
      resumeStage: s.row.resumeStage ?? at.resumeStage,
      ruleMet,
      ruleMetSince: since,
      windows: notice ? noticeWindows(notice.on, notice.event.details?.noticeDays ?? MIN_NOTICE_DAYS, notice.event.details?.objectionDays ?? MIN_OBJECTION_DAYS) : null,
      steps: steps.map((x) => ({ stage: x.event.toStage, on: x.on, details: x.event.details })),
      lastStep: at.last ? { stage: at.last.event.toStage, on: at.last.on } : null,
      objections: objectionRows
        .filter((r) => r.o.stairwellId === s.row.id)
        .map((r) => ({
          id: r.o.id,
          room: r.room,
          fromAddress: r.o.fromAddress,
          distanceM: r.o.distanceM,
          postmarkedOn: r.o.postmarkedOn,
          receivedOn: r.o.receivedOn,
          content: r.o.content,
          status: r.o.status,
          note: r.o.resolutionNote,
          resolvedOn: r.o.resolvedOn,
          bureauAnswer: r.o.bureauAnswer,
        })),
      service: services.get(s.row.id) ?? null,
      upkeep: upkeep.get(s.row.id) ?? null,
      legal: legal.filter((r) => r.stairwellId === s.row.id).map(({ stairwellId: _, ...r }) => r),
      unverifiedVotes: s.flats.filter((f) => ['missing', 'pending'].includes(evidenceStateOf(s.row.id, f, live))).length,
    };
  });
  const due = deadlines(
    list.map((s) => ({
      stairwellId: s.id,
      doorNumber: s.doorNumber,
      stage: s.stage,
      ruleMetSince: s.ruleMetSince,
      windows: s.windows,
      openObjections: s.objections.filter((o) => o.status === 'mediating').length,
      objectionsReceived: s.objections.length,
      postGraceDays: s.steps.findLast((x) => x.stage === 'public_notice')?.details?.postGraceDays,
      stageDates: Object.fromEntries(s.steps.map((x) => [x.stage, x.on])),
      legal: legalDatesOf(legal, s.id),
      service: s.service,
      upkeep: s.upkeep,
      followUpsOverdue: followUpsLate.get(s.id) ?? 0,
    })),
    today,
  );
  return { stairwells: list, deadlines: due, today };
}
