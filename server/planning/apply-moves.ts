import type { PhasePlan } from '../../geo/phasing/index.ts';
import type { PlanMove } from './plan-params.ts';

/**
 * The planner's phases as groups of ids with a planner's manual moves applied
 * in order; a move to one past the last phase opens a new phase. Moving an
 * unscheduled stairwell in takes it off the unscheduled list.
 */
export function applyMoves(plan: PhasePlan, moves: readonly PlanMove[]): { groups: string[][]; unscheduled: PhasePlan['unscheduled'] } {
  const groups = plan.phases.map((p) => [...p.stairwellIds]);
  let unscheduled = [...plan.unscheduled];
  for (const move of moves) {
    const id = String(move.stairwellId);
    for (const g of groups) {
      const at = g.indexOf(id);
      if (at >= 0) g.splice(at, 1);
    }
    unscheduled = unscheduled.filter((u) => u.id !== id);
    while (groups.length <= move.toPhase) groups.push([]);
    groups[move.toPhase]!.push(id);
  }
  return { groups, unscheduled };
}
