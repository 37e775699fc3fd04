import { randomBytes, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, gte } from 'drizzle-orm';
import { z } from 'zod';
import { checkFaultTimes, checkRepairApproval, FAULT_KINDS, VISIT_KINDS, type FaultTimes } from '../../geo/lifecycle/index.ts';
import { shanghaiIso } from '../../geo/time/index.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { WHO } from '../auth/authorise.ts';
import { loadLiftServices } from '../campaign/lift-services.ts';
import { first, type Db } from '../db/database.ts';
import { refuse } from '../refusal.ts';
import { defineCommand } from './command.ts';
import { isoDay, stairwellId } from './stage-input.ts';
import { estateOf } from './write-scope.ts';

const rowId = z.number().int().positive().max(2 ** 31);
/** A time as a phone's datetime-local input gives it, in Shanghai: YYYY-MM-DDTHH:MM. */
const localTime = z
  .string()
  .regex(/^20\d\d-\d\d-\d\dT\d\d:\d\d$/, 'expected a Shanghai time YYYY-MM-DDTHH:MM')
  .refine((t) => !Number.isNaN(Date.parse(`${t}:00+08:00`)) && new Date(Date.parse(`${t}:00+08:00`) + 8 * 3_600_000).toISOString().slice(0, 16) === t, 'expected a real time');
const asStored = (t: string | undefined | null) => (t ? `${t}:00+08:00` : null);
/** Everything above ¥200,000 is a new lift, not a repair. */
const MAX_REPAIR_FEN = 20_000_000;

/** The secret of a lift's QR sticker, made once with its first agreement. */
export async function ensureLiftTag(tx: Db, id: number): Promise<string> {
  const { liftTags } = tx.t;
  const found = await first(tx.select({ tag: liftTags.tag }).from(liftTags).where(eq(liftTags.stairwellId, id)));
  if (found) return found.tag;
  const tag = randomBytes(12).toString('base64url');
  await tx.insert(liftTags).values({ stairwellId: id, tag });
  return tag;
}

const sameTag = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The lift of `id` as `user` may touch it: in service, and for a maintainer's account only a lift whose current
 * agreement names its licence. A maintainer is told only that the lift is not theirs, nothing about whose it is.
 */
export async function liftFor(tx: Db, user: SessionUser, id: number) {
  const { stairwells } = tx.t;
  const row = await first(tx.select({ doorNumber: stairwells.doorNumber, estateId: stairwells.estateId, stage: stairwells.stage }).from(stairwells).where(eq(stairwells.id, id)));
  if (!row) throw refuse.notFound(`没有编号为 ${id} 的门洞`, `no stairwell ${id}`);
  const service = (await loadLiftServices(tx, [id])).get(id) ?? null;
  if (user.role === 'maintainer' && (!service || service.maintainerLicence !== user.maintainerLicence))
    throw refuse.forbidden(`${row.doorNumber} 的电梯不由贵单位维保，不能登记或查看`, `${row.doorNumber}: this lift is not maintained under your licence`);
  if (row.stage !== 'in_service') throw refuse.precondition(`${row.doorNumber} 的电梯尚未投入使用`, `${row.doorNumber}: the lift is not in service`);
  return { ...row, service };
}

export const recordVisitInput = z.object({
  stairwellId,
  /** The secret read from the QR code in the car: the visit is recorded at the lift. */
  tag: z.string().trim().min(1, 'expected the code scanned from the lift').max(64, 'expected the code scanned from the lift'),
  kind: z.enum(VISIT_KINDS),
  note: z.string().trim().max(200, 'expected a note of at most 200 characters').optional(),
});

/**
 * A maintenance visit, recorded by scanning the lift's QR code (its time is now). Refused for another maintainer's
 * lift, with a code that is not this lift's, and twice within an hour (a second tap).
 */
