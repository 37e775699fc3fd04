import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { checkAgreement, MONEY_KINDS, SPLIT_METHODS, subsidyFen } from '../../geo/cost/index.ts';
import { stageIndex, stepInto } from '../../geo/stages/index.ts';
import { shanghaiDay, shanghaiIso } from '../../geo/time/index.ts';
import { WHO } from '../auth/authorise.ts';
import { loadStageHistory } from '../campaign/stage-history.ts';
import { latestAgreement, ledgerFlats } from '../campaign/stairwell-money.ts';
import { first } from '../db/database.ts';
import { loadStairwellState } from '../queries/stairwell-states.ts';
import { refuse } from '../refusal.ts';
import { defineCommand } from './command.ts';
import { isoDay, stairwellId } from './stage-input.ts';
import { estateOf } from './write-scope.ts';

const fen = (what: string) => z.number().int(`expected ${what} in whole fen`).min(1, `expected ${what} above 0`).max(200_000_000, `expected ${what} of at most ¥2,000,000`);
const notAfterToday = (on: string, today: string, field: string) => {
  if (on > today) throw refuse.badInput(`${field}：日期 ${on} 晚于今天（${today}）`, `${field}: the date ${on} is after today (${today})`, field);
};

/** The cost split the owners agreed and signed: by floor coefficients, by area, or a custom table; the newest counts. */
export const agreeSplit = defineCommand({
  roles: WHO.staff,
  input: z.object({
    stairwellId,
    method: z.enum(SPLIT_METHODS),
    agreedOn: isoDay,
    // Bounded here at what an integer column holds; what a split may be (cost ¥100k–¥2M, six coefficients adding up to
    // 100, a table adding up to the owners' share) is checked in geo/cost, which refuses in the committee's words.
    liftCostFen: z.number().int('expected the lift cost in whole fen').min(-(2 ** 31)).max(2 ** 31, 'expected a lift cost of at most ¥21,474,836'),
    coefficients: z.array(z.number().min(-1000).max(1000, 'expected a coefficient in %')).max(6, 'expected six floor coefficients').optional(),
    custom: z
      .record(z.string().regex(/^\d{1,10}$/, 'expected flat ids'), z.number().int('expected whole fen').min(-(2 ** 31)).max(2 ** 31))
      .refine((r) => Object.keys(r).length <= 200, 'expected at most 200 flats')
      .optional(),
  }),
  estate: (input, db) => estateOf.stairwell(db, input.stairwellId),
  run: async ({ tx, now, record, user }, input) => {
    const s = await loadStairwellState(tx, input.stairwellId);
    const door = s.row.doorNumber;
    notAfterToday(input.agreedOn, shanghaiDay(now), 'agreedOn');
    if (s.row.stage === 'canvassing') throw refuse.precondition(`${door}：征询通过后才能登记出资分摊协议`, `${door}: a cost split is agreed after the consultation passes`);
    const problem = checkAgreement(ledgerFlats(s), input);
    if (problem) throw refuse.badInput(`${problem.field}：${door} ${problem.zh}`, `${problem.field}: ${problem.message}`, problem.field);
    const at = shanghaiIso(now);
    await tx.insert(tx.t.costAgreements).values({
      stairwellId: input.stairwellId,
      method: input.method,
      agreedOn: input.agreedOn,
      liftCostFen: input.liftCostFen,
      coefficients: input.method === 'floor_coefficients' ? [...(input.coefficients ?? [])] : null,
      custom: input.method === 'custom' ? (input.custom ?? {}) : null,
      recordedBy: user.username,
      at,
    });
    await record({ kind: 'settings', estateId: s.row.estateId, at });
    return { doorNumber: door, method: input.method, agreedOn: input.agreedOn };
  },
});

