import { z } from 'zod';

export const parkingInputSchema = z.object({
  estateId: z.number().int().positive(),
  /** Floors whose signed households earn priority parking. */
  floors: z.array(z.number().int().min(1, 'expected floors from 1').max(40)).min(1, 'expected at least one floor').max(10),
  maxWalkM: z.number().min(5, 'expected at least 5 m').max(500, 'expected at most 500 m'),
  /** A saved phasing scenario; without it the latest saved one, or none. */
  scenarioId: z.number().int().positive().nullable(),
});
export type ParkingInput = z.infer<typeof parkingInputSchema>;
