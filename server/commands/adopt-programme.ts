import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { VIOLATION_ZH } from '../../geo/phasing/index.ts';
import { shanghaiIso } from '../../geo/time/index.ts';
import { first } from '../db/database.ts';
import type { ComputedPlan } from '../planning/compute-plan.ts';
import { WHO } from '../auth/authorise.ts';
import { defineCommand } from './command.ts';
import { refuse } from '../refusal.ts';

const id = z.number().int('expected a whole number').positive('expected a positive id').max(2 ** 31);

/**
 * Staff adopt a saved scenario as the estate's construction programme
 * (施工计划): its plan as saved becomes the baseline the Gantt's actual bars
 * and slippage are measured against; any earlier programme is replaced. A
 * plan that breaks a constraint (a fire lane closed, parking over the limit)
 * or leaves a stairwell out for want of room is refused.
 */
export const adoptProgramme = defineCommand({
  roles: WHO.staff,
  input: z.object({ estateId: id, scenarioId: id }),
  run: async ({ tx, now, record }, input) => {
    const { phaseScenarios } = tx.t;
    const row = await first(tx.select().from(phaseScenarios).where(and(eq(phaseScenarios.id, input.scenarioId), eq(phaseScenarios.estateId, input.estateId))));
    if (!row) throw refuse.notFound(`小区 ${input.estateId} 没有编号为 ${input.scenarioId} 的分批方案`, `no phasing scenario with id ${input.scenarioId} in estate ${input.estateId}`);
    const plan = row.result as ComputedPlan;
    if (plan.violations.length > 0)
      throw refuse.precondition(
        `“${row.name}”违反 ${plan.violations.length} 项约束（${plan.violations.map((v) => `${v.phase === null ? '' : `第 ${v.phase + 1} 批 `}${VIOLATION_ZH[v.kind]}${v.doors.length ? `：${v.doors.join('、')}` : ''}`).join('；')}），不能作为施工计划；请调整后重新保存`,
        `“${row.name}” breaks ${plan.violations.length} constraint(s) (${plan.violations.map((v) => v.kind).join(', ')}); adjust and save it again before adopting it`,
      );
    if (plan.phases.length === 0) throw refuse.precondition(`“${row.name}”没有任何批次，不能作为施工计划`, `“${row.name}” has no phases to adopt`);
    const at = now.toISOString();
    await tx.update(phaseScenarios).set({ adoptedAt: null }).where(and(eq(phaseScenarios.estateId, input.estateId), ne(phaseScenarios.id, row.id)));
    await tx.update(phaseScenarios).set({ adoptedAt: at }).where(eq(phaseScenarios.id, row.id));
    await record({ kind: 'plan', estateId: input.estateId, at: shanghaiIso(now) });
    return { scenarioId: row.id, name: row.name, adoptedAt: at };
  },
});
