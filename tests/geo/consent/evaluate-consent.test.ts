import { describe, expect, it } from 'vitest';
import { ConsentInputError, evaluateConsent, type Vote, type VotingFlat } from '../../../geo/consent/index.ts';

/** n flats of one voter each, equal areas, votes in order. */
function flats(votes: Vote[], areaM2 = 50): VotingFlat[] {
  return votes.map((vote, i) => ({ flatId: `f${i}`, voterId: `v${i}`, areaM2, vote }));
}
const times = (n: number, vote: Vote): Vote[] => Array<Vote>(n).fill(vote);

describe('evaluateConsent thresholds', () => {
  it('passes at exactly 2/3 participation and exactly 3/4 agreement', () => {
    // 12 voters: 8 take part (2/3), 6 of them agree (3/4).
    const r = evaluateConsent(flats([...times(6, 'agree'), ...times(2, 'oppose'), ...times(4, 'none')]));
    expect(r.participationMet).toBe(true);
    expect(r.agreementMet).toBe(true);
    expect(r.passed).toBe(true);
    expect(r.flatsToPass).toEqual([]);
  });

  it('fails one voter below 2/3 participation', () => {
    // 12 voters, 7 take part, all agree.
    const r = evaluateConsent(flats([...times(7, 'agree'), ...times(5, 'none')]));
    expect(r.participationMet).toBe(false);
    expect(r.agreementMet).toBe(true);
    expect(r.passed).toBe(false);
    expect(r.flatsToPass).toHaveLength(1);
  });

  it('fails one voter below 3/4 agreement', () => {
    // 8 take part, 5 agree (< 6).
    const r = evaluateConsent(flats([...times(5, 'agree'), ...times(3, 'oppose'), ...times(4, 'none')]));
    expect(r.participationMet).toBe(true);
    expect(r.agreementMet).toBe(false);
    expect(r.passed).toBe(false);
  });

  it('counts abstentions as participation but not agreement', () => {
    const r = evaluateConsent(flats([...times(6, 'agree'), ...times(3, 'abstain'), ...times(3, 'none')]));
    expect(r.voters).toEqual({ total: 12, participating: 9, agreeing: 6 });
    expect(r.agreementMet).toBe(false);
  });

  it('decides on area as well as headcount', () => {
    // 4 voters, 3 agree by head, but the opposing voter holds most of the area.
    const list: VotingFlat[] = [
      { flatId: 'a', voterId: 'a', areaM2: 30, vote: 'agree' },
      { flatId: 'b', voterId: 'b', areaM2: 30, vote: 'agree' },
      { flatId: 'c', voterId: 'c', areaM2: 30, vote: 'agree' },
      { flatId: 'd', voterId: 'd', areaM2: 60, vote: 'oppose' },
    ];
    const r = evaluateConsent(list);
    expect(r.voters.agreeing * 4).toBeGreaterThanOrEqual(r.voters.participating * 3);
    expect(r.agreementMet).toBe(false);
    expect(r.passed).toBe(false);
    expect(r.stillPossible).toBe(false);
    expect(r.flatsToPass).toBeNull();
  });

  it('compares decimal areas exactly: 3/4 of area agreeing is met at the bound', () => {
    // agreeing 75.03 of participating 100.04 is exactly 3/4.
    const list: VotingFlat[] = [
      { flatId: 'a', voterId: 'a', areaM2: 37.51, vote: 'agree' },
      { flatId: 'b', voterId: 'b', areaM2: 37.52, vote: 'agree' },
      { flatId: 'c', voterId: 'c', areaM2: 25.01, vote: 'abstain' },
      { flatId: 'd', voterId: 'd', areaM2: 0.01, vote: 'agree' },
    ];
    // agreeing = 75.04, participating = 100.05: 4·7504 = 30016 ≥ 3·10005 = 30015.
    expect(evaluateConsent(list).agreementMet).toBe(true);
    list[3] = { flatId: 'd', voterId: 'd', areaM2: 0.02, vote: 'abstain' };
    // agreeing = 75.03, participating = 100.06: 30012 < 30018.
    expect(evaluateConsent(list).agreementMet).toBe(false);
  });

  it('reports areas in m² and headcounts of distinct voters', () => {
    const list: VotingFlat[] = [
      { flatId: '101', voterId: 'v1', areaM2: 40.25, vote: 'agree' },
      { flatId: '102', voterId: 'v1', areaM2: 35.5, vote: 'agree' },
      { flatId: '103', voterId: 'v2', areaM2: 50, vote: 'none' },
    ];
    const r = evaluateConsent(list);
    expect(r.voters).toEqual({ total: 2, participating: 1, agreeing: 1 });
    expect(r.area).toEqual({ total: 125.75, participating: 75.75, agreeing: 75.75 });
  });

  it('counts a voter with several flats once, with the sum of their areas', () => {
    // By head 1 of 3 agree; the multi-flat voter's area does not buy extra heads.
    const list: VotingFlat[] = [
      { flatId: '101', voterId: 'big', areaM2: 50, vote: 'agree' },
      { flatId: '102', voterId: 'big', areaM2: 50, vote: 'agree' },
      { flatId: '103', voterId: 'big', areaM2: 50, vote: 'agree' },
      { flatId: '104', voterId: 'x', areaM2: 10, vote: 'oppose' },
      { flatId: '105', voterId: 'y', areaM2: 10, vote: 'oppose' },
    ];
    const r = evaluateConsent(list);
    expect(r.voters.total).toBe(3);
    expect(r.area.agreeing).toBe(150);
    expect(r.agreementMet).toBe(false);
  });

  it('has no agreement when nobody has voted', () => {
    const r = evaluateConsent(flats(times(4, 'none')));
    expect(r.participationMet).toBe(false);
    expect(r.agreementMet).toBe(false);
    expect(r.stillPossible).toBe(true);
    expect(r.flatsToPass).toHaveLength(3);
  });

  it('turnout can turn a pass into a fail, and the to-do list only proposes signatures', () => {
    const before = evaluateConsent(flats([...times(6, 'agree'), ...times(2, 'oppose'), ...times(4, 'none')]));
    const after = evaluateConsent(flats([...times(6, 'agree'), ...times(3, 'oppose'), ...times(3, 'none')]));
    expect(before.passed).toBe(true);
    expect(after.passed).toBe(false);
    // 9 take part, 6 agree: three of the three non-voters must sign, never "more turnout".
    expect(after.flatsToPass).toEqual(['f10', 'f11', 'f9']);
  });
});

