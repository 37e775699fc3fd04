import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { DEFAULT_FLOOR_COEFFICIENTS, DEFAULT_LIFT_COST_YUAN } from '../../geo/cost/index.ts';
import { myStairwells } from '../canvass/my-stairwells.ts';
import { stairwellRegister } from '../canvass/stairwell-register.ts';
import { WHO } from '../commands/authorise.ts';
import { reviewVisit, setAnswer, setCosts } from '../commands/campaign-settings.ts';
import { recordVisit } from '../commands/record-visit.ts';
import { setStage } from '../commands/set-stage.ts';
import { concernAnswers, flats, stairwellCosts, stairwells, visits } from '../db/schema.ts';
import { roleProcedure, router } from '../trpc.ts';

const id = z.number().int().positive().max(2 ** 31);
const field = roleProcedure(...WHO.field);
const staff = roleProcedure(...WHO.staff);

export const canvassRouter = router({
  /** A canvasser's stairwells in their estate; staff's in the estate they chose. */
  myStairwells: field.input(z.object({ estateId: id.optional() }).default({})).query(({ ctx, input }) => myStairwells(ctx.db, ctx.user, input.estateId)),
  register: field.input(z.object({ stairwellId: id })).query(({ ctx, input }) => stairwellRegister(ctx.db, ctx.user, input.stairwellId)),
  recordVisit: field.input(recordVisit.input).mutation(({ ctx, input }) => recordVisit(ctx, input)),
  setStage: staff.input(setStage.input).mutation(({ ctx, input }) => setStage(ctx, input)),
  answers: field.query(({ ctx }) => ctx.db.select().from(concernAnswers).all()),
  costs: field.input(z.object({ stairwellId: id })).query(({ ctx, input }) => {
    const row = ctx.db.select().from(stairwellCosts).where(eq(stairwellCosts.stairwellId, input.stairwellId)).get();
    return { stairwellId: input.stairwellId, coefficients: row?.coefficients ?? DEFAULT_FLOOR_COEFFICIENTS, liftCostYuan: row?.liftCostYuan ?? DEFAULT_LIFT_COST_YUAN };
  }),
  setCosts: staff.input(setCosts.input).mutation(({ ctx, input }) => setCosts(ctx, input)),
  setAnswer: staff.input(setAnswer.input).mutation(({ ctx, input }) => setAnswer(ctx, input)),
  flaggedVisits: staff.query(({ ctx }) =>
    ctx.db
      .select({ id: visits.id, at: visits.at, flag: visits.flag, review: visits.review, doorNumber: stairwells.doorNumber, room: flats.room })
      .from(visits)
      .innerJoin(flats, eq(flats.id, visits.flatId))
      .innerJoin(stairwells, eq(stairwells.id, flats.stairwellId))
      .where(eq(visits.review, 'pending'))
      .orderBy(desc(visits.at))
      .limit(500)
      .all(),
  ),
  reviewVisit: staff.input(reviewVisit.input).mutation(({ ctx, input }) => reviewVisit(ctx, input)),
});
