import { and, asc, count, eq } from 'drizzle-orm';
import { DEFAULT_POST_GRACE_DAYS, effectiveHistory, noticeWindows, standing, stepInto, MIN_NOTICE_DAYS, MIN_OBJECTION_DAYS, type NoticeWindows } from '../../geo/stages/index.ts';
import { first, type Db } from '../db/database.ts';
import type { stageEvents } from '../db/schema.ts';

export type StageEventRow = typeof stageEvents.$inferSelect;

/** A stairwell's stage events in order, and what still stands of them after undos. */
export async function loadStageHistory(db: Db, stairwellId: number) {
  const { stageEvents } = db.t;
  const events = await db.select().from(stageEvents).where(eq(stageEvents.stairwellId, stairwellId)).orderBy(asc(stageEvents.at), asc(stageEvents.id));
  const steps = effectiveHistory(events);
  const now = standing(steps);
  const noticeStep = now.stage === 'public_notice' ? stepInto(steps, 'public_notice') : null;
  const notice = noticeStep
    ? {
        start: noticeStep.on,
        noticeDays: noticeStep.event.details?.noticeDays ?? MIN_NOTICE_DAYS,
        objectionDays: noticeStep.event.details?.objectionDays ?? MIN_OBJECTION_DAYS,
        postGraceDays: noticeStep.event.details?.postGraceDays ?? DEFAULT_POST_GRACE_DAYS,
      }
    : null;
  return { events, steps, ...now, notice, windows: notice ? noticeWindows(notice.start, notice.noticeDays, notice.objectionDays) : (null as NoticeWindows | null) };
}

/** Objections of a stairwell still in mediation. */
export async function openObjections(db: Db, stairwellId: number): Promise<number> {
  const { objections } = db.t;
  return (await first(db.select({ n: count() }).from(objections).where(and(eq(objections.stairwellId, stairwellId), eq(objections.status, 'mediating')))))!.n;
}

/** Where each stairwell of an estate stands: its stage's own date, and 公示's closing day while in 公示; one query. */
export async function loadStandings(db: Db, estateId: number) {
  const { stageEvents, stairwells } = db.t;
  const rows = await db
    .select({ e: stageEvents })
    .from(stageEvents)
    .innerJoin(stairwells, eq(stairwells.id, stageEvents.stairwellId))
    .where(eq(stairwells.estateId, estateId))
    .orderBy(asc(stageEvents.at), asc(stageEvents.id));
  const byStairwell = new Map<number, StageEventRow[]>();
  for (const { e } of rows) byStairwell.set(e.stairwellId, [...(byStairwell.get(e.stairwellId) ?? []), e]);
  const out = new Map<number, { stage: ReturnType<typeof standing>['stage']; on: string | null; noticeClosedOn: string | null; startedOn: string | null; acceptedOn: string | null }>();
  for (const [id, events] of byStairwell) {
    const steps = effectiveHistory(events);
    const now = standing(steps);
    const notice = now.stage === 'public_notice' ? stepInto(steps, 'public_notice') : null;
    out.set(id, {
      stage: now.stage,
      on: now.on,
      noticeClosedOn: notice ? noticeWindows(notice.on, notice.event.details?.noticeDays ?? MIN_NOTICE_DAYS, notice.event.details?.objectionDays ?? MIN_OBJECTION_DAYS).closedOn : null,
      startedOn: stepInto(steps, 'under_construction')?.on ?? null,
      acceptedOn: stepInto(steps, 'accepted')?.on ?? null,
    });
  }
  return out;
}
export type Standing = NonNullable<ReturnType<Awaited<ReturnType<typeof loadStandings>>['get']>>;
