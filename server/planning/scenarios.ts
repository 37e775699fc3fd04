import { and, asc, eq } from 'drizzle-orm';
import { first, only, type Db } from '../db/database.ts';
import { refuse } from '../refusal.ts';
import { requireEstate } from '../queries/stairwell-states.ts';
import { computePlan, type ComputedPlan } from './compute-plan.ts';
import { planParamsSchema, type PlanMove, type PlanParams } from './plan-params.ts';

export interface ScenarioSummary {
  id: number;
  name: string;
  params: PlanParams;
  /** The planner's manual moves, so loading the scenario shows its plan as saved. */
  moves: PlanMove[];
  /** When it was adopted as the construction programme, if it is the one. */
  adoptedAt: string | null;
  /** Constraints its plan breaks (0 when it holds): shown wherever the scenario is listed. */
  violations: number;
  score: ComputedPlan['score'];
  phases: number;
  updatedAt: string;
}

export async function listScenarios(db: Db, estateId: number): Promise<ScenarioSummary[]> {
  const { phaseScenarios } = db.t;
  await requireEstate(db, estateId);
  return (await db
    .select()
    .from(phaseScenarios)
    .where(eq(phaseScenarios.estateId, estateId))
    .orderBy(asc(phaseScenarios.name)))
    .map((r) => {
      const result = r.result as ComputedPlan;
      return { id: r.id, name: r.name, params: planParamsSchema.parse(r.params), moves: r.moves, adoptedAt: r.adoptedAt, violations: result.violations.length, score: result.score, phases: result.phases.length, updatedAt: r.updatedAt };
    });
}

/** Saves (or overwrites by name) a scenario with the plan as computed now, in one statement. */
export async function saveScenario(db: Db, estateId: number, name: string, params: PlanParams, moves: PlanMove[], now: Date): Promise<{ id: number; plan: ComputedPlan }> {
  const { phaseScenarios } = db.t;
  const plan = await computePlan(db, estateId, params, moves, now);
  const row = await only(db
    .insert(phaseScenarios)
    .values({ estateId, name, params, moves, result: plan, updatedAt: now.toISOString() })
    .onConflictDoUpdate({ target: [phaseScenarios.estateId, phaseScenarios.name], set: { params, moves, result: plan, updatedAt: now.toISOString() } })
    .returning({ id: phaseScenarios.id }));
  return { id: row.id, plan };
}

/** A saved scenario as it was agreed (its stored plan), with its parameters and moves. */
export async function getScenario(db: Db, scenarioId: number) {
  const { phaseScenarios } = db.t;
  const row = await first(db.select().from(phaseScenarios).where(eq(phaseScenarios.id, scenarioId)));
  if (!row) throw refuse.notFound(`没有编号为 ${scenarioId} 的分批方案`, `no phasing scenario with id ${scenarioId}`);
  return { id: row.id, estateId: row.estateId, name: row.name, updatedAt: row.updatedAt, adoptedAt: row.adoptedAt, plan: row.result as ComputedPlan };
}

export async function deleteScenario(db: Db, estateId: number, scenarioId: number): Promise<void> {
  const { phaseScenarios } = db.t;
  const done = await db.delete(phaseScenarios).where(and(eq(phaseScenarios.id, scenarioId), eq(phaseScenarios.estateId, estateId)));
  if (done.changes === 0) throw refuse.notFound(`小区 ${estateId} 没有编号为 ${scenarioId} 的分批方案`, `no phasing scenario with id ${scenarioId} in estate ${estateId}`);
}
