import { convex, featureCollection, polygon } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { analyzeSites, buildPlan, checkPlan, naivePlanWithFacts, planWithFacts, type PhasePlan } from '../../geo/phasing/index.ts';
import { addDays } from '../../geo/time/index.ts';
import type { Db } from '../db/database.ts';
import { applyMoves } from './apply-moves.ts';
import { phasingInputFor } from './phasing-input.ts';
import type { PlanMove, PlanParams } from './plan-params.ts';
import { refuse } from '../refusal.ts';

/**
 * Moves only of stairwells being planned, into at most as many phases as
 * there are stairwells: a move names what is wrong, never grows the plan without bound.
 */
function checkMoves(plannable: readonly string[], excluded: readonly { doorNumber: string; stairwellId: number }[], moves: readonly PlanMove[]) {
  const ids = new Set(plannable);
  moves.forEach((m, i) => {
    if (!ids.has(String(m.stairwellId))) {
      const out = excluded.find((e) => e.stairwellId === m.stairwellId);
      throw refuse.badInput(
        out ? `第 ${i + 1} 项调整：${out.doorNumber} 不在本次规划中（未征询通过，也无法再通过）` : `第 ${i + 1} 项调整：本小区没有编号为 ${m.stairwellId} 的门洞`,
        out ? `moves.${i}.stairwellId: ${out.doorNumber} is not being planned (it has not passed and can no longer pass)` : `moves.${i}.stairwellId: no stairwell ${m.stairwellId} in this estate`,
        `moves.${i}.stairwellId`,
      );
    }
    if (m.toPhase >= Math.max(1, ids.size))
      throw refuse.badInput(
        `第 ${i + 1} 项调整：批次应在 1 至 ${Math.max(1, ids.size)} 之间`,
        `moves.${i}.toPhase: expected a phase from 0 to ${Math.max(1, ids.size) - 1} (at most one phase per stairwell), got ${m.toPhase}`,
        `moves.${i}.toPhase`,
      );
  });
}

/** A planner's move of a site that has started under the adopted programme is refused: it stays in its phase. */
function checkPinned(pinned: readonly { stairwellId: number; phase: number }[], states: readonly { row: { id: number; doorNumber: string } }[], moves: readonly PlanMove[]) {
  moves.forEach((m, i) => {
    const pin = pinned.find((p) => p.stairwellId === m.stairwellId);
    if (pin && pin.phase !== m.toPhase) {
      const door = states.find((s) => s.row.id === m.stairwellId)?.row.doorNumber ?? String(m.stairwellId);
      throw refuse.badInput(
        `第 ${i + 1} 项调整：${door} 已按施工计划开工，保持在第 ${pin.phase + 1} 批`,
        `moves.${i}.toPhase: ${door} has started under the adopted programme and stays in phase ${pin.phase + 1}`,
        `moves.${i}.toPhase`,
      );
    }
  });
}

/**
 * A phasing plan for an estate, ready for /plan: the planner's plan with the
 * planner's manual moves applied, re-dated, with every broken constraint,
 * the scores before and after the moves and against a naive plan, and the
 * map's geometry (zones, a hull per phase, lanes in conflict). No personal data.
 */
export async function computePlan(db: Db, estateId: number, params: PlanParams, moves: readonly PlanMove[], now: Date) {
  const { input, excluded, states, pinned, readyDates, programme } = await phasingInputFor(db, estateId, params, now);
  const facts = analyzeSites(input);
  const planned = planWithFacts(input, facts);
  checkMoves(input.stairwells.map((s) => s.id), excluded, moves);
  checkPinned(pinned, states, moves);
  // Started sites of the adopted programme stay in their phase, whatever the planner's plan says.
  const { groups, unscheduled } = applyMoves(planned, [...moves, ...pinned.map((p) => ({ stairwellId: p.stairwellId, toPhase: p.phase }))]);
  const plan: PhasePlan = buildPlan(input, facts, groups, unscheduled);
  const violations = checkPlan(input, facts, plan);
  const byId = new Map(states.map((s) => [String(s.row.id), s]));
  const phaseOf = new Map(plan.phases.flatMap((p) => p.stairwellIds.map((id) => [id, p.index] as const)));

  const sites = input.stairwells.map((s) => {
    const st = byId.get(s.id)!;
    const f = facts.get(s.id)!;
    return {
      stairwellId: Number(s.id),
      doorNumber: st.row.doorNumber,
      buildingCode: st.buildingCode,
      stage: st.row.stage,
      weight: s.weight,
      readyDay: s.readyDay,
      readyDate: readyDates.get(s.id)!,
      /** Started under the adopted programme: kept in its phase when re-planning. */
      pinned: pinned.some((p) => String(p.stairwellId) === s.id),
      phase: phaseOf.get(s.id) ?? null,
      blocksLanes: f.blocksLanes,
      narrowsLanes: f.narrowsLanes,
      parking: f.parking,
    };
  });
  const zoneOf = new Map(input.stairwells.map((s) => [s.id, s.zone]));
  const zones = featureCollection(
    input.stairwells.map((s) => ({
      type: 'Feature' as const,
      id: Number(s.id),
      geometry: s.zone,
      properties: { stairwellId: Number(s.id), phase: phaseOf.get(s.id) ?? -1, blocked: (facts.get(s.id)?.blocksLanes.length ?? 0) > 0 },
    })),
  );
  const hulls = featureCollection(
    plan.phases.flatMap((p): Feature<Polygon, { phase: number }>[] => {
      const hull = convex(featureCollection(p.stairwellIds.map((id) => polygon(zoneOf.get(id)!.coordinates))));
      return hull ? [{ type: 'Feature', id: p.index + 1, geometry: hull.geometry, properties: { phase: p.index } }] : [];
    }),
  );
  return {
    params,
    moves: [...moves],
    /** The adopted programme this plan keeps started sites of, if any. */
    programme: programme ? { id: programme.row.id, name: programme.row.name } : null,
    phases: plan.phases.map((p) => ({
      ...p,
      startDate: addDays(params.startDate, p.startDay),
      endDate: addDays(params.startDate, p.endDay),
      stairwellIds: p.stairwellIds.map(Number),
      /** Fire lanes narrowed in this phase (one site each). */
      lanes: [...new Set(p.stairwellIds.flatMap((id) => facts.get(id)?.narrowsLanes ?? []))],
    })),
    unscheduled: plan.unscheduled.map((u) => ({ ...u, stairwellId: Number(u.id), doorNumber: byId.get(u.id)?.row.doorNumber ?? u.id })),
    excluded,
    score: plan.score,
    plannerScore: planned.score,
    /** The planner's plan before the manual moves: each batch's start, so screens can say what a move delays. */
    plannerPhaseStarts: planned.phases.map((p) => addDays(params.startDate, p.startDay)),
    /** The day the last batch ends: the programme's completion. */
    completionDate: plan.phases.length ? addDays(params.startDate, plan.phases.at(-1)!.endDay) : null,
    naiveScore: naivePlanWithFacts(input, facts).score,
    violations: violations.map((v) => ({ ...v, doors: v.stairwellIds.map((id) => byId.get(id)?.row.doorNumber ?? id) })),
    sites,
    geometry: { zones, hulls },
  };
}
export type ComputedPlan = Awaited<ReturnType<typeof computePlan>>;