export const recordMaintenanceVisit = defineCommand({
  roles: WHO.upkeep,
  input: recordVisitInput,
  estate: (input, db) => estateOf.stairwell(db, input.stairwellId),
  run: async ({ tx, now, record, user }, input) => {
    const lift = await liftFor(tx, user, input.stairwellId);
    if (!lift.service) throw refuse.precondition(`${lift.doorNumber} 尚未登记维保合同，不能登记维保`, `${lift.doorNumber}: no maintenance agreement recorded`);
    const { liftTags, maintenanceVisits } = tx.t;
    const tag = await first(tx.select({ tag: liftTags.tag }).from(liftTags).where(eq(liftTags.stairwellId, input.stairwellId)));
    if (!tag || !sameTag(tag.tag, input.tag))
      throw refuse.badInput(`tag：二维码与 ${lift.doorNumber} 的电梯不符，请扫描该电梯轿厢内的二维码`, `tag: the code scanned is not this lift's`, 'tag');
    const at = shanghaiIso(now);
    const hourAgo = shanghaiIso(new Date(now.getTime() - 3_600_000));
    const recent = await first(
      tx
        .select({ at: maintenanceVisits.visitedAt })
        .from(maintenanceVisits)
        .where(and(eq(maintenanceVisits.stairwellId, input.stairwellId), gte(maintenanceVisits.visitedAt, hourAgo)))
        .orderBy(desc(maintenanceVisits.visitedAt)),
    );
    if (recent) throw refuse.conflict(`${lift.doorNumber} 的维保已于 ${recent.at.slice(11, 16)} 登记`, `${lift.doorNumber}: a visit was recorded at ${recent.at}`);
    await tx.insert(maintenanceVisits).values({
      stairwellId: input.stairwellId,
      visitedAt: at,
      kind: input.kind,
      maintainerLicence: lift.service.maintainerLicence,
      note: input.note || null,
      recordedBy: user.username,
      at,
    });
    await record({ kind: 'upkeep', estateId: lift.estateId, at });
    return { doorNumber: lift.doorNumber, visitedAt: at };
  },
});

const faultTimesInput = {
  arrivedAt: localTime.optional(),
  releasedAt: localTime.optional(),
  resolvedAt: localTime.optional(),
};

export const reportFaultInput = z.object({
  stairwellId,
  kind: z.enum(FAULT_KINDS),
  alarmAt: localTime,
  ...faultTimesInput,
  description: z.string().trim().min(2, 'expected what happened, 2–200 characters').max(200, 'expected what happened, 2–200 characters'),
});

function checked(f: FaultTimes, now: Date, door: string) {
  const problem = checkFaultTimes(f, shanghaiIso(now));
  if (problem) throw refuse.badInput(`${problem.field}：${door} ${problem.zh}`, `${problem.field}: ${problem.message}`, problem.field);
}

/** A fault or trapped-passenger incident, by the lift's maintainer or the committee (a resident's call). */
export const reportFault = defineCommand({
  roles: WHO.upkeep,
  input: reportFaultInput,
  estate: (input, db) => estateOf.stairwell(db, input.stairwellId),
  run: async ({ tx, now, record, user }, input) => {
    const lift = await liftFor(tx, user, input.stairwellId);
    const f: FaultTimes = { kind: input.kind, alarmAt: asStored(input.alarmAt)!, arrivedAt: asStored(input.arrivedAt), releasedAt: asStored(input.releasedAt), resolvedAt: asStored(input.resolvedAt) };
    checked(f, now, lift.doorNumber);
    const at = shanghaiIso(now);
    const [row] = await tx
      .insert(tx.t.liftFaults)
      .values({ stairwellId: input.stairwellId, ...f, description: input.description, recordedBy: user.username, at })
      .returning({ id: tx.t.liftFaults.id });
    await record({ kind: 'upkeep', estateId: lift.estateId, at });
    return { id: row!.id, doorNumber: lift.doorNumber };
  },
});

