import type { CampaignPlan } from './generate-campaign.ts';

/** The bundled campaign's parameters: 60 days from 2026-09-25, 16 canvassers of 5 stairwells, three lifts already built. */
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
    // 3号, 20号 and 29号: lifts built in 2024–25, in service when the campaign starts (the demo's lifecycle).
    builtLifts: [
      { door: 2, days: ['2024-03-12', '2024-04-02', '2024-04-20', '2024-05-22', '2024-06-12', '2024-07-01', '2024-10-15', '2024-11-01'] },
      { door: 19, days: ['2024-09-10', '2024-10-08', '2024-10-25', '2024-11-26', '2024-12-16', '2025-01-06', '2025-04-28', '2025-05-20'] },
      { door: 28, days: ['2025-03-03', '2025-03-24', '2025-04-10', '2025-05-13', '2025-06-03', '2025-06-23', '2025-10-20', '2025-11-10'] },
    ],
  };
}
