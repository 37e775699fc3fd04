import { evaluateConsent, type ConsentResult } from './evaluate-consent.ts';
import { voteOf, type HouseholdStatus } from './household-status.ts';
import { progressBin, type ProgressBin } from './progress-bin.ts';

export interface RegisterFlat {
  flatId: string;
  voterId: string;
  /** Exclusive area from the register; null when not known yet. */
  areaM2: number | null;
  status: HouseholdStatus;
}

export interface ThresholdTest {
  /** Share in [0, 1] for display; the `met` flag is decided in integers. */
  share: number;
  required: number;
  met: boolean;
}

export type StairwellConsent =
  | { complete: false; bin: 'incomplete'; missingAreaFlatIds: string[]; flatsSigned: number }
  | {
      complete: true;
      bin: ProgressBin;
      /** Share of the needed agreeing voters already collected, 0..1. */
      progress: number;
      result: ConsentResult;
      tests: {
        votersParticipation: ThresholdTest;
        areaParticipation: ThresholdTest;
        votersAgreement: ThresholdTest;
        areaAgreement: ThresholdTest;
      };
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

  const { voters, area } = result;
  const tests = {
    votersParticipation: { share: share(voters.participating, voters.total), required: 2 / 3, met: false },
    areaParticipation: { share: share(area.participating, area.total), required: 2 / 3, met: false },
    votersAgreement: { share: share(voters.agreeing, voters.participating), required: 3 / 4, met: false },
    areaAgreement: { share: share(area.agreeing, area.participating), required: 3 / 4, met: false },
  };
  // The integer decisions of evaluateConsent are the truth; shares are for display.
  tests.votersParticipation.met = 3 * voters.participating >= 2 * voters.total;
  tests.areaParticipation.met = 3 * Math.round(area.participating * 100) >= 2 * Math.round(area.total * 100);
  tests.votersAgreement.met = voters.participating > 0 && 4 * voters.agreeing >= 3 * voters.participating;
  tests.areaAgreement.met =
    area.participating > 0 && 4 * Math.round(area.agreeing * 100) >= 3 * Math.round(area.participating * 100);

  let progress = 1;
  let bin: ProgressBin = 'passed';
  if (!result.passed) {
    const toPass = result.flatsToPass;
    if (toPass === null) {
      progress = 0;
      bin = 'impossible';
    } else {
      const votersToPass = new Set(voting.filter((f) => toPass.includes(f.flatId)).map((f) => f.voterId)).size;
      progress = share(voters.agreeing, voters.agreeing + votersToPass);
      bin = progressBin(progress);
    }
  }
  return { complete: true, bin, progress, result, tests, forecastPassed: forecast.passed, flatsSigned };
}
