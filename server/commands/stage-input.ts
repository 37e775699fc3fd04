import { z } from 'zod';
import { MAX_NOTICE_DAYS, MAX_OBJECTION_DAYS, MAX_POST_GRACE_DAYS, STAGES } from '../../geo/stages/index.ts';

export const stairwellId = z.number().int().positive().max(2 ** 31);

/** A calendar date as the committee writes it on a form: YYYY-MM-DD, a real day between 2000 and 2099. */
export const isoDay = z
  .string()
  .regex(/^20\d\d-\d\d-\d\d$/, 'expected a date YYYY-MM-DD between 2000 and 2099')
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, 'expected a real calendar date');

/** What a stage change may carry; which parts a stage needs is checked in geo/stages. */
export const stageFields = {
  to: z.enum(STAGES),
  /** The stage's own date; today when left out. */
  on: isoDay.optional(),
  reason: z.string().trim().max(200, 'expected a reason of at most 200 characters').optional(),
  noticeDays: z.number().int().min(1).max(MAX_NOTICE_DAYS * 2).optional(),
  objectionDays: z.number().int().min(1).max(MAX_OBJECTION_DAYS * 2).optional(),
  /** Days after the objection window that letters posted in time are awaited. */
  postGraceDays: z.number().int().min(0).max(MAX_POST_GRACE_DAYS * 2).optional(),
  permitNumber: z.string().trim().max(40, 'expected a permit number of at most 40 characters').optional(),
  registrationNumber: z.string().trim().max(40, 'expected a registration number of at most 40 characters').optional(),
};
export type StageFields = z.output<z.ZodObject<typeof stageFields>>;
