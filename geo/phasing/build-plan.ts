import type { SiteFacts } from './analyze-sites.ts';
import type { PhasePlan, PhasingInput } from './phasing-types.ts';
import { scorePlan } from './score-plan.ts';

/**
 * Dates and lost parking for phases given as groups of stairwell ids, run one
 * after another: a phase starts when the previous one ends, or later when its
 * last stairwell is ready. Empty groups are dropped; ids keep input order.
 */
export function buildPlan(
  input: PhasingInput,
  facts: Map<string, SiteFacts>,
  groups: readonly (readonly string[])[],
  unscheduled: PhasePlan['unscheduled'],
): PhasePlan {
  const order = new Map(input.stairwells.map((s, i) => [s.id, i]));
  const ready = new Map(input.stairwells.map((s) => [s.id, s.readyDay]));
  const spaceOrder = new Map(input.parkingSpaces.map((p, i) => [p.id, i]));
  const phases: PhasePlan['phases'] = [];
  let previousEnd = 0;
  for (const group of groups) {
    if (group.length === 0) continue;
    const ids = [...group].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const startDay = Math.max(previousEnd, ...ids.map((id) => Math.ceil(ready.get(id) ?? 0)));
    const endDay = startDay + input.phaseDays;
    const lost = new Set(ids.flatMap((id) => facts.get(id)?.parking ?? []));
    phases.push({
      index: phases.length,
      startDay,
      endDay,
      stairwellIds: ids,
      parkingLost: [...lost].sort((a, b) => (spaceOrder.get(a) ?? 0) - (spaceOrder.get(b) ?? 0)),
    });
    previousEnd = endDay;
  }
  return { phases, unscheduled, score: scorePlan(input.stairwells, phases) };
}
