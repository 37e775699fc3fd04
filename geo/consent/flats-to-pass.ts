import { neededAgreement, type Counts } from './thresholds.ts';
import type { VoterTally } from './tally-voters.ts';

function preference(a: VoterTally, b: VoterTally): number {
  return a.rank - b.rank || b.areaCenti - a.areaCenti || (a.voterId < b.voterId ? -1 : a.voterId > b.voterId ? 1 : 0);
}

function sumOfLargest(areas: readonly number[], count: number): number {
  return [...areas].sort((x, y) => y - x).slice(0, count).reduce((s, a) => s + a, 0);
}

/**
 * The fewest no-vote voters whose signatures make the stairwell pass, chosen in
 * canvassing order (intent, undecided, unvisited, then larger area).
 * Returns null when even all of them would not be enough.
 *
 * Only signatures are proposed: adding agreeing voters can only help every one
 * of the four tests, whereas more turnout of any other kind can hurt.
 */
export function chooseVotersToPass(counts: Counts, noVote: readonly VoterTally[]): VoterTally[] | null {
  const need = neededAgreement(counts);
  const candidates = [...noVote].sort(preference);
  const areas = candidates.map((v) => v.areaCenti);
  let size = -1;
  for (let k = need.voters; k <= candidates.length; k++) {
    if (sumOfLargest(areas, k) >= need.areaCenti) {
      size = k;
      break;
    }
  }
  if (size < 0) return null;

  // Take each candidate in preference order if the set can still be completed
  // to `size` voters with enough area from the candidates after it.
  const chosen: VoterTally[] = [];
  let area = 0;
  for (let i = 0; i < candidates.length && chosen.length < size; i++) {
    const candidate = candidates[i] as VoterTally;
    const slotsLeft = size - chosen.length - 1;
    const best = sumOfLargest(areas.slice(i + 1), slotsLeft);
    if (area + candidate.areaCenti + best >= need.areaCenti) {
      chosen.push(candidate);
      area += candidate.areaCenti;
    }
  }
  return chosen;
}
