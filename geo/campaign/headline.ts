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
  /** Stairwells held up by money, not votes: a split agreed, past the agreement and before the works, not yet paid in full. */
  moneyHeld?: number;
}

/** The stages where a lift waits on the owners' money (the split is signed; the works have not started). */
export const FUNDING_STAGES = ['agreement_signed', 'public_notice', 'design_approved', 'permitted'] as const;
