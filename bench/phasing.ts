import { analyzeSites, checkPlan, naivePlan, planPhases, type PhasingInput } from '../geo/phasing/index.ts';
import { districtInstance, FENGHE_PLAN, randomSmallInstance } from '../geo/synthetic/index.ts';
import { measure } from './measure.ts';
import { solveExact } from './phasing-milp.ts';

const SMALL = { crews: 3, phaseDays: 30, maxParkingLossPerPhase: 6, maxReadyDay: 90 };

/** (a) The planner against HiGHS's exact optimum on small random estates. */
export async function optimalityGap(sizes: number[], seeds: number[], timeLimitS: number) {
  const rows = [];
  for (const n of sizes)
    for (const seed of seeds) {
      const input = randomSmallInstance(seed * 1000 + n, n, SMALL);
      const plan = planPhases(input);
      const violations = checkPlan(input, analyzeSites(input), plan).length;
      const exact = await solveExact(input, timeLimitS);
      const proved = exact.status === 'Optimal';
      rows.push({
        stairwells: n,
        seed,
        plannerWeightedCompletion: plan.score.weightedCompletion,
        exactWeightedCompletion: Math.round(exact.weightedCompletion * 1000) / 1000,
        exactStatus: exact.status,
        exactSeconds: Math.round(exact.seconds * 10) / 10,
        gapPercent: proved ? Math.round((plan.score.weightedCompletion / exact.weightedCompletion - 1) * 10000) / 100 : null,
        plannerViolations: violations,
      });
      console.log(`  phasing gap n=${n} seed=${seed}: planner ${plan.score.weightedCompletion}, HiGHS ${exact.weightedCompletion.toFixed(1)} (${exact.status}, ${exact.seconds.toFixed(1)} s)`);
    }
  const gaps = rows.flatMap((r) => (r.gapPercent === null ? [] : [r.gapPercent]));
  return {
    instances: rows,
    meanGapPercent: Math.round((gaps.reduce((a, b) => a + b, 0) / Math.max(1, gaps.length)) * 100) / 100,
    maxGapPercent: Math.max(0, ...gaps),
    provedOptimal: gaps.length,
    plannerInfeasible: rows.filter((r) => r.plannerViolations > 0).length,
  };
}

/** (b) The planner against first-ready-first-built in door order, on one input. */
export function againstNaive(name: string, input: PhasingInput) {
  const plan = planPhases(input);
  const naive = naivePlan(input);
  const totalWeight = input.stairwells.reduce((s, x) => s + x.weight, 0);
  return {
    name,
    stairwells: input.stairwells.length,
    planner: plan.score,
    naive: naive.score,
    phases: { planner: plan.phases.length, naive: naive.phases.length },
    /** Average completion day, weighted by elders. */
    elderWeightedMeanCompletionDay: {
      planner: Math.round((plan.score.weightedCompletion / totalWeight) * 10) / 10,
      naive: Math.round((naive.score.weightedCompletion / totalWeight) * 10) / 10,
    },
    weightedWaitingSavedPercent: Math.round((1 - plan.score.weightedCompletion / naive.score.weightedCompletion) * 10000) / 100,
  };
}

/** Running time of planPhases on the district generator: 80, 800 and 8,000 stairwells. */
export async function runningTimes(runs: Record<number, number>) {
  const out = [];
  for (const estates of [1, 10, 100]) {
    const input = districtInstance(estates, estates, FENGHE_PLAN, {
      crews: 6 * estates,
      phaseDays: 70,
      maxParkingLossPerPhase: 12 * estates,
      maxReadyDay: 120,
    });
    const m = await measure(`planPhases ${input.stairwells.length} stairwells`, runs[estates] ?? 5, () => planPhases(input));
    out.push({ ...m, stairwells: input.stairwells.length });
  }
  return out;
}