/** A flat's money: a payment, a 住房公积金 withdrawal (whose account, in the note), or a hardship arrangement (why). */
export const recordMoney = defineCommand({
  roles: WHO.staff,
  input: z.object({
    stairwellId,
    flatId: z.number().int().positive().max(2 ** 31),
    kind: z.enum(MONEY_KINDS),
    amountFen: fen('the amount'),
    on: isoDay,
    note: z.string().trim().max(200, 'expected a note of at most 200 characters').optional(),
  }),
  estate: (input, db) => estateOf.stairwell(db, input.stairwellId),
  run: async ({ tx, now, record, user }, input) => {
    const s = await loadStairwellState(tx, input.stairwellId);
    const door = s.row.doorNumber;
    const flat = s.flats.find((f) => f.id === input.flatId);
    if (!flat) throw refuse.badInput(`flatId：${door} 没有这一户`, `flatId: no such flat in ${door}`, 'flatId');
    notAfterToday(input.on, shanghaiDay(now), 'on');
    const agreement = await latestAgreement(tx, input.stairwellId);
    if (!agreement) throw refuse.precondition(`${door}：尚未登记出资分摊协议，不能记账`, `${door}: no cost split agreed yet`);
    if (input.amountFen > agreement.liftCostFen)
      throw refuse.badInput(`amountFen：金额超过本门洞电梯造价 ${(agreement.liftCostFen / 100).toFixed(2)} 元`, `amountFen: more than the lift's cost`, 'amountFen');
    if (input.kind !== 'payment' && !input.note?.trim())
      throw refuse.badInput(
        input.kind === 'provident_fund' ? 'note：公积金提取请注明提取人（业主本人、配偶或子女）' : 'note：困难减免请注明原因和批准情况',
        input.kind === 'provident_fund' ? 'note: say whose provident fund it was drawn from' : 'note: say why, and who approved it',
        'note',
      );
    const at = shanghaiIso(now);
    const [row] = await tx
      .insert(tx.t.moneyEntries)
      .values({ stairwellId: input.stairwellId, flatId: input.flatId, kind: input.kind, amountFen: input.amountFen, on: input.on, note: input.note?.trim() || null, recordedBy: user.username, at })
      .returning({ id: tx.t.moneyEntries.id });
    await record({ kind: 'settings', estateId: s.row.estateId, at });
    return { id: row!.id, doorNumber: door, room: flat.room };
  },
});

/** The subsidy: claimed only after acceptance, at most the capped 40 %; received later, at most what was claimed. */
export const recordSubsidy = defineCommand({
  roles: WHO.staff,
  input: z.object({ stairwellId, appliedOn: isoDay, claimedFen: fen('the amount claimed'), receivedOn: isoDay.optional(), receivedFen: fen('the amount received').optional() }),
  estate: (input, db) => estateOf.stairwell(db, input.stairwellId),
  run: async ({ tx, now, record, user }, input) => {
    const s = await loadStairwellState(tx, input.stairwellId);
    const door = s.row.doorNumber;
    const today = shanghaiDay(now);
    const history = await loadStageHistory(tx, input.stairwellId);
    const accepted = stepInto(history.steps, 'accepted');
    if (!accepted || stageIndex(s.row.stage) < stageIndex('accepted'))
      throw refuse.precondition(`${door}：补贴在竣工验收后申请，本门洞尚未竣工验收`, `${door}: the subsidy is claimed after acceptance`);
    notAfterToday(input.appliedOn, today, 'appliedOn');
    if (input.appliedOn < accepted.on) throw refuse.badInput(`appliedOn：申请日期 ${input.appliedOn} 早于竣工验收 ${accepted.on}`, `appliedOn: before acceptance (${accepted.on})`, 'appliedOn');
    const agreement = await latestAgreement(tx, input.stairwellId);
    if (!agreement) throw refuse.precondition(`${door}：尚未登记出资分摊协议（含电梯造价）`, `${door}: no cost split agreed yet`);
    const cap = subsidyFen(agreement.liftCostFen);
    if (input.claimedFen > cap) throw refuse.badInput(`claimedFen：申请额超过可得补贴 ${(cap / 100).toFixed(2)} 元（造价的 40%，每台最多 28 万元）`, `claimedFen: more than the subsidy (${cap} fen)`, 'claimedFen');
    if ((input.receivedOn === undefined) !== (input.receivedFen === undefined))
      throw refuse.badInput('receivedOn：到账日期和到账金额须一起填写', 'receivedOn: give the day and the amount received together', 'receivedOn');
    if (input.receivedOn !== undefined) {
      notAfterToday(input.receivedOn, today, 'receivedOn');
      if (input.receivedOn < input.appliedOn) throw refuse.badInput(`receivedOn：到账日期 ${input.receivedOn} 早于申请日期 ${input.appliedOn}`, 'receivedOn: before the claim', 'receivedOn');
      if (input.receivedFen! > input.claimedFen) throw refuse.badInput('receivedFen：到账金额超过申请额', 'receivedFen: more than claimed', 'receivedFen');
    }
    const { subsidyClaims } = tx.t;
    const values = { appliedOn: input.appliedOn, claimedFen: input.claimedFen, receivedOn: input.receivedOn ?? null, receivedFen: input.receivedFen ?? null, recordedBy: user.username, at: shanghaiIso(now) };
    const existing = await first(tx.select({ id: subsidyClaims.stairwellId }).from(subsidyClaims).where(eq(subsidyClaims.stairwellId, input.stairwellId)));
    if (existing) await tx.update(subsidyClaims).set(values).where(eq(subsidyClaims.stairwellId, input.stairwellId));
    else await tx.insert(subsidyClaims).values({ stairwellId: input.stairwellId, ...values });
    await record({ kind: 'settings', estateId: s.row.estateId, at: values.at });
    return { doorNumber: door, ...values };
  },
});
