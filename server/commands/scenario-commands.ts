import { z } from 'zod';
import { shanghaiIso } from '../../geo/time/index.ts';
import { planMoveSchema, planParamsSchema } from '../planning/plan-params.ts';
import { deleteScenario, saveScenario } from '../planning/scenarios.ts';
import { requireEstate } from '../queries/stairwell-states.ts';
import { WHO } from '../auth/authorise.ts';
import { defineCommand } from './command.ts';

const id = z.number().int('expected a whole number').positive('expected a positive id').max(2 ** 31);
export const planInput = z.object({ estateId: id, params: planParamsSchema, moves: z.array(planMoveSchema).max(500, 'expected at most 500 moves') });

/** A planner saves (or overwrites by name) a phasing scenario, with the plan as computed now. */
export const saveScenarioCommand = defineCommand({
  roles: WHO.staff,
  input: planInput.extend({ name: z.string().trim().min(1, 'expected a scenario name').max(60, 'expected at most 60 characters') }),
  run: async ({ tx, now, record }, input) => {
    await requireEstate(tx, input.estateId);
    const { id: scenarioId, plan } = await saveScenario(tx, input.estateId, input.name, input.params, input.moves, now);
    await record({ kind: 'plan', estateId: input.estateId, at: shanghaiIso(now) });
    // Saved either way (a planner may keep a draft), but said at once when it breaks a constraint.
    return { scenarioId, violations: plan.violations.length };
  },
});

/** A planner deletes a saved scenario of an estate. */
export const removeScenarioCommand = defineCommand({
  roles: WHO.staff,
  input: z.object({ estateId: id, scenarioId: id }),
  run: async ({ tx, now, record }, input) => {
    await deleteScenario(tx, input.estateId, input.scenarioId);
    await record({ kind: 'plan', estateId: input.estateId, at: shanghaiIso(now) });
    return { ok: true as const };
  },
});
