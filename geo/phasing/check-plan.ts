import type { SiteFacts } from './analyze-sites.ts';
import type { PhasePlan, PhasingInput } from './phasing-types.ts';

export type ViolationKind = 'ready' | 'crews' | 'blocks_lane' | 'lane_conflict' | 'parking' | 'dates' | 'missing';

export interface Violation {
  kind: ViolationKind;
  phase: number | null;
  stairwellIds: string[];
  message: string;
  /** The fire lane concerned, for blocks_lane and lane_conflict. */
  lane?: string;
  /** What the phase holds and what it may hold, for crews and parking. */
  count?: number;
  limit?: number;
}

/**
 * Every hard constraint of SPEC §5 a plan breaks (none for the planner's
 * own plans; a planner's manual moves may break some, and see which).
 */
export function checkPlan(input: PhasingInput, facts: Map<string, SiteFacts>, plan: PhasePlan): Violation[] {
  const out: Violation[] = [];
  const byId = new Map(input.stairwells.map((s) => [s.id, s]));
  const placed = new Map<string, number>();
  let previousEnd = 0;
  for (const p of plan.phases) {
    if (p.startDay < previousEnd || p.endDay - p.startDay !== input.phaseDays)
      out.push({ kind: 'dates', phase: p.index, stairwellIds: [], message: `phase ${p.index + 1} overlaps the one before or does not last ${input.phaseDays} days` });
    previousEnd = p.endDay;
    if (p.stairwellIds.length > input.crews)
      out.push({ kind: 'crews', phase: p.index, stairwellIds: p.stairwellIds, count: p.stairwellIds.length, limit: input.crews, message: `phase ${p.index + 1} has ${p.stairwellIds.length} sites for ${input.crews} crews` });
    const lanes = new Map<string, string[]>();
    const lost = new Set<string>();
    for (const id of p.stairwellIds) {
      placed.set(id, p.index);
      const s = byId.get(id);
      const f = facts.get(id);
      if (!s || !f) continue;
      if (s.readyDay > p.startDay)
        out.push({ kind: 'ready', phase: p.index, stairwellIds: [id], message: `${id} is ready on day ${s.readyDay}, after phase ${p.index + 1} starts (day ${p.startDay})` });
      if (f.blocksLanes.length)
        out.push({ kind: 'blocks_lane', phase: p.index, stairwellIds: [id], lane: f.blocksLanes.join(', '), message: `${id}'s site blocks fire lane ${f.blocksLanes.join(', ')}` });
      for (const lane of f.narrowsLanes) lanes.set(lane, [...(lanes.get(lane) ?? []), id]);
      for (const space of f.parking) lost.add(space);
    }
    for (const [lane, ids] of lanes)
      if (ids.length > 1)
        out.push({ kind: 'lane_conflict', phase: p.index, stairwellIds: ids, lane, message: `${ids.join(' and ')} both narrow fire lane ${lane} in phase ${p.index + 1}` });
    if (lost.size > input.maxParkingLossPerPhase)
      out.push({ kind: 'parking', phase: p.index, stairwellIds: p.stairwellIds, count: lost.size, limit: input.maxParkingLossPerPhase, message: `phase ${p.index + 1} takes ${lost.size} parking spaces, the limit is ${input.maxParkingLossPerPhase}` });
  }
  const unscheduled = new Set(plan.unscheduled.map((u) => u.id));
  for (const s of input.stairwells)
    if (!placed.has(s.id) && !unscheduled.has(s.id))
      out.push({ kind: 'missing', phase: null, stairwellIds: [s.id], message: `${s.id} is neither scheduled nor explained` });
  return out;
}