/** Arrival, release and repair times added as they happen; each is set once and never changed. */
export const updateFault = defineCommand({
  roles: WHO.upkeep,
  input: z.object({
    faultId: rowId,
    ...faultTimesInput,
    /** A time that is now, by the server's clock (the phone's 现在到场 / 现在解困 / 已恢复运行). */
    now: z.enum(['arrivedAt', 'releasedAt', 'resolvedAt']).optional(),
  }),
  run: async ({ tx, now, record, user }, input) => {
    const { liftFaults } = tx.t;
    const row = await first(tx.select().from(liftFaults).where(eq(liftFaults.id, input.faultId)));
    if (!row) throw refuse.notFound(`没有编号为 ${input.faultId} 的故障记录`, `no fault ${input.faultId}`);
    const lift = await liftFor(tx, user, row.stairwellId);
    const next: FaultTimes = { kind: row.kind, alarmAt: row.alarmAt, arrivedAt: row.arrivedAt, releasedAt: row.releasedAt, resolvedAt: row.resolvedAt };
    for (const field of ['arrivedAt', 'releasedAt', 'resolvedAt'] as const) {
      const value = input.now === field ? `${shanghaiIso(now).slice(0, 16)}:00+08:00` : asStored(input[field]);
      if (value === null) continue;
      if (row[field] !== null && row[field] !== value) throw refuse.conflict(`${field}：${lift.doorNumber} 此时间已登记为 ${row[field].slice(0, 16).replace('T', ' ')}，不能修改`, `${field}: already recorded as ${row[field]}`);
      next[field] = value;
    }
    checked(next, now, lift.doorNumber);
    const at = shanghaiIso(now);
    await tx.update(liftFaults).set({ arrivedAt: next.arrivedAt, releasedAt: next.releasedAt, resolvedAt: next.resolvedAt }).where(eq(liftFaults.id, input.faultId));
    await record({ kind: 'upkeep', estateId: lift.estateId, at });
    return { doorNumber: lift.doorNumber };
  },
});

/** A repair from the maintenance fund, posted to the owners on `noticedOn`; staff only. */
export const proposeRepair = defineCommand({
  roles: WHO.staff,
  input: z.object({
    stairwellId,
    description: z.string().trim().min(2, 'expected the repair, 2–200 characters').max(200, 'expected the repair, 2–200 characters'),
    amountFen: z.number().int('expected whole fen').min(1, 'expected an amount above zero').max(MAX_REPAIR_FEN, 'expected a repair of at most ¥200,000'),
    noticedOn: isoDay,
  }),
  estate: (input, db) => estateOf.stairwell(db, input.stairwellId),
  run: async ({ tx, now, record, user }, input) => {
    const lift = await liftFor(tx, user, input.stairwellId);
    const at = shanghaiIso(now);
    if (input.noticedOn > at.slice(0, 10)) throw refuse.badInput(`noticedOn：公示日期 ${input.noticedOn} 晚于今天`, `noticedOn: ${input.noticedOn} is after today`, 'noticedOn');
    const [row] = await tx.insert(tx.t.liftRepairs).values({ ...input, recordedBy: user.username, at }).returning({ id: tx.t.liftRepairs.id });
    await record({ kind: 'upkeep', estateId: lift.estateId, at });
    return { id: row!.id };
  },
});

/** The owners' approval of a posted repair (after 7 days' notice), then its completion. */
export const settleRepair = defineCommand({
  roles: WHO.staff,
  input: z.object({ repairId: rowId, approvedOn: isoDay.optional(), doneOn: isoDay.optional() }),
  run: async ({ tx, now, record, user }, input) => {
    const { liftRepairs } = tx.t;
    const row = await first(tx.select().from(liftRepairs).where(eq(liftRepairs.id, input.repairId)));
    if (!row) throw refuse.notFound(`没有编号为 ${input.repairId} 的维修`, `no repair ${input.repairId}`);
    const lift = await liftFor(tx, user, row.stairwellId);
    const at = shanghaiIso(now);
    const today = at.slice(0, 10);
    const approvedOn = input.approvedOn ?? row.approvedOn;
    if (input.approvedOn) {
      if (row.approvedOn) throw refuse.conflict(`approvedOn：该维修已于 ${row.approvedOn} 批准`, `approvedOn: already approved on ${row.approvedOn}`);
      const problem = checkRepairApproval(row.noticedOn, input.approvedOn, today);
      if (problem) throw refuse.badInput(`${problem.field}：${lift.doorNumber} ${problem.zh}`, `${problem.field}: ${problem.message}`, problem.field);
    }
    if (input.doneOn) {
      if (!approvedOn) throw refuse.precondition(`doneOn：维修资金使用尚未批准`, 'doneOn: the repair is not approved yet');
      if (input.doneOn < approvedOn || input.doneOn > today)
        throw refuse.badInput(`doneOn：完工日期应在批准日 ${approvedOn} 与今天之间`, `doneOn: expected a day from ${approvedOn} to today`, 'doneOn');
    }
    await tx.update(liftRepairs).set({ approvedOn, doneOn: input.doneOn ?? row.doneOn }).where(eq(liftRepairs.id, input.repairId));
    await record({ kind: 'upkeep', estateId: lift.estateId, at });
    return { ok: true as const };
  },
});
