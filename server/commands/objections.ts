import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { OBJECTION_OUTCOMES } from '../../geo/stages/index.ts';
import { shanghaiDay, shanghaiIso } from '../../geo/time/index.ts';
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
  /** The room of this stairwell it comes from, as the register writes it (e.g. 101)… */
  room: z.string().trim().min(1, 'expected a room number').max(20, 'expected a room number of at most 20 characters').optional(),
  /** …or a neighbour's address in another building, and its distance from the lift in metres (the notice is addressed to adjacent residents). */
  fromAddress: z.string().trim().min(2, 'expected the address it comes from').max(100, 'expected an address of at most 100 characters').optional(),
  distanceM: z.number().int('expected whole metres').min(0, 'expected 0 m or more').max(2000, 'expected at most 2,000 m').optional(),
  content: z.string().trim().min(2, 'expected what the objection says').max(1000, 'expected at most 1,000 characters'),
  /** A letter's postmark: it counts, not the day it arrived. */
  postmarkedOn: isoDay.optional(),
  receivedOn: isoDay,
});

/**
 * A written objection received during 公示 (SPEC §4): from a room of the
 * stairwell or a neighbour's address (with its distance), what it says, when
 * it arrived and, for a letter, its postmark. A letter postmarked within the
 * window counts however late it arrives. It goes to mediation, and the
 * stairwell cannot leave 公示 until it is resolved.
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
    if ((input.room === undefined) === (input.fromAddress === undefined))
      throw refuse.badInput('room：请填写本门洞的室号，或相邻楼栋的地址（二者选一）', 'room: expected a room of this stairwell or a neighbour’s address, one of the two', 'room');
    if (input.fromAddress !== undefined && input.distanceM === undefined)
      throw refuse.badInput('distanceM：相邻楼栋的异议请填写其与加梯位置的距离（米）', 'distanceM: expected the neighbour’s distance from the lift in metres', 'distanceM');
    const flat = input.room === undefined ? null : s.flats.find((f) => f.room === input.room);
    if (flat === undefined)
      throw refuse.badInput(
        `room：${door} 没有 ${input.room} 室（本门洞的室号：${s.flats.map((f) => f.room).join('、')}）；相邻楼栋的异议请填写地址`,
        `room: ${door} has no room ${input.room}; a neighbour's objection takes an address`,
        'room',
      );
    const today = shanghaiDay(now);
    if (input.receivedOn < w.start || input.receivedOn > today)
      throw refuse.badInput(
        `receivedOn：收到日期应在公示开始 ${w.start} 之后，且不晚于今天，收到 ${input.receivedOn}`,
        `receivedOn: expected a date from ${w.start}, not after today, got ${input.receivedOn}`,
        'receivedOn',
      );
    const posted = input.postmarkedOn;
    if (posted !== undefined && (posted < w.start || posted > input.receivedOn))
      throw refuse.badInput(
        `postmarkedOn：邮戳日期应在公示开始 ${w.start} 至收到日期 ${input.receivedOn} 之间，收到 ${posted}`,
        `postmarkedOn: expected a postmark from ${w.start} to the day received (${input.receivedOn}), got ${posted}`,
        'postmarkedOn',
      );
    // By hand it counts the day it arrived; by post, the day it was posted (以寄出邮戳为准).
    const counts = posted ?? input.receivedOn;
    if (counts > w.objectionsUntil)
      throw refuse.badInput(
        posted
          ? `postmarkedOn：异议期至 ${w.objectionsUntil}，邮戳 ${posted} 已过期，不予登记`
          : `receivedOn：异议期至 ${w.objectionsUntil}，${input.receivedOn} 收到的异议已过期；邮寄的信件以寄出邮戳为准，请填写邮戳日期`,
        posted ? `postmarkedOn: the window closed on ${w.objectionsUntil}; postmarked ${posted}` : `receivedOn: the window closed on ${w.objectionsUntil}; a letter counts by its postmark: give its date`,
        posted ? 'postmarkedOn' : 'receivedOn',
      );
    const [row] = await tx
      .insert(objections)
      .values({
        stairwellId: s.row.id,
        flatId: flat?.id ?? null,
        fromAddress: input.fromAddress ?? null,
        distanceM: input.fromAddress === undefined ? null : (input.distanceM ?? null),
        postmarkedOn: posted ?? null,
        receivedOn: input.receivedOn,
        content: input.content,
      })
      .returning({ id: objections.id });
    await record({ kind: 'objections', estateId: s.row.estateId, at: shanghaiIso(now) });
    return { id: row!.id, doorNumber: door, room: flat?.room ?? null, fromAddress: input.fromAddress ?? null };
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
    const today = shanghaiDay(now);
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