describe('evaluateConsent to-do list', () => {
  it('prefers intent over undecided over unvisited, then larger area', () => {
    const list: VotingFlat[] = [
      ...flats([...times(5, 'agree'), ...times(1, 'oppose')]),
      { flatId: 'unvisited-big', voterId: 'u1', areaM2: 65, vote: 'none', status: 'unvisited' },
      { flatId: 'undecided', voterId: 'u2', areaM2: 40, vote: 'none', status: 'undecided' },
      { flatId: 'intent-small', voterId: 'u3', areaM2: 36, vote: 'none', status: 'intent' },
      { flatId: 'intent-big', voterId: 'u4', areaM2: 45, vote: 'none', status: 'intent' },
    ];
    // 10 voters, 6 took part: one more signature does it, and intent comes first.
    expect(evaluateConsent(list).flatsToPass).toEqual(['intent-big']);
    const noIntent = list.map((f) => (f.status === 'intent' ? { ...f, status: 'unvisited' as const } : f));
    // Without verbal yeses, undecided comes before a larger unvisited flat.
    expect(evaluateConsent(noIntent).flatsToPass).toEqual(['undecided']);
  });

  it('skips a preferred flat when its area cannot reach the area threshold', () => {
    const list: VotingFlat[] = [
      { flatId: 'a', voterId: 'a', areaM2: 60, vote: 'agree' },
      { flatId: 'b', voterId: 'b', areaM2: 60, vote: 'agree' },
      { flatId: 'tiny', voterId: 't', areaM2: 5, vote: 'none', status: 'intent' },
      { flatId: 'large', voterId: 'l', areaM2: 60, vote: 'none', status: 'unvisited' },
    ];
    // Voters need 1 more (3 of 4 take part); area needs ≥ 2/3 of 185 = 123.33 → 'tiny' gives 125 — enough.
    expect(evaluateConsent(list).flatsToPass).toEqual(['tiny']);
    list[0] = { flatId: 'a', voterId: 'a', areaM2: 40, vote: 'agree' };
    // Now area 40+60 = 100 of 165: tiny makes 105 < 110, so 'large' it must be.
    expect(evaluateConsent(list).flatsToPass).toEqual(['large']);
  });

  it('lists every flat of a chosen voter', () => {
    const list: VotingFlat[] = [
      { flatId: '101', voterId: 'a', areaM2: 50, vote: 'agree' },
      { flatId: '102', voterId: 'b', areaM2: 50, vote: 'none', status: 'intent' },
      { flatId: '103', voterId: 'b', areaM2: 50, vote: 'none', status: 'unvisited' },
    ];
    expect(evaluateConsent(list).flatsToPass).toEqual(['102', '103']);
  });

  it('returns null when even every remaining signature would not do', () => {
    const r = evaluateConsent(flats([...times(2, 'agree'), ...times(2, 'oppose'), ...times(1, 'none')]));
    expect(r.stillPossible).toBe(false);
    expect(r.flatsToPass).toBeNull();
  });
});

describe('evaluateConsent bad input', () => {
  const ok: VotingFlat = { flatId: '101', voterId: 'v1', areaM2: 50, vote: 'agree' };
  const bad = (patch: Partial<Record<keyof VotingFlat, unknown>>) => [{ ...ok, ...patch } as VotingFlat];

  it.each([
    ['an empty stairwell', [] as VotingFlat[], /at least one flat/],
    ['a zero area', bad({ areaM2: 0 }), /areaM2.*positive/],
    ['a negative area', bad({ areaM2: -3 }), /areaM2/],
    ['a NaN area', bad({ areaM2: Number.NaN }), /areaM2/],
    ['a missing area', bad({ areaM2: undefined }), /areaM2/],
    ['an unknown vote', bad({ vote: 'yes' }), /vote.*expected one of/],
    ['an empty flat id', bad({ flatId: '' }), /flatId/],
    ['an empty voter id', bad({ voterId: ' ' }), /voterId/],
    ['an unknown status', bad({ status: 'maybe' }), /status/],
  ])('rejects %s', (_name, input, message) => {
    expect(() => evaluateConsent(input)).toThrow(ConsentInputError);
    expect(() => evaluateConsent(input)).toThrow(message);
  });

  it('rejects the same flat twice', () => {
    expect(() => evaluateConsent([ok, { ...ok }])).toThrow(/flat 101 appears twice/);
  });

  it('rejects a voter whose flats carry different votes, naming the voter', () => {
    const list: VotingFlat[] = [ok, { flatId: '102', voterId: 'v1', areaM2: 40, vote: 'none' }];
    expect(() => evaluateConsent(list)).toThrow(/voter v1 casts conflicting votes/);
  });
});
