import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { CONCERN_TAGS } from '../../geo/register/index.ts';
import { shanghaiIso } from '../../geo/time/index.ts';
import { first } from '../db/database.ts';
import { WHO } from '../auth/authorise.ts';
import { defineCommand } from './command.ts';
import { refuse } from '../refusal.ts';

const id = z.number().int().positive().max(2 ** 31);

/** Staff set a stairwell's cost split: floor coefficients and the lift's estimated cost. */
export const setCosts = defineCommand({
  roles: WHO.staff,
  input: z.object({
    stairwellId: id,
    coefficients: z.array(z.number().min(0, 'expected 0 % or more').max(100, 'expected at most 100 %')).length(6, 'expected six floor coefficients, floors 1–6'),
    liftCostYuan: z.number().int().min(100_000, 'expected at least ¥100,000').max(2_000_000, 'expected at most ¥2,000,000'),
  }),
  run: async ({ tx, now, record }, input) => {
    const { stairwellCosts, stairwells } = tx.t;
    const s = await first(tx.select({ estateId: stairwells.estateId }).from(stairwells).where(eq(stairwells.id, input.stairwellId)));
    if (!s) throw refuse.notFound(`没有编号为 ${input.stairwellId} 的门洞`, `no stairwell with id ${input.stairwellId}`);
    await tx.insert(stairwellCosts)
      .values(input)
      .onConflictDoUpdate({ target: stairwellCosts.stairwellId, set: { coefficients: input.coefficients, liftCostYuan: input.liftCostYuan } });
    await record({ kind: 'settings', estateId: s.estateId, at: shanghaiIso(now) });
    return input;
  },
});

/** Staff edit the committee's prepared answer (锦囊) to a concern. */
export const setAnswer = defineCommand({
  roles: WHO.staff,
  input: z.object({ tag: z.enum(CONCERN_TAGS), answerZh: z.string().trim().min(1).max(500), answerEn: z.string().trim().min(1).max(500) }),
  run: async ({ tx }, input) => {
    const { concernAnswers } = tx.t;
    await tx.insert(concernAnswers).values(input).onConflictDoUpdate({ target: concernAnswers.tag, set: { answerZh: input.answerZh, answerEn: input.answerEn } });
    return input;
  },
});

/** Staff accept or reject a flagged visit; a visit that does not exist is refused. */
export const reviewVisit = defineCommand({
  roles: WHO.staff,
  input: z.object({ visitId: id, accept: z.boolean() }),
  run: async ({ tx }, input) => {
    const { visits } = tx.t;
    const done = await tx.update(visits).set({ review: input.accept ? 'accepted' : 'rejected' }).where(eq(visits.id, input.visitId)).returning({ id: visits.id });
    if (done.length === 0) throw refuse.notFound(`没有编号为 ${input.visitId} 的走访记录`, `no visit with id ${input.visitId}`);
    return { ok: true as const };
  },
});
