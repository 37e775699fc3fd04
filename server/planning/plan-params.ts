import { z } from 'zod';

/** A phasing scenario's parameters, as planners set them in /plan. */
export const planParamsSchema = z.object({
  crews: z.number().int('expected a whole number of crews').min(1, 'expected at least 1 crew').max(100, 'expected at most 100 crews'),
  phaseDays: z.number().int('expected whole days').min(7, 'expected at least 7 days').max(365, 'expected at most 365 days'),
  startDate: z.iso
    .date({ error: 'expected a date such as 2027-03-01' })
    .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'expected a start date between 2000 and 2100'),
  zoneM: z.number().min(1, 'expected at least 1 m').max(30, 'expected at most 30 m'),
  maxParkingLossPerPhase: z.number().int('expected a whole number of spaces').min(0, 'expected 0 or more spaces').max(10_000, 'expected at most 10,000 spaces'),
  /** Plan only stairwells that passed, or also those that still can (with the consultation lead time). */
  include: z.enum(['passed', 'possible']),
});
export type PlanParams = z.infer<typeof planParamsSchema>;

export const DEFAULT_PLAN_PARAMS: PlanParams = {
  crews: 4,
  phaseDays: 70,
  startDate: '2027-01-04',
  zoneM: 6,
  maxParkingLossPerPhase: 12,
  include: 'possible',
};

/** A planner's manual move: this stairwell into that phase (0-based; one past the last makes a new phase). */
export const planMoveSchema = z.object({
  stairwellId: z.number().int().positive().max(2 ** 31),
  // Checked again against the estate: at most one phase per stairwell.
  toPhase: z.number().int().min(0).max(100_000, 'expected a phase number below 100,000'),
});
export type PlanMove = z.infer<typeof planMoveSchema>;
