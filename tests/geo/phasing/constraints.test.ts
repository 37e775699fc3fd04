import { describe, expect, it } from 'vitest';
import { planPhases, PhasingInputError } from '../../../geo/phasing/index.ts';
import { input, line, rect, site } from './hand-made.ts';

const phaseOf = (plan: ReturnType<typeof planPhases>, id: string) => plan.phases.find((p) => p.stairwellIds.includes(id))?.index;

describe('planPhases, one constraint at a time', () => {
  it('never starts a site before its ready day; the phase waits for it', () => {
    const plan = planPhases(input({ stairwells: [site('a', 0, 0, { readyDay: 45 })], phaseDays: 60 }));
    expect(plan.phases).toEqual([{ index: 0, startDay: 45, endDay: 105, stairwellIds: ['a'], parkingLost: [] }]);
  });

  it('holds at most `crews` sites per phase, heaviest first', () => {
    const stairwells = ['a', 'b', 'c'].map((id, i) => site(id, i * 100, 0, { weight: i + 1 }));
    const plan = planPhases(input({ stairwells, crews: 2 }));
    expect(plan.phases.map((p) => p.stairwellIds)).toEqual([['b', 'c'], ['a']]);
    expect(plan.score.weightedCompletion).toBe(60 * 2 + 60 * 3 + 120 * 1);
  });

  it('cannot schedule a site whose zone cuts a fire lane’s clear corridor, and says which lane', () => {
    // Lane along y = 18: clear corridor 16–20 m, the zone reaches 16.5 m.
    const plan = planPhases(input({ stairwells: [site('a', 0)], fireLanes: [{ id: '3', line: line([-50, 18], [50, 18]), roadWidthM: 6, clearWidthM: 4 }] }));
    expect(plan.phases).toEqual([]);
    expect(plan.unscheduled).toEqual([{ id: 'a', reason: 'its site blocks fire lane 3' }]);
  });

  it('keeps one side of a lane open: two sites reaching its road corridor go in different phases', () => {
    // Lane along y = 21: the clear corridor 19–23 m is untouched; the road corridor 21 ± (3 + 2) m reaches the zones (to 16.5 m).
    const lane = { id: 'L', line: line([-50, 21], [300, 21]), roadWidthM: 6, clearWidthM: 4 };
    const plan = planPhases(input({ stairwells: [site('a', 0), site('b', 200), site('c', 100, -30)], fireLanes: [lane] }));
    expect(plan.unscheduled).toEqual([]);
    expect(phaseOf(plan, 'a')).not.toBe(phaseOf(plan, 'b'));
    expect(phaseOf(plan, 'c')).toBe(0);
  });

  it('loses at most maxParkingLossPerPhase spaces in a phase, and lists them', () => {
    const spaces = [0, 1, 2, 3].map((k) => ({ id: `P${k}`, polygon: rect(k * 6, 10, k * 6 + 5.3, 12.5) }));
    const far = [0, 1, 2].map((k) => ({ id: `Q${k}`, polygon: rect(200 + k * 6, 10, 200 + k * 6 + 5.3, 12.5) }));
    const plan = planPhases(input({ stairwells: [site('a', 0), site('b', 200)], parkingSpaces: [...spaces, ...far], maxParkingLossPerPhase: 5 }));
    expect(plan.phases.map((p) => p.parkingLost)).toEqual([['P0', 'P1', 'P2'], ['Q0', 'Q1', 'Q2']]);
    expect(plan.score.peakParkingLost).toBe(3);
  });

  it('cannot schedule a site that alone takes more parking than a phase may lose', () => {
    const spaces = [0, 1, 2].map((k) => ({ id: `P${k}`, polygon: rect(k * 6, 10, k * 6 + 5.3, 12.5) }));
    const plan = planPhases(input({ stairwells: [site('a', 0)], parkingSpaces: spaces, maxParkingLossPerPhase: 2 }));
    expect(plan.unscheduled).toEqual([{ id: 'a', reason: 'its site alone takes 3 parking spaces, the limit is 2 per phase' }]);
  });

  it('keeps a building together when weights tie', () => {
    const stairwells = [site('a1', 0, 0, { buildingId: 'A' }), site('b1', 100, 0, { buildingId: 'B' }), site('a2', 200, 0, { buildingId: 'A' }), site('b2', 300, 0, { buildingId: 'B' })];
    const plan = planPhases(input({ stairwells, crews: 2 }));
    expect(plan.score.buildingsSplit).toBe(0);
  });

  it('refuses bad parameters, naming them', () => {
    expect(() => planPhases(input({ crews: 0 }))).toThrow(PhasingInputError);
    expect(() => planPhases(input({ crews: 0 }))).toThrow(/^crews: expected a whole number ≥ 1/);
    expect(() => planPhases(input({ phaseDays: 2.5 }))).toThrow(/^phaseDays/);
    expect(() => planPhases(input({ stairwells: [site('a', 0), site('a', 100)] }))).toThrow(/stairwells\[1\].id: a appears twice/);
  });
});
