import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { checkLegalRecord, LEGAL_KINDS, LEGAL_ZH, stageIndex, type LegalKind, type Stage } from '../../geo/stages/index.ts';
import { shanghaiDay, shanghaiIso } from '../../geo/time/index.ts';
import { WHO } from '../auth/authorise.ts';
import { legalDatesOf, loadLegalRecords, objectionsReceived } from '../campaign/legal-records.ts';
import { loadStageHistory } from '../campaign/stage-history.ts';
import { first } from '../db/database.ts';
import { loadStairwellState } from '../queries/stairwell-states.ts';
import { Refusal, refuse } from '../refusal.ts';
import { defineCommand } from './command.ts';
import { isoDay, stairwellId } from './stage-input.ts';
import { estateOf } from './write-scope.ts';

export const recordLegalInput = z.object({
  stairwellId,
  kind: z.enum(LEGAL_KINDS),
  on: isoDay,
  /** The document's number: the reply's reference, the notice's, the inspection report's, the registration certificate's. */
  reference: z.string().trim().max(60, 'expected a reference of at most 60 characters').optional(),
  /** Who received the technical file, what the post check found … */
  note: z.string().trim().max(300, 'expected a note of at most 300 characters').optional(),
  /** The bureau's reply: how it answered each objection received, one answer per objection. */
  answers: z
    .array(z.object({ objectionId: z.number().int().positive().max(2 ** 31), answer: z.string().trim().min(2, 'expected how the objection was answered').max(300, 'expected at most 300 characters') }))
    .max(200)
    .optional(),
});

/**
 * Records one of the steps the law adds between stages (geo/stages/legal-steps.ts): checked there against the
 * stairwell's stage, dates and objections, written in one transaction. The bureau's reply carries its answer to every
 * objection received.
 */
export const recordLegal = defineCommand({
  roles: WHO.staff,
  input: recordLegalInput,
  estate: (input, db) => estateOf.stairwell(db, input.stairwellId),
  run: async ({ tx, now, record, user }, input) => {
    const { legalRecords, objections } = tx.t;
    const s = await loadStairwellState(tx, input.stairwellId);
    const door = s.row.doorNumber;
    const history = await loadStageHistory(tx, input.stairwellId);
    const noticeStep = history.steps.findLast((x) => x.event.toStage === 'public_notice');
    const received = await objectionsReceived(tx, input.stairwellId);
    const stage: Stage = s.row.stage === 'suspended' ? (history.resumeStage ?? 'canvassing') : s.row.stage;
    const refusal = checkLegalRecord({
      kind: input.kind,
      on: input.on,
      reference: input.reference ?? null,
      today: shanghaiDay(now),
      stage,
      stageDates: Object.fromEntries(history.steps.map((x) => [x.event.toStage, x.on])),
      notice: noticeStep ? { start: noticeStep.on, noticeDays: noticeStep.event.details?.noticeDays ?? 10, objectionDays: noticeStep.event.details?.objectionDays ?? 7 } : null,
      objections: received,
      existing: legalDatesOf(await loadLegalRecords(tx, [input.stairwellId]), input.stairwellId),
    });
    if (refusal) throw new Refusal(refusal.code === 'already_recorded' ? 'conflict' : 'precondition', `${door}：${refusal.zh}`, `${door}: ${refusal.message}`, refusal.field);
    if (input.kind === 'bureau_reply') {
      const rows = await tx.select({ id: objections.id }).from(objections).where(eq(objections.stairwellId, input.stairwellId));
      const given = new Map((input.answers ?? []).map((a) => [a.objectionId, a.answer]));
      const missing = rows.filter((r) => !given.has(r.id));
      const foreign = [...given.keys()].filter((k) => !rows.some((r) => r.id === k));
      if (missing.length > 0 || foreign.length > 0)
        throw refuse.badInput(
          `answers：规划资源局的答复须逐份说明（本门洞收到 ${rows.length} 份书面异议，填写了 ${given.size} 份${foreign.length ? `，其中 ${foreign.length} 份不属于本门洞` : ''}）`,
          `answers: expected one answer for each of the ${rows.length} objection(s) of this stairwell`,
          'answers',
        );
      for (const [id, answer] of given) await tx.update(objections).set({ bureauAnswer: answer }).where(eq(objections.id, id));
    }
    const at = shanghaiIso(now);
    const [row] = await tx
      .insert(legalRecords)
      .values({ stairwellId: input.stairwellId, kind: input.kind, on: input.on, reference: input.reference || null, note: input.note || null, recordedBy: user.username, at })
      .returning({ id: legalRecords.id });
    await record({ kind: 'objections', estateId: s.row.estateId, at });
    return { id: row!.id, doorNumber: door, kind: input.kind, on: input.on };
  },
});

/** The stage a record lets the stairwell enter: it cannot be taken back once the stairwell has gone past it (undo the stage first). */
const OPENS: Partial<Record<LegalKind, Stage>> = {
  post_checked: 'design_approved',
  bureau_reply: 'design_approved',
  construction_notice: 'under_construction',
  supervision_inspection: 'in_service',
};

/** Takes back a legal record entered by mistake: marked withdrawn (nothing is deleted), with why. */
export const withdrawLegal = defineCommand({
  roles: WHO.staff,
  input: z.object({ recordId: z.number().int().positive().max(2 ** 31), reason: z.string().trim().min(2, 'expected why it is taken back').max(200, 'expected at most 200 characters') }),
  run: async ({ tx, now, record, user }, input) => {
    const { legalRecords, stairwells } = tx.t;
    const found = await first(
      tx
        .select({ r: legalRecords, stage: stairwells.stage, door: stairwells.doorNumber, estateId: stairwells.estateId })
        .from(legalRecords)
        .innerJoin(stairwells, eq(stairwells.id, legalRecords.stairwellId))
        .where(and(eq(legalRecords.id, input.recordId), isNull(legalRecords.withdrawnAt))),
    );
    if (!found) throw refuse.notFound(`没有编号为 ${input.recordId} 的有效手续记录`, `no standing legal record ${input.recordId}`);
    const opens = OPENS[found.r.kind];
    if (opens && found.stage !== 'suspended' && stageIndex(found.stage) >= stageIndex(opens))
      throw refuse.precondition(
        `${found.door}：已进入后续阶段，不能撤销“${LEGAL_ZH[found.r.kind]}”；如确有误，请先撤销阶段`,
        `${found.door}: the stairwell has moved past it; undo the stage first`,
      );
    const at = shanghaiIso(now);
    await tx
      .update(legalRecords)
      .set({ withdrawnAt: at, note: `${found.r.note ? `${found.r.note} · ` : ''}撤销（${user.username}）：${input.reason}` })
      .where(eq(legalRecords.id, input.recordId));
    await record({ kind: 'objections', estateId: found.estateId, at });
    return { id: input.recordId, doorNumber: found.door, kind: found.r.kind };
  },
});
