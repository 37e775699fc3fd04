import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { DEFAULT_FLOOR_COEFFICIENTS, DEFAULT_LIFT_COST_YUAN } from '../../geo/cost/index.ts';
import { CONCERN_TAGS } from '../../geo/register/index.ts';
import { STAGES } from '../../geo/stages/index.ts';
import { myStairwells } from '../canvass/my-stairwells.ts';
import { recordVisit } from '../canvass/record-visit.ts';
import { setStage } from '../canvass/set-stage.ts';
import { stairwellRegister } from '../canvass/stairwell-register.ts';
import { visitInputSchema } from '../canvass/visit-input.ts';
import { concernAnswers, flats, stairwellCosts, stairwells, visits } from '../db/schema.ts';
import { roleProcedure, router } from '../trpc.ts';
import { withDomainErrors } from './domain-errors.ts';

const id = z.number().int().positive();
const field = roleProcedure('admin', 'planner', 'canvasser');
const staff = roleProcedure('admin', 'planner');

export const canvassRouter = router({
  /** A canvasser's stairwells in their estate; staff's in the estate they chose. */
  myStairwells: field.input(z.object({ estateId: id.optional() }).default({})).query(({ ctx, input }) => myStairwells(ctx.db, ctx.user, input.estateId)),
  register: field.input(z.object({ stairwellId: id })).query(({ ctx, input }) => withDomainErrors(() => stairwellRegister(ctx.db, ctx.user, input.stairwellId))),
  recordVisit: field.input(visitInputSchema).mutation(({ ctx, input }) => recordVisit(ctx.db, ctx.bus, ctx.user, input, ctx.now())),
  setStage: staff
    .input(z.object({ stairwellId: id, to: z.enum(STAGES), reason: z.string().trim().max(200).optional() }))
    .mutation(({ ctx, input }) => withDomainErrors(() => setStage(ctx.db, input.stairwellId, input.to, input.reason, ctx.now()))),
  answers: field.query(({ ctx }) => ctx.db.select().from(concernAnswers).all()),
  costs: field.input(z.object({ stairwellId: id })).query(({ ctx, input }) => {
    const row = ctx.db.select().from(stairwellCosts).where(eq(stairwellCosts.stairwellId, input.stairwellId)).get();
    return { stairwellId: input.stairwellId, coefficients: row?.coefficients ?? DEFAULT_FLOOR_COEFFICIENTS, liftCostYuan: row?.liftCostYuan ?? DEFAULT_LIFT_COST_YUAN };
  }),
  setCosts: staff
    .input(
      z.object({
        stairwellId: id,
        coefficients: z.array(z.number().min(0, 'expected 0 % or more').max(100)).length(6, 'expected six floor coefficients, floors 1–6'),
        liftCostYuan: z.number().int().min(100_000, 'expected at least ¥100,000').max(2_000_000, 'expected at most ¥2,000,000'),
      }),
    )
    .mutation(({ ctx, input }) => {
      ctx.db
        .insert(stairwellCosts)
        .values(input)
        .onConflictDoUpdate({ target: stairwellCosts.stairwellId, set: { coefficients: input.coefficients, liftCostYuan: input.liftCostYuan } })
        .run();
      return input;
    }),
  setAnswer: staff
    .input(z.object({ tag: z.enum(CONCERN_TAGS), answerZh: z.string().trim().min(1).max(500), answerEn: z.string().trim().min(1).max(500) }))
    .mutation(({ ctx, input }) => {
      ctx.db.insert(concernAnswers).values(input).onConflictDoUpdate({ target: concernAnswers.tag, set: { answerZh: input.answerZh, answerEn: input.answerEn } }).run();
      return input;
    }),
  flaggedVisits: staff.query(({ ctx }) =>
    ctx.db
      .select({ id: visits.id, at: visits.at, flag: visits.flag, review: visits.review, doorNumber: stairwells.doorNumber, room: flats.room })
      .from(visits)
      .innerJoin(flats, eq(flats.id, visits.flatId))
      .innerJoin(stairwells, eq(stairwells.id, flats.stairwellId))
      .where(eq(visits.review, 'pending'))
      .orderBy(desc(visits.at))
      .all(),
  ),
  reviewVisit: staff.input(z.object({ visitId: id, accept: z.boolean() })).mutation(({ ctx, input }) => {
    ctx.db.update(visits).set({ review: input.accept ? 'accepted' : 'rejected' }).where(eq(visits.id, input.visitId)).run();
    return { ok: true };
  }),
});
