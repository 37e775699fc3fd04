import { countCampaign, isConfirmed, type CampaignCounts } from '../../geo/campaign/index.ts';
import type { StairwellState } from './stairwell-states.ts';

export interface Headline {
  /** Stairwells by campaign step (已达标 apart from 征询通过), from the one count in geo/campaign. */
  campaign: CampaignCounts;
  flatsSigned: number;
  flatTotal: number;
  /** Residents 60+ on floors 3–6 of stairwells whose consultation staff confirmed: who the campaign has already won a lift for. */
  eldersServed: number;
  /** Residents 60+ on floors 3–6 of all stairwells. */
  eldersUpstairs: number;
}

export function ruleMetOf(s: StairwellState): boolean {
  return s.consent.complete && s.consent.result.passed;
}

/** The wall's headline figures: aggregates only. */
export function headlineOf(states: readonly StairwellState[]): Headline {
  return {
    campaign: countCampaign(states.map((s) => ({ stage: s.row.stage, ruleMet: ruleMetOf(s) }))),
    flatsSigned: states.reduce((n, s) => n + s.consent.flatsSigned, 0),
    flatTotal: states.reduce((n, s) => n + s.flats.length, 0),
    eldersServed: states.filter((s) => isConfirmed(s.row.stage)).reduce((n, s) => n + s.upperFloorElders, 0),
    eldersUpstairs: states.reduce((n, s) => n + s.upperFloorElders, 0),
  };
}
