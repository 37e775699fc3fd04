import type { CampaignCounts } from './campaign-counts.ts';

/** An estate's headline figures, as the wall, the district and the deck show them: aggregates only. */
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
