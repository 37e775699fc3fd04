import type { ConsentResult } from './evaluate-consent.ts';

export interface ThresholdTest {
  /** Share in [0, 1] for display; the `met` flag is decided in integers. */
  share: number;
  required: number;
  met: boolean;
}

// A type, not an interface: Object.entries reads its values as ThresholdTest.
export type ThresholdTests = {
  votersParticipation: ThresholdTest;
  areaParticipation: ThresholdTest;
  votersAgreement: ThresholdTest;
  areaAgreement: ThresholdTest;
};

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const centi = (m2: number) => Math.round(m2 * 100);

/**
 * The rule's four tests on a count by head and by area (a live result or one
 * recorded at confirmation): shares for display, each decision in integers
 * (areas in 0.01 m²) as evaluateConsent decides them.
 *
 * @example thresholdTests({ voters: { total: 3, participating: 2, agreeing: 2 }, area: { total: 150, participating: 100, agreeing: 100 } }).votersParticipation.met // true
 */
export function thresholdTests({ voters, area }: Pick<ConsentResult, 'voters' | 'area'>): ThresholdTests {
  return {
    votersParticipation: { share: share(voters.participating, voters.total), required: 2 / 3, met: 3 * voters.participating >= 2 * voters.total },
    areaParticipation: { share: share(area.participating, area.total), required: 2 / 3, met: 3 * centi(area.participating) >= 2 * centi(area.total) },
    votersAgreement: { share: share(voters.agreeing, voters.participating), required: 3 / 4, met: voters.participating > 0 && 4 * voters.agreeing >= 3 * voters.participating },
    areaAgreement: {
      share: share(area.agreeing, area.participating),
      required: 3 / 4,
      met: area.participating > 0 && 4 * centi(area.agreeing) >= 3 * centi(area.participating),
    },
  };
}
