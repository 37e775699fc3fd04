import type { SiteFacts } from './analyze-sites.ts';
import { buildPlan } from './build-plan.ts';
import type { PhaseLoad } from './phase-load.ts';
import type { PhasePlan, PhasingInput, PhasingStairwell } from './phasing-types.ts';

const SWAP_CANDIDATES = 4;
const SWEEPS = 3;

function lightest(members: Set<string>, weight: (id: string) => number): string[] {
  const out: string[] = [];
  for (const id of members) {
    if (out.length === SWAP_CANDIDATES && weight(id) >= weight(out[SWAP_CANDIDATES - 1]!)) continue;
    out.push(id);
    out.sort((x, y) => weight(x) - weight(y));
    if (out.length > SWAP_CANDIDATES) out.pop();
  }
  return out;
}

function startsOf(loads: PhaseLoad[], byId: Map<string, PhasingStairwell>, phaseDays: number): number[] {
  const starts: number[] = [];
  let previousEnd = 0;
  for (const load of loads) {
    const start = Math.max(previousEnd, ...[...load.members].map((id) => Math.ceil(byId.get(id)?.readyDay ?? 0)));
    starts.push(start);
    previousEnd = start + phaseDays;
  }
  return starts;
}

/**
 * Local search after the greedy pass. Each move keeps every constraint and
 * never starts a phase later: (1) a heavier site moves into, or swaps into, an
 * earlier phase; (2) equal-weight swaps reunite split buildings.
 */
export function improvePlan(
  input: PhasingInput,
  facts: Map<string, SiteFacts>,
  loads: PhaseLoad[],
  unscheduled: PhasePlan['unscheduled'],
): PhasePlan {
  const byId = new Map(input.stairwells.map((s) => [s.id, s]));
  const weight = (id: string) => byId.get(id)?.weight ?? 0;
  const ready = (id: string) => Math.ceil(byId.get(id)?.readyDay ?? 0);
  const starts = startsOf(loads, byId, input.phaseDays);

  for (let sweep = 0, changed = true; sweep < SWEEPS && changed; sweep++) {
    changed = false;
    for (let i = 0; i < loads.length; i++) {
      const early = loads[i]!;
      for (let j = i + 1; j < loads.length; j++) {
        const late = loads[j]!;
        const heavy = [...late.members].filter((id) => ready(id) <= starts[i]!).sort((a, b) => weight(b) - weight(a));
        // The lightest members of the early phase, kept sorted as swaps change it.
        let light = lightest(early.members, weight);
        for (const b of heavy) {
          // Lighter sites from here on: a full early phase has nothing lighter to give.
          const full = early.members.size >= input.crews;
          if (weight(b) <= 0 || (full && weight(b) <= weight(light[0] ?? b))) break;
          if (early.fits(b)) {
            late.remove(b);
            early.add(b);
            light = lightest(early.members, weight);
            changed = true;
            continue;
          }
          const a = light.find((id) => weight(id) < weight(b) && early.fits(b, id) && late.fits(id, b));
          if (a === undefined) continue;
          early.remove(a);
          late.remove(b);
          early.add(b);
          late.add(a);
          light = lightest(early.members, weight);
          changed = true;
        }
      }
    }
  }
  reuniteBuildings(loads, byId, starts);
  const groups = loads.map((l) => [...l.members]);
  return buildPlan(input, facts, groups, unscheduled);
}

/** Equal-weight swaps between phases that lower the number of buildings split. */
function reuniteBuildings(loads: PhaseLoad[], byId: Map<string, PhasingStairwell>, starts: number[]): void {
  const building = (id: string) => byId.get(id)?.buildingId ?? id;
  const phaseOf = new Map<string, number>();
  loads.forEach((l, p) => l.members.forEach((id) => phaseOf.set(id, p)));
  const members = new Map<string, string[]>();
  for (const id of phaseOf.keys()) {
    const list = members.get(building(id));
    if (list) list.push(id);
    else members.set(building(id), [id]);
  }
  const spread = (b: string) => new Set((members.get(b) ?? []).map((id) => phaseOf.get(id))).size;

  for (const [b, ids] of members) {
    if (spread(b) < 2) continue;
    const counts = new Map<number, number>();
    for (const id of ids) counts.set(phaseOf.get(id)!, (counts.get(phaseOf.get(id)!) ?? 0) + 1);
    const home = [...counts].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]![0];
    for (const s of ids) {
      const from = phaseOf.get(s)!;
      if (from === home) continue;
      const w = byId.get(s)!.weight;
      for (const t of [...loads[home]!.members]) {
        const tb = building(t);
        if (tb === b || byId.get(t)!.weight !== w) continue;
        if (Math.ceil(byId.get(s)!.readyDay) > starts[home]! || Math.ceil(byId.get(t)!.readyDay) > starts[from]!) continue;
        if (!loads[home]!.fits(s, t) || !loads[from]!.fits(t, s)) continue;
        const before = spread(b) + spread(tb);
        phaseOf.set(s, home);
        phaseOf.set(t, from);
        if (spread(b) + spread(tb) < before) {
          loads[home]!.remove(t);
          loads[from]!.remove(s);
          loads[home]!.add(s);
          loads[from]!.add(t);
          break;
        }
        phaseOf.set(s, from);
        phaseOf.set(t, home);
      }
    }
  }
}
