import type { StairwellState } from './stairwell-states.ts';

export interface Headline {
  stairwellsPassed: number;
  stairwellTotal: number;
  flatsSigned: number;
  flatTotal: number;
  /** Residents 60+ on floors 3–6 of stairwells that passed: who the campaign has already won a lift for. */
  eldersServed: number;
  /** Residents 60+ on floors 3–6 of all stairwells. */
  eldersUpstairs: number;
}

/** The wall's headline figures: aggregates only. */
export function headlineOf(states: readonly StairwellState[]): Headline {
  const passed = states.filter((s) => s.consent.complete && s.consent.result.passed);
  return {
    stairwellsPassed: passed.length,
    stairwellTotal: states.length,
    flatsSigned: states.reduce((n, s) => n + s.consent.flatsSigned, 0),
    flatTotal: states.reduce((n, s) => n + s.flats.length, 0),
    eldersServed: passed.reduce((n, s) => n + s.upperFloorElders, 0),
    eldersUpstairs: states.reduce((n, s) => n + s.upperFloorElders, 0),
  };
}
