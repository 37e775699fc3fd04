import { z } from 'zod';
import { adoptProgramme } from '../commands/adopt-programme.ts';
import { WHO } from '../auth/authorise.ts';
import { planInput, removeScenarioCommand, saveScenarioCommand } from '../commands/scenario-commands.ts';
import { computePlan } from '../planning/compute-plan.ts';
import { DEFAULT_PLAN_PARAMS } from '../planning/plan-params.ts';
import { loadProgramme } from '../planning/programme.ts';
import { getScenario, listScenarios } from '../planning/scenarios.ts';
import { requireEstate } from '../queries/stairwell-states.ts';
import { publicProcedure, roleProcedure, router } from '../trpc.ts';
import { estateIdInput } from './estate.ts';

const id = z.number().int('expected a whole number').positive('expected a positive id').max(2 ** 31);
const staff = roleProcedure(...WHO.staff);

export const planRouter = router({
  defaults: publicProcedure.query(() => DEFAULT_PLAN_PARAMS),
  /** Planning is staff work and costs CPU: signed-in planners only, never an anonymous GET. */
  compute: staff.input(planInput).query(async ({ ctx, input }) => {
    await requireEstate(ctx.db, input.estateId);
    return await computePlan(ctx.db, input.estateId, input.params, input.moves, ctx.now());
  }),
  list: publicProcedure.input(estateIdInput).query(async ({ ctx, input }) => await listScenarios(ctx.db, input.estateId)),
  get: publicProcedure.input(z.object({ scenarioId: id })).query(async ({ ctx, input }) => await getScenario(ctx.db, input.scenarioId)),
  save: staff.input(saveScenarioCommand.input).mutation(async ({ ctx, input }) => await saveScenarioCommand(ctx, input)),
  /** Staff adopt a saved scenario as the construction programme (施工计划). */
  adopt: staff.input(adoptProgramme.input).mutation(async ({ ctx, input }) => await adoptProgramme(ctx, input)),
  /** The adopted programme against the recorded dates: planned and actual bars, slippage; door numbers and dates only. */
  programme: publicProcedure.input(estateIdInput).query(async ({ ctx, input }) => {
    await requireEstate(ctx.db, input.estateId);
    return await loadProgramme(ctx.db, input.estateId, ctx.now());
  }),
  remove: staff.input(removeScenarioCommand.input).mutation(async ({ ctx, input }) => await removeScenarioCommand(ctx, input)),
});
