import { desc, eq } from 'drizzle-orm';
import { first } from '../db/database.ts';
import { z } from 'zod';
import { DEFAULT_FLOOR_COEFFICIENTS, DEFAULT_LIFT_COST_YUAN } from '../../geo/cost/index.ts';
import { myStairwells } from '../canvass/my-stairwells.ts';
import { stairwellRegister } from '../canvass/stairwell-register.ts';
import { WHO } from '../auth/authorise.ts';
import { reviewVisit, setAnswer, setCosts } from '../commands/campaign-settings.ts';
import { recordVisit } from '../commands/record-visit.ts';
import { setFollowUp } from '../commands/follow-up.ts';
import { flatHistory, followUps } from '../canvass/follow-ups.ts';
import { shanghaiDay } from '../../geo/time/index.ts';
import { roleProcedure, router } from '../trpc.ts';

const id = z.number().int().positive().max(2 ** 31);
const field = roleProcedure(...WHO.field);
const staff = roleProcedure(...WHO.staff);

export const canvassRouter = router({
  /** A canvasser's stairwells in their estate; staff's in the estate they chose. */
  myStairwells: field.input(z.object({ estateId: id.optional() }).default({})).query(async ({ ctx, input }) => await myStairwells(ctx.db, ctx.user, input.estateId)),
  register: field.input(z.object({ stairwellId: id })).query(async ({ ctx, input }) => await stairwellRegister(ctx.db, ctx.user, input.stairwellId)),
  recordVisit: field.input(recordVisit.input).mutation(async ({ ctx, input }) => await recordVisit(ctx, input)),
  /** 今日回访: flats due a follow-up today or overdue, those that would pass their stairwell first. */
  followUps: field.input(z.object({ estateId: id.optional() }).default({})).query(async ({ ctx, input }) => await followUps(ctx.db, ctx.user, input.estateId, shanghaiDay(ctx.now()))),
  /** A flat's visits (who came, when, what was said) and who should call next. */
  flatHistory: field.input(z.object({ flatId: id })).query(async ({ ctx, input }) => await flatHistory(ctx.db, ctx.user, input.flatId, shanghaiDay(ctx.now()))),
  setFollowUp: field.input(setFollowUp.input).mutation(async ({ ctx, input }) => await setFollowUp(ctx, input)),
  answers: field.query(async ({ ctx }) => await ctx.db.select().from(ctx.db.t.concernAnswers)),
  costs: field.input(z.object({ stairwellId: id })).query(async ({ ctx, input }) => {
    const row = await first(ctx.db.select().from(ctx.db.t.stairwellCosts).where(eq(ctx.db.t.stairwellCosts.stairwellId, input.stairwellId)));
    return { stairwellId: input.stairwellId, coefficients: row?.coefficients ?? DEFAULT_FLOOR_COEFFICIENTS, liftCostYuan: row?.liftCostYuan ?? DEFAULT_LIFT_COST_YUAN };
  }),
  setCosts: staff.input(setCosts.input).mutation(async ({ ctx, input }) => await setCosts(ctx, input)),
  setAnswer: staff.input(setAnswer.input).mutation(async ({ ctx, input }) => await setAnswer(ctx, input)),
  flaggedVisits: staff.query(async ({ ctx }) =>
    await ctx.db
      .select({ id: ctx.db.t.visits.id, at: ctx.db.t.visits.at, flag: ctx.db.t.visits.flag, review: ctx.db.t.visits.review, doorNumber: ctx.db.t.stairwells.doorNumber, room: ctx.db.t.flats.room })
      .from(ctx.db.t.visits)
      .innerJoin(ctx.db.t.flats, eq(ctx.db.t.flats.id, ctx.db.t.visits.flatId))
      .innerJoin(ctx.db.t.stairwells, eq(ctx.db.t.stairwells.id, ctx.db.t.flats.stairwellId))
      .where(eq(ctx.db.t.visits.review, 'pending'))
      .orderBy(desc(ctx.db.t.visits.at))
      .limit(500),
  ),
  reviewVisit: staff.input(reviewVisit.input).mutation(async ({ ctx, input }) => await reviewVisit(ctx, input)),
});
