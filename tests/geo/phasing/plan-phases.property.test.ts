import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeSites, checkPlan, naivePlan, planPhases, scorePlan } from '../../../geo/phasing/index.ts';
import { createRng, FENGHE_PLAN, generateLayout, phasingInputFromLayout, randomSmallInstance } from '../../../geo/synthetic/index.ts';

const instances = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    stairwells: fc.integer({ min: 4, max: 20 }),
    crews: fc.integer({ min: 1, max: 5 }),
    phaseDays: fc.integer({ min: 10, max: 90 }),
    maxParkingLossPerPhase: fc.integer({ min: 0, max: 12 }),
    maxReadyDay: fc.integer({ min: 0, max: 200 }),
  })
  .map(({ seed, stairwells, ...opts }) => randomSmallInstance(seed, stairwells, opts));

describe('planPhases on random estates', () => {
  it('never breaks a hard constraint, and schedules or explains every stairwell', () => {
    fc.assert(
      fc.property(instances, (input) => {
        const plan = planPhases(input);
        expect(checkPlan(input, analyzeSites(input), plan)).toEqual([]);
        const placed = plan.phases.flatMap((p) => p.stairwellIds);
        expect(new Set(placed).size).toBe(placed.length);
        expect(placed.length + plan.unscheduled.length).toBe(input.stairwells.length);
        expect(plan.phases.every((p, i) => p.index === i && p.stairwellIds.length > 0)).toBe(true);
      }),
      { numRuns: 60, seed: 424242 },
    );
  });

  it('is deterministic and reports its own score truthfully', () => {
    fc.assert(
      fc.property(instances, (input) => {
        const plan = planPhases(input);
        expect(planPhases(structuredClone(input))).toEqual(plan);
        expect(plan.score).toEqual(scorePlan(input.stairwells, plan.phases));
      }),
      { numRuns: 30, seed: 99 },
    );
  });

  it('unschedules only sites that block a lane or take too much parking alone', () => {
    fc.assert(
      fc.property(instances, (input) => {
        const facts = analyzeSites(input);
        for (const u of planPhases(input).unscheduled) {
          const f = facts.get(u.id)!;
          expect(f.blocksLanes.length > 0 || f.parking.length > input.maxParkingLossPerPhase).toBe(true);
        }
      }),
      { numRuns: 30, seed: 5 },
    );
  });
});

describe('planPhases on Fenghe Garden', () => {
  it('puts elders first: less weighted waiting than first-ready-first-built', () => {
    const input = phasingInputFromLayout(generateLayout(FENGHE_PLAN), createRng(7), { crews: 6, phaseDays: 70, maxParkingLossPerPhase: 12, maxReadyDay: 120 });
    const plan = planPhases(input);
    const naive = naivePlan(input);
    expect(checkPlan(input, analyzeSites(input), naive)).toEqual([]);
    expect(plan.score.weightedCompletion).toBeLessThan(naive.score.weightedCompletion);
    expect(plan.unscheduled).toEqual([]);
  });
});
