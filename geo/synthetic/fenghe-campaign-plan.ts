import type { CampaignPlan } from './generate-campaign.ts';

/** The bundled campaign's parameters: 60 days from 2026-09-25, 16 canvassers of 5 stairwells. */
export function fengheCampaignPlan(doorNumbers: string[]): CampaignPlan {
  return {
    seed: 20260925,
    doorNumbers,
    startDate: '2026-09-25',
    days: 60,
    pilotDoors: [5, 22],
    contestedDoors: [12, 31, 44, 50, 66, 73],
    missingAreaDoor: 57,
    stairwellsPerCanvasser: 5,
  };
}
