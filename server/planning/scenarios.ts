import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { phaseScenarios } from '../db/schema.ts';
import { refuse } from '../commands/refusal.ts';
import { requireEstate } from '../queries/stairwell-states.ts';
import { computePlan, type ComputedPlan } from './compute-plan.ts';
import { planParamsSchema, type PlanMove, type PlanParams } from './plan-params.ts';

export interface ScenarioSummary {
  id: number;
  name: string;
  params: PlanParams;
  score: ComputedPlan['score'];
  phases: number;
  updatedAt: string;
}

export function listScenarios(db: Db, estateId: number): ScenarioSummary[] {
  requireEstate(db, estateId);
  return db
    .select()
    .from(phaseScenarios)
    .where(eq(phaseScenarios.estateId, estateId))
    .orderBy(asc(phaseScenarios.name))
    .all()
    .map((r) => {
      const result = r.result as ComputedPlan;
      return { id: r.id, name: r.name, params: planParamsSchema.parse(r.params), score: result.score, phases: result.phases.length, updatedAt: r.updatedAt };
    });
}

/** Saves (or overwrites by name) a scenario with the plan as computed now, in one statement. */
export function saveScenario(db: Db, estateId: number, name: string, params: PlanParams, moves: PlanMove[], now: string): { id: number; plan: ComputedPlan } {
  const plan = computePlan(db, estateId, params, moves);
  const row = db
    .insert(phaseScenarios)
    .values({ estateId, name, params, moves, result: plan, updatedAt: now })
    .onConflictDoUpdate({ target: [phaseScenarios.estateId, phaseScenarios.name], set: { params, moves, result: plan, updatedAt: now } })
    .returning({ id: phaseScenarios.id })
    .get();
  return { id: row.id, plan };
}

/** A saved scenario as it was agreed (its stored plan), with its parameters and moves. */
export function getScenario(db: Db, scenarioId: number) {
  const row = db.select().from(phaseScenarios).where(eq(phaseScenarios.id, scenarioId)).get();
  if (!row) throw refuse.notFound(`没有编号为 ${scenarioId} 的分批方案`, `no phasing scenario with id ${scenarioId}`);
  return { id: row.id, estateId: row.estateId, name: row.name, updatedAt: row.updatedAt, plan: row.result as ComputedPlan };
}

export function deleteScenario(db: Db, estateId: number, scenarioId: number): void {
  const done = db.delete(phaseScenarios).where(and(eq(phaseScenarios.id, scenarioId), eq(phaseScenarios.estateId, estateId))).run();
  if (done.changes === 0) throw refuse.notFound(`小区 ${estateId} 没有编号为 ${scenarioId} 的分批方案`, `no phasing scenario with id ${scenarioId} in estate ${estateId}`);
}
