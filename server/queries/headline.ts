import { countCampaign, isConfirmed, type Headline } from '../../geo/campaign/index.ts';
import type { StairwellState } from './stairwell-states.ts';

export function ruleMetOf(s: StairwellState): boolean {
  return s.consent.complete && s.consent.result.passed;
}

/** The wall's headline figures: aggregates only. */
export function headlineOf(states: readonly StairwellState[]): Headline {
  return {
    campaign: countCampaign(states.map((s) => ({ stage: s.row.stage, ruleMet: ruleMetOf(s), areaMissing: !s.consent.complete }))),
    flatsSigned: states.reduce((n, s) => n + s.consent.flatsSigned, 0),
    flatTotal: states.reduce((n, s) => n + s.flats.length, 0),
    eldersServed: states.filter((s) => isConfirmed(s.row.stage)).reduce((n, s) => n + s.upperFloorElders, 0),
    eldersUpstairs: states.reduce((n, s) => n + s.upperFloorElders, 0),
  };
}
