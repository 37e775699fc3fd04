import { chooseVotersToPass } from './flats-to-pass.ts';
import { tallyVoters, type VotingFlat } from './tally-voters.ts';
import {
  areaAgreementMet,
  areaParticipationMet,
  passes,
  votersAgreementMet,
  votersParticipationMet,
  withAgreeing,
  type Counts,
} from './thresholds.ts';

export interface ConsentResult {
  voters: { total: number; participating: number; agreeing: number };
  /** m² */
  area: { total: number; participating: number; agreeing: number };
  participationMet: boolean;
  agreementMet: boolean;
  passed: boolean;
  /** Passes if every 'none' flat voted agree. */
  stillPossible: boolean;
  /** Flats of the fewest voters whose 'agree' makes it pass; [] if passed; null if impossible. */
  flatsToPass: string[] | null;
}

export function countVoters(flats: readonly VotingFlat[]): { counts: Counts; noVote: ReturnType<typeof tallyVoters> } {
  const voters = tallyVoters(flats);
  const counts: Counts = {
    voters: voters.length,
    votersParticipating: 0,
    votersAgreeing: 0,
    areaCenti: 0,
    areaParticipatingCenti: 0,
    areaAgreeingCenti: 0,
  };
  for (const v of voters) {
    counts.areaCenti += v.areaCenti;
    if (v.vote === 'none') continue;
    counts.votersParticipating += 1;
    counts.areaParticipatingCenti += v.areaCenti;
    if (v.vote === 'agree') {
      counts.votersAgreeing += 1;
      counts.areaAgreeingCenti += v.areaCenti;
    }
  }
  return { counts, noVote: voters.filter((v) => v.vote === 'none') };
}

/**
 * Evaluates one stairwell under Shanghai's rule (Civil Code art. 278): ≥ 2/3 of
 * voters and of area take part, and ≥ 3/4 of the participating voters and area agree.
 * Headcount counts distinct voters; areas are compared in integer 0.01 m².
 *
 * @example
 * evaluateConsent([{ flatId: '101', voterId: 'v1', areaM2: 50, vote: 'agree' }]).passed // true
 * @throws ConsentInputError on an empty list, duplicate flats, bad areas or votes,
 *   or a voter whose flats carry different votes.
 */
export function evaluateConsent(flats: VotingFlat[]): ConsentResult {
  const { counts, noVote } = countVoters(flats);
  const participationMet = votersParticipationMet(counts) && areaParticipationMet(counts);
  const agreementMet = votersAgreementMet(counts) && areaAgreementMet(counts);
  const passed = participationMet && agreementMet;
  const allAgree = withAgreeing(
    counts,
    noVote.length,
    noVote.reduce((s, v) => s + v.areaCenti, 0),
  );
  const stillPossible = passed || passes(allAgree);
  let flatsToPass: string[] | null = null;
  if (passed) flatsToPass = [];
  else if (stillPossible) flatsToPass = chooseVotersToPass(counts, noVote)?.flatMap((v) => [...v.flatIds].sort()) ?? null;

  return {
    voters: { total: counts.voters, participating: counts.votersParticipating, agreeing: counts.votersAgreeing },
    area: {
      total: counts.areaCenti / 100,
      participating: counts.areaParticipatingCenti / 100,
      agreeing: counts.areaAgreeingCenti / 100,
    },
    participationMet,
    agreementMet,
    passed,
    stillPossible,
    flatsToPass,
  };
}
