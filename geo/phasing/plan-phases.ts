import { analyzeSites, type SiteFacts } from './analyze-sites.ts';
import { buildPlan } from './build-plan.ts';
import { checkInput } from './check-input.ts';
import { improvePlan } from './improve-plan.ts';
import { PhaseLoad } from './phase-load.ts';
import type { PhasePlan, PhasingInput, PhasingStairwell } from './phasing-types.ts';
import { unschedulableReason } from './unschedulable-reason.ts';

/** Heaviest first (elders), then earliest ready, then input order: the planner's preference. */
export function preferenceOrder(stairwells: readonly PhasingStairwell[]): PhasingStairwell[] {
  const index = new Map(stairwells.map((s, i) => [s.id, i]));
  return [...stairwells].sort((a, b) => b.weight - a.weight || a.readyDay - b.readyDay || (index.get(a.id) ?? 0) - (index.get(b.id) ?? 0));
}

/**
 * Groups stairwells into phases (SPEC §5). Every hard constraint always holds:
 * ready days, crews per phase, no site blocking a fire lane's clear corridor,
 * one site per lane's road corridor per phase, parking lost per phase within
 * the limit. Among feasible plans it goes for elders first (Σ weight ×
 * completion), then whole buildings together, then less parking lost at the
 * peak. Deterministic: the same input gives the same plan.
 *
 * Method: phase by phase, the heaviest ready sites that still fit (a site of a
 * building already in the phase wins a tie); then swaps that move heavier
 * sites earlier, and equal-weight swaps that reunite buildings.
 *
 * @example planPhases({ stairwells, fireLanes, parkingSpaces, crews: 4, phaseDays: 70, maxParkingLossPerPhase: 12 })
 */
export function planPhases(input: PhasingInput): PhasePlan {
  checkInput(input);
  const facts = analyzeSites(input);
  return planWithFacts(input, facts);
}

export function planWithFacts(input: PhasingInput, facts: Map<string, SiteFacts>): PhasePlan {
  const unscheduled: PhasePlan['unscheduled'] = [];
  const schedulable: PhasingStairwell[] = [];
  for (const s of input.stairwells) {
    const reason = unschedulableReason(facts.get(s.id) as SiteFacts, input.maxParkingLossPerPhase);
    if (reason) unscheduled.push({ id: s.id, reason });
    else schedulable.push(s);
  }
  const groups = greedyPhases(input, facts, preferenceOrder(schedulable));
  return improvePlan(input, facts, groups, unscheduled);
}

/** How far down a run of equal weights the greedy pass looks for a building already in the phase. */
const TIE_WINDOW = 32;

function greedyPhases(input: PhasingInput, facts: Map<string, SiteFacts>, ordered: PhasingStairwell[]): PhaseLoad[] {
  const phases: PhaseLoad[] = [];
  let remaining = ordered;
  let previousEnd = 0;
  while (remaining.length > 0) {
    const start = Math.max(previousEnd, Math.min(...remaining.map((s) => Math.ceil(s.readyDay))));
    const load = new PhaseLoad(facts, input.crews, input.maxParkingLossPerPhase);
    const buildings = new Set<string>();
    const ready = remaining.filter((s) => Math.ceil(s.readyDay) <= start);
    for (let i = 0; i < ready.length && load.members.size < input.crews; i++) {
      // Within a run of equal weights, a site whose building is already in the phase goes first.
      let pick = i;
      for (let j = i; j < ready.length && j < i + TIE_WINDOW && ready[j]!.weight === ready[i]!.weight; j++)
        if (buildings.has(ready[j]!.buildingId) && load.fits(ready[j]!.id)) {
          pick = j;
          break;
        }
      if (pick !== i) [ready[i], ready[pick]] = [ready[pick]!, ready[i]!];
      const s = ready[i]!;
      if (!load.fits(s.id)) continue;
      load.add(s.id);
      buildings.add(s.buildingId);
    }
    phases.push(load);
    remaining = remaining.filter((s) => !load.members.has(s.id));
    previousEnd = start + input.phaseDays;
  }
  return phases;
}

export { buildPlan };
