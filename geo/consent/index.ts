export { evaluateConsent, type ConsentResult } from './evaluate-consent.ts';
export { ConsentInputError } from './consent-input-error.ts';
export type { VotingFlat } from './tally-voters.ts';
export {
  HOUSEHOLD_STATUSES,
  VOTES,
  voteOf,
  isHouseholdStatus,
  type HouseholdStatus,
  type Vote,
} from './household-status.ts';
export { evaluateStairwell, type RegisterFlat, type StairwellConsent } from './evaluate-stairwell.ts';
export { thresholdTests, type ThresholdTest, type ThresholdTests } from './threshold-tests.ts';
export { PROGRESS_BINS, progressBin, type ProgressBin } from './progress-bin.ts';
