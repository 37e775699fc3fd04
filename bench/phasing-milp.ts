import loadHighs from 'highs';
import { analyzeSites, unschedulableReason, type PhasingInput } from '../geo/phasing/index.ts';

export interface ExactResult {
  status: string;
  /** Σ weight × completion day of the best plan found (proved optimal when status is 'Optimal'). */
  weightedCompletion: number;
  seconds: number;
}

/**
 * The exact optimum of SPEC §5's first goal as a MILP, for small instances:
 * x[s,p] = 1 when site s is in phase p; phases run one after another; C[s] is
 * its completion day. Same constraints as the planner; minimises Σ w·C.
 */
export function phasingLp(input: PhasingInput): string {
  const facts = analyzeSites(input);
  const sites = input.stairwells.filter((s) => unschedulableReason(facts.get(s.id)!, input.maxParkingLossPerPhase) === null);
  const n = sites.length;
  const P = n; // enough phases for any plan
  const D = input.phaseDays;
  const x = (s: number, p: number) => `x_${s}_${p}`;
  const rows: string[] = [];
  const objective = sites.map((s, i) => `${s.weight} C_${i}`).join(' + ');
  const maxReady = Math.max(0, ...sites.map((s) => s.readyDay));
  sites.forEach((s, i) => {
    rows.push(`one_${i}: ${Array.from({ length: P }, (_, p) => x(i, p)).join(' + ')} = 1`);
    // Valid cuts: phase p cannot start before p·D, nor a site before it is ready.
    rows.push(`late_${i}: C_${i} - ${Array.from({ length: P }, (_, p) => `${p * D} ${x(i, p)}`).join(' - ')} >= ${D}`);
    rows.push(`soon_${i}: C_${i} >= ${s.readyDay + D}`);
    for (let p = 0; p < P; p++) {
      if (s.readyDay > 0) rows.push(`ready_${i}_${p}: S_${p} - ${s.readyDay} ${x(i, p)} >= 0`);
      // Left-shifted plans have S_p ≤ maxReady + p·D, so a per-phase big-M suffices.
      const Mp = maxReady + (p + 1) * D;
      rows.push(`done_${i}_${p}: C_${i} - S_${p} - ${Mp} ${x(i, p)} >= ${D - Mp}`);
    }
  });
  const lanes = new Map<string, number[]>();
  const spaces = new Map<string, number[]>();
  sites.forEach((s, i) => {
    for (const lane of facts.get(s.id)!.narrowsLanes) lanes.set(lane, [...(lanes.get(lane) ?? []), i]);
    for (const q of facts.get(s.id)!.parking) spaces.set(q, [...(spaces.get(q) ?? []), i]);
  });
  const spaceIds = [...spaces.keys()];
  for (let p = 0; p < P; p++) {
    rows.push(`crews_${p}: ${sites.map((_, i) => x(i, p)).join(' + ')} - ${input.crews} u_${p} <= 0`);
    if (p > 0) {
      rows.push(`seq_${p}: S_${p} - S_${p - 1} >= ${D}`);
      // Phases are used in order: no empty phase before a used one (symmetry).
      rows.push(`order_${p}: u_${p} - u_${p - 1} <= 0`);
    }
    [...lanes.values()].forEach((members, l) => {
      if (members.length > 1) rows.push(`lane_${l}_${p}: ${members.map((i) => x(i, p)).join(' + ')} <= 1`);
    });
    spaceIds.forEach((q, k) => {
      for (const i of spaces.get(q)!) rows.push(`lost_${k}_${i}_${p}: y_${k}_${p} - ${x(i, p)} >= 0`);
    });
    if (spaceIds.length) rows.push(`parking_${p}: ${spaceIds.map((_, k) => `y_${k}_${p}`).join(' + ')} <= ${input.maxParkingLossPerPhase}`);
  }
  const binaries: string[] = sites.flatMap((_, i) => Array.from({ length: P }, (_, p) => x(i, p)));
  const bounds = [
    ...spaceIds.flatMap((_, k) => Array.from({ length: P }, (_, p) => `0 <= y_${k}_${p} <= 1`)),
    ...Array.from({ length: P }, (_, p) => `0 <= S_${p} <= ${maxReady + p * D}`),
  ];
  binaries.push(...Array.from({ length: P }, (_, p) => `u_${p}`));
  return ['Minimize', ` obj: ${objective || '0 C_0'}`, 'Subject To', ...rows.map((r) => ` ${r}`), 'Bounds', ...bounds.map((b) => ` ${b}`), 'Binary', ` ${binaries.join(' ')}`, 'End'].join('\n');
}

export async function solveExact(input: PhasingInput, timeLimitS: number): Promise<ExactResult> {
  const highs = await loadHighs();
  const started = performance.now();
  const result = highs.solve(phasingLp(input), { output_flag: false, time_limit: timeLimitS, mip_rel_gap: 1e-6 });
  return { status: result.Status, weightedCompletion: result.ObjectiveValue, seconds: (performance.now() - started) / 1000 };
}
