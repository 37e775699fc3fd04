import { DIFF_PALETTE, phaseColor, phaseTextColor } from '../../geo/palette/index.ts';
import type { ComputedPlan, EstateMap } from '../wire.ts';

type States = Map<number, Record<string, unknown>>;

/**
 * Feature-state for /plan: stairwells, zones and hulls in their phase colour
 * (or, when comparing, in the difference colour), and the lost spaces and
 * narrowed lanes of the selected phase.
 */
export function planStates(map: EstateMap, plan: ComputedPlan, selectedPhase: number | null, compare: ComputedPlan | null): Record<string, States> {
  const phaseOf = new Map(plan.sites.map((s) => [s.stairwellId, s.phase]));
  const otherPhase = compare ? new Map(compare.sites.map((s) => [s.stairwellId, s.phase])) : null;
  const stairwells: States = new Map();
  const zones: States = new Map();
  for (const [id, phase] of phaseOf) {
    let color = phase === null ? '#5a5a5a' : phaseColor(phase);
    let text: string = phase === null ? '#ffffff' : phaseTextColor(phase);
    if (otherPhase) {
      const b = otherPhase.get(id) ?? null;
      const key = phase === null ? (b === null ? 'same' : 'only_b') : b === null ? 'only_a' : b < phase ? 'earlier' : b > phase ? 'later' : 'same';
      ({ color, text } = DIFF_PALETTE[key]);
    }
    stairwells.set(id, { color, text });
    zones.set(id, { color });
  }
  const hulls: States = new Map(plan.phases.map((p) => [p.index + 1, { color: phaseColor(p.index), selected: p.index === selectedPhase }]));
  const phase = selectedPhase === null ? null : plan.phases[selectedPhase];
  const lost = new Set(phase?.parkingLost ?? []);
  const lanes = new Set(phase?.lanes ?? []);
  const parking: States = new Map(map.layers.parking.features.filter((f) => lost.has(f.properties.code)).map((f) => [Number(f.id), { lost: true }]));
  const fireLanes: States = new Map(map.layers.fireLanes.features.filter((f) => lanes.has(f.properties.code)).map((f) => [Number(f.id), { narrowed: true }]));
  if (phase) for (const id of phase.stairwellIds) zones.set(id, { ...zones.get(id), selected: true });
  return { stairwells, zones, hulls, parking, fireLanes };
}
