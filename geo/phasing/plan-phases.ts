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
/** Later start days tried for each phase, by rolling the greedy pass out to the end. */
const START_CANDIDATES = 4;
/** Above this many sites the roll-outs cost more than they gain; the greedy start is used. */
const ROLLOUT_LIMIT = 1500;

/** The heaviest ready sites that fit one phase starting on `start`. */
function fillPhase(input: PhasingInput, facts: Map<string, SiteFacts>, remaining: PhasingStairwell[], start: number): PhaseLoad {
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
  return load;
}

/** Σ weight × end day of the greedy plan from here on, each phase starting as soon as something is ready. */
function rollout(input: PhasingInput, facts: Map<string, SiteFacts>, remaining: PhasingStairwell[], previousEnd: number): number {
  let cost = 0;
  let rest = remaining;
  let end = previousEnd;
  while (rest.length > 0) {
    const start = Math.max(end, Math.min(...rest.map((s) => Math.ceil(s.readyDay))));
    const load = fillPhase(input, facts, rest, start);
    end = start + input.phaseDays;
    cost += end * rest.filter((s) => load.members.has(s.id)).reduce((w, s) => w + s.weight, 0);
    rest = rest.filter((s) => !load.members.has(s.id));
  }
  return cost;
}

/**
 * Phase by phase: start as soon as something is ready, or a little later when
 * a roll-out shows that waiting for heavier sites finishes the elders sooner.
 */
function greedyPhases(input: PhasingInput, facts: Map<string, SiteFacts>, ordered: PhasingStairwell[]): PhaseLoad[] {
  const phases: PhaseLoad[] = [];
  let remaining = ordered;
  let previousEnd = 0;
  const tryLater = ordered.length <= ROLLOUT_LIMIT;
  while (remaining.length > 0) {
    const earliest = Math.max(previousEnd, Math.min(...remaining.map((s) => Math.ceil(s.readyDay))));
    const later = [...new Set(remaining.map((s) => Math.ceil(s.readyDay)))]
      .filter((d) => d > earliest && d < earliest + input.phaseDays)
      .sort((a, b) => a - b)
      .slice(0, tryLater ? START_CANDIDATES : 0);
    let best = { start: earliest, load: fillPhase(input, facts, remaining, earliest), cost: Infinity };
    if (later.length > 0)
      for (const start of [earliest, ...later]) {
        const load = fillPhase(input, facts, remaining, start);
        const rest = remaining.filter((s) => !load.members.has(s.id));
        const here = remaining.filter((s) => load.members.has(s.id)).reduce((w, s) => w + s.weight, 0);
        const cost = (start + input.phaseDays) * here + rollout(input, facts, rest, start + input.phaseDays);
        if (cost < best.cost) best = { start, load, cost };
      }
    phases.push(best.load);
    remaining = remaining.filter((s) => !best.load.members.has(s.id));
    previousEnd = best.start + input.phaseDays;
  }
  return phases;
}

export { buildPlan };
