import { z } from 'zod';
import { computePlan } from '../planning/compute-plan.ts';
import { DEFAULT_PLAN_PARAMS, planMoveSchema, planParamsSchema } from '../planning/plan-params.ts';
import { deleteScenario, getScenario, listScenarios, saveScenario } from '../planning/scenarios.ts';
import { requireEstate } from '../queries/stairwell-states.ts';
import { publicProcedure, router } from '../trpc.ts';
import { withDomainErrors } from './domain-errors.ts';
import { estateIdInput } from './estate.ts';

const id = z.number().int('expected a whole number').positive('expected a positive id');
const planInput = estateIdInput.extend({ params: planParamsSchema, moves: z.array(planMoveSchema).max(500) });

export const planRouter = router({
  defaults: publicProcedure.query(() => DEFAULT_PLAN_PARAMS),
  compute: publicProcedure.input(planInput).query(({ ctx, input }) =>
    withDomainErrors(() => {
      requireEstate(ctx.db, input.estateId);
      return computePlan(ctx.db, input.estateId, input.params, input.moves);
    }),
  ),
  list: publicProcedure.input(estateIdInput).query(({ ctx, input }) => withDomainErrors(() => listScenarios(ctx.db, input.estateId))),
  get: publicProcedure.input(z.object({ scenarioId: id })).query(({ ctx, input }) => withDomainErrors(() => getScenario(ctx.db, input.scenarioId))),
  save: publicProcedure
    .input(planInput.extend({ name: z.string().trim().min(1, 'expected a scenario name').max(60, 'expected at most 60 characters') }))
    .mutation(({ ctx, input }) =>
      withDomainErrors(() => {
        requireEstate(ctx.db, input.estateId);
        const { id: scenarioId } = saveScenario(ctx.db, input.estateId, input.name, input.params, input.moves, new Date().toISOString());
        return { scenarioId };
      }),
    ),
  remove: publicProcedure
    .input(estateIdInput.extend({ scenarioId: id }))
    .mutation(({ ctx, input }) => withDomainErrors(() => deleteScenario(ctx.db, input.estateId, input.scenarioId))),
});
