import type { PhasePlan, PhasingStairwell } from './phasing-types.ts';

/**
 * The three goals of SPEC §5: Σ weight × completion day (completion = the end
 * of the stairwell's phase), buildings split across phases, and the most
 * parking lost in any one phase.
 */
export function scorePlan(stairwells: readonly PhasingStairwell[], phases: PhasePlan['phases']): PhasePlan['score'] {
  const endOf = new Map<string, number>();
  const phasesOfBuilding = new Map<string, Set<number>>();
  const building = new Map(stairwells.map((s) => [s.id, s.buildingId]));
  for (const p of phases)
    for (const id of p.stairwellIds) {
      endOf.set(id, p.endDay);
      const b = building.get(id) ?? id;
      const set = phasesOfBuilding.get(b) ?? new Set<number>();
      set.add(p.index);
      phasesOfBuilding.set(b, set);
    }
  let weightedCompletion = 0;
  for (const s of stairwells) {
    const end = endOf.get(s.id);
    if (end !== undefined) weightedCompletion += s.weight * end;
  }
  return {
    weightedCompletion: Math.round(weightedCompletion * 1e6) / 1e6,
    buildingsSplit: [...phasesOfBuilding.values()].filter((set) => set.size > 1).length,
    peakParkingLost: Math.max(0, ...phases.map((p) => p.parkingLost.length)),
  };
}
