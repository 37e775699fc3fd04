import { evaluateConsent, type ConsentResult } from './evaluate-consent.ts';
import { voteOf, type HouseholdStatus } from './household-status.ts';
import { progressBin, type ProgressBin } from './progress-bin.ts';
import { thresholdTests, type ThresholdTests } from './threshold-tests.ts';

export interface RegisterFlat {
  flatId: string;
  voterId: string;
  /** Exclusive area from the register; null when not known yet. */
  areaM2: number | null;
  status: HouseholdStatus;
}

export type StairwellConsent =
  | { complete: false; bin: 'incomplete'; missingAreaFlatIds: string[]; flatsSigned: number }
  | {
      complete: true;
      bin: ProgressBin;
      /** Share of the needed agreeing voters already collected, 0..1. */
      progress: number;
      result: ConsentResult;
      tests: ThresholdTests;
      /** Whether it would pass if every verbal yes (口头同意) signed. */
      forecastPassed: boolean;
      flatsSigned: number;
    };

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/**
 * Evaluates a stairwell from its register rows: "incomplete" while any area is
 * unknown (never computed as zero), else the consent result with per-test shares,
 * the map bin and the forecast counting verbal intent as agreement.
 */
export function evaluateStairwell(flats: readonly RegisterFlat[]): StairwellConsent {
  const flatsSigned = flats.filter((f) => f.status === 'signed').length;
  const missing = flats.filter((f) => f.areaM2 === null).map((f) => f.flatId);
  if (missing.length > 0 || flats.length === 0)
    return { complete: false, bin: 'incomplete', missingAreaFlatIds: missing, flatsSigned };

  const voting = flats.map((f) => ({
    flatId: f.flatId,
    voterId: f.voterId,
    areaM2: f.areaM2 as number,
    vote: voteOf(f.status),
    status: f.status,
  }));
  const result = evaluateConsent(voting);
  const forecast = evaluateConsent(voting.map((f) => (f.status === 'intent' ? { ...f, vote: 'agree' as const } : f)));

  const tests = thresholdTests(result);

  let progress = 1;
  let bin: ProgressBin = 'passed';
  if (!result.passed) {
    const toPass = result.flatsToPass;
    if (toPass === null) {
      progress = 0;
      bin = 'impossible';
    } else {
      const votersToPass = new Set(voting.filter((f) => toPass.includes(f.flatId)).map((f) => f.voterId)).size;
      progress = share(result.voters.agreeing, result.voters.agreeing + votersToPass);
      bin = progressBin(progress);
    }
  }
  return { complete: true, bin, progress, result, tests, forecastPassed: forecast.passed, flatsSigned };
}
