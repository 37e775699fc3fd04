import { analyzeSites, type SiteFacts } from './analyze-sites.ts';
import { buildPlan } from './build-plan.ts';
import { checkInput } from './check-input.ts';
import { PhaseLoad } from './phase-load.ts';
import type { PhasePlan, PhasingInput } from './phasing-types.ts';
import { unschedulableReason } from './unschedulable-reason.ts';

/**
 * The plan a committee makes by hand, for comparison: first ready, first
 * built, in door-number (input) order; a site that does not fit waits for the
 * next phase. It keeps the hard constraints but ignores the elders.
 */
export function naivePlan(input: PhasingInput): PhasePlan {
  checkInput(input);
  return naivePlanWithFacts(input, analyzeSites(input));
}

export function naivePlanWithFacts(input: PhasingInput, facts: Map<string, SiteFacts>): PhasePlan {
  const unscheduled: PhasePlan['unscheduled'] = [];
  const queue = input.stairwells
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => {
      const reason = unschedulableReason(facts.get(s.id)!, input.maxParkingLossPerPhase);
      if (reason) unscheduled.push({ id: s.id, reason });
      return !reason;
    })
    .sort((a, b) => a.s.readyDay - b.s.readyDay || a.i - b.i)
    .map(({ s }) => s);
  const groups: string[][] = [];
  let previousEnd = 0;
  while (queue.length > 0) {
    const start = Math.max(previousEnd, Math.ceil(queue[0]!.readyDay));
    const load = new PhaseLoad(facts, input.crews, input.maxParkingLossPerPhase);
    for (const s of queue) if (Math.ceil(s.readyDay) <= start && load.members.size < input.crews && load.fits(s.id)) load.add(s.id);
    groups.push([...load.members]);
    for (let k = queue.length - 1; k >= 0; k--) if (load.members.has(queue[k]!.id)) queue.splice(k, 1);
    previousEnd = start + input.phaseDays;
  }
  return buildPlan(input, facts, groups, unscheduled);
}
