import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { OBJECTION_OUTCOMES } from '../../geo/stages/index.ts';
import { shanghaiIso } from '../../geo/time/index.ts';
import { loadStageHistory } from '../campaign/stage-history.ts';
import { first } from '../db/database.ts';
import { loadStairwellState } from '../queries/stairwell-states.ts';
import { WHO } from '../auth/authorise.ts';
import { defineCommand } from './command.ts';
import { refuse } from '../refusal.ts';
import { isoDay, stairwellId } from './stage-input.ts';
import { estateOf } from './write-scope.ts';

/** How an objection ended, in the committee's words (the refusal names it). */
const OUTCOME_ZH: Record<string, string> = { mediating: '调解中', withdrawn: '已撤回', mediated: '调解达成', overruled: '不予采纳' };

export const recordObjectionInput = z.object({
  stairwellId,
  /** The room it comes from, as the register writes it (e.g. 101). */
  room: z.string().trim().min(1, 'expected a room number').max(20, 'expected a room number of at most 20 characters'),
  content: z.string().trim().min(2, 'expected what the objection says').max(1000, 'expected at most 1,000 characters'),
  receivedOn: isoDay,
});

/**
 * A written objection received during 公示 (SPEC §4): from which room of the
 * stairwell, what it says and when; it goes to mediation, and the stairwell
 * cannot leave 公示 until it is resolved.
 */
export const recordObjection = defineCommand({
  roles: WHO.staff,
  input: recordObjectionInput,
  estate: (input, db) => estateOf.stairwell(db, input.stairwellId),
  run: async ({ tx, now, record }, input) => {
    const { objections } = tx.t;
    const s = await loadStairwellState(tx, input.stairwellId);
    const door = s.row.doorNumber;
    const history = await loadStageHistory(tx, input.stairwellId);
    const w = history.windows;
    if (history.stage !== 'public_notice' || !w) throw refuse.precondition(`${door} 不在公示阶段，书面异议只在公示期间登记`, `${door} is not in public notice; objections are recorded during the notice`);
    const flat = s.flats.find((f) => f.room === input.room);
    if (!flat)
      throw refuse.badInput(
        `room：${door} 没有 ${input.room} 室（本门洞的室号：${s.flats.map((f) => f.room).join('、')}）`,
        `room: ${door} has no room ${input.room}`,
        'room',
      );
    const today = shanghaiIso(now).slice(0, 10);
    if (input.receivedOn < w.start || input.receivedOn > w.objectionsUntil || input.receivedOn > today)
      throw refuse.badInput(
        `receivedOn：收到日期应在公示开始 ${w.start} 至异议期结束 ${w.objectionsUntil} 之间，且不晚于今天，收到 ${input.receivedOn}`,
        `receivedOn: expected a date from ${w.start} to ${w.objectionsUntil}, not after today, got ${input.receivedOn}`,
        'receivedOn',
      );
    const [row] = await tx.insert(objections).values({ stairwellId: s.row.id, flatId: flat.id, receivedOn: input.receivedOn, content: input.content }).returning({ id: objections.id });
    await record({ kind: 'objections', estateId: s.row.estateId, at: shanghaiIso(now) });
    return { id: row!.id, doorNumber: door, room: flat.room };
  },
});

export const resolveObjectionInput = z
  .object({
    objectionId: z.number().int().positive().max(2 ** 31),
    outcome: z.enum(OBJECTION_OUTCOMES),
    note: z.string().trim().max(500, 'expected a note of at most 500 characters').optional(),
    resolvedOn: isoDay,
  })
  .refine((o) => o.outcome !== 'overruled' || (o.note?.length ?? 0) >= 2, { path: ['note'], message: 'an overruled objection needs a note saying why' });

/** How an objection in mediation ended: withdrawn, mediated, or overruled with a note. */
export const resolveObjection = defineCommand({
  roles: WHO.staff,
  input: resolveObjectionInput,
  run: async ({ tx, now, record }, input) => {
    const { objections, stairwells } = tx.t;
    const found = await first(
      tx.select({ o: objections, estateId: stairwells.estateId, door: stairwells.doorNumber }).from(objections).innerJoin(stairwells, eq(stairwells.id, objections.stairwellId)).where(eq(objections.id, input.objectionId)),
    );
    if (!found) throw refuse.notFound(`没有编号为 ${input.objectionId} 的书面异议`, `no objection ${input.objectionId}`);
    if (found.o.status !== 'mediating') throw refuse.conflict(`该书面异议已处理（${OUTCOME_ZH[found.o.status]}）`, `objection ${input.objectionId} is already resolved (${found.o.status})`);
    const today = shanghaiIso(now).slice(0, 10);
    if (input.resolvedOn < found.o.receivedOn || input.resolvedOn > today)
      throw refuse.badInput(`resolvedOn：处理日期应在收到日期 ${found.o.receivedOn} 至今天之间，收到 ${input.resolvedOn}`, `resolvedOn: expected ${found.o.receivedOn} to today, got ${input.resolvedOn}`, 'resolvedOn');
    await tx
      .update(objections)
      .set({ status: input.outcome, resolutionNote: input.note ?? null, resolvedOn: input.resolvedOn })
      .where(and(eq(objections.id, input.objectionId), eq(objections.status, 'mediating')));
    await record({ kind: 'objections', estateId: found.estateId, at: shanghaiIso(now) });
    return { id: input.objectionId, doorNumber: found.door, outcome: input.outcome };
  },
});
