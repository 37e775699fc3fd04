import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateConsent, VOTES, type VotingFlat } from '../../../geo/consent/index.ts';

const stairwell = fc
  .array(
    fc.record({
      voter: fc.integer({ min: 0, max: 7 }),
      areaCenti: fc.integer({ min: 1, max: 9000 }),
      vote: fc.constantFrom(...VOTES),
    }),
    { minLength: 1, maxLength: 9 },
  )
  .map((rows) => {
    // One vote per voter: the first row of a voter decides it.
    const voteOf = new Map<number, (typeof rows)[number]['vote']>();
    return rows.map((r, i): VotingFlat => {
      if (!voteOf.has(r.voter)) voteOf.set(r.voter, r.vote);
      return { flatId: `f${i}`, voterId: `v${r.voter}`, areaM2: r.areaCenti / 100, vote: voteOf.get(r.voter)! };
    });
  });

const sign = (flats: VotingFlat[], ids: Iterable<string>) => {
  const set = new Set(ids);
  return flats.map((f) => (set.has(f.flatId) ? { ...f, vote: 'agree' as const } : f));
};

describe('evaluateConsent properties', () => {
  it('the to-do list makes the stairwell pass and no smaller set of voters would', () => {
    fc.assert(
      fc.property(stairwell, (flats) => {
        const r = evaluateConsent(flats);
        if (r.flatsToPass === null) {
          expect(r.stillPossible).toBe(false);
          return;
        }
        expect(evaluateConsent(sign(flats, r.flatsToPass)).passed).toBe(true);
        const noVoteVoters = [...new Set(flats.filter((f) => f.vote === 'none').map((f) => f.voterId))];
        const chosen = new Set(flats.filter((f) => r.flatsToPass!.includes(f.flatId)).map((f) => f.voterId));
        // Brute force: every subset of no-vote voters smaller than the chosen set fails.
        for (let mask = 0; mask < 1 << noVoteVoters.length; mask++) {
          const subset = noVoteVoters.filter((_, i) => mask & (1 << i));
          if (subset.length >= chosen.size) continue;
          const ids = flats.filter((f) => subset.includes(f.voterId)).map((f) => f.flatId);
          expect(evaluateConsent(sign(flats, ids)).passed).toBe(false);
        }
      }),
      { numRuns: 400, seed: 20261124 },
    );
  });

  it('one more signature never turns a pass into a fail', () => {
    fc.assert(
      fc.property(stairwell, fc.nat(), (flats, pick) => {
        const none = flats.filter((f) => f.vote === 'none');
        if (none.length === 0) return;
        const voter = none[pick % none.length]!.voterId;
        const before = evaluateConsent(flats);
        const after = evaluateConsent(flats.map((f) => (f.voterId === voter ? { ...f, vote: 'agree' as const } : f)));
        if (before.passed) expect(after.passed).toBe(true);
        expect(after.voters.agreeing).toBe(before.voters.agreeing + 1);
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  it('is still possible exactly when signing every no-vote flat passes', () => {
    fc.assert(
      fc.property(stairwell, (flats) => {
        const all = sign(flats, flats.filter((f) => f.vote === 'none').map((f) => f.flatId));
        expect(evaluateConsent(flats).stillPossible).toBe(evaluateConsent(all).passed);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
