import { and, asc, count, eq } from 'drizzle-orm';
import { effectiveHistory, noticeWindows, standing, stepInto, MIN_NOTICE_DAYS, MIN_OBJECTION_DAYS, type NoticeWindows } from '../../geo/stages/index.ts';
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
    ? { start: noticeStep.on, noticeDays: noticeStep.event.details?.noticeDays ?? MIN_NOTICE_DAYS, objectionDays: noticeStep.event.details?.objectionDays ?? MIN_OBJECTION_DAYS }
    : null;
  return { events, steps, ...now, notice, windows: notice ? noticeWindows(notice.start, notice.noticeDays, notice.objectionDays) : (null as NoticeWindows | null) };
}

/** Objections of a stairwell still in mediation. */
export async function openObjections(db: Db, stairwellId: number): Promise<number> {
  const { objections } = db.t;
  return (await first(db.select({ n: count() }).from(objections).where(and(eq(objections.stairwellId, stairwellId), eq(objections.status, 'mediating')))))!.n;
}
