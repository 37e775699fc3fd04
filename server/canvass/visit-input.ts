import { z } from 'zod';
import { HOUSEHOLD_STATUSES } from '../../geo/consent/index.ts';
import { evidenceInputSchema } from '../evidence/evidence-input.ts';
import { COMPENSATIONS, CONCERN_TAGS, VISIT_OUTCOMES, WHAT_WORKED } from '../../geo/register/index.ts';

/** A tag given twice counts once. */
const distinct = <T>(tags: T[]): T[] => [...new Set(tags)];

export const visitInputSchema = z.object({
  flatId: z.number().int().positive(),
  /** The flat's version the canvasser saw; a stale one is refused. */
  expectedVersion: z.number().int().positive(),
  /** Made on the phone; the same visit sent twice is applied once. */
  clientId: z.string().min(8, 'expected the visit id made on the phone').max(64),
  /** When it was recorded on the phone (it may arrive later). */
  recordedAt: z.iso.datetime({ offset: true }).optional(),
  outcome: z.enum(VISIT_OUTCOMES),
  status: z.enum(HOUSEHOLD_STATUSES),
  concerns: z.array(z.enum(CONCERN_TAGS)).max(CONCERN_TAGS.length * 2).transform(distinct),
  note: z.string().trim().max(500, 'expected a note of at most 500 characters').optional(),
  nextVisitOn: z.iso.date().optional(),
  compensation: z.array(z.enum(COMPENSATIONS)).max(COMPENSATIONS.length * 2).transform(distinct),
  position: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
  /** After a flat flips to signed: what finally worked (因户施策), and a note. */
  whatWorked: z.array(z.enum(WHAT_WORKED)).max(WHAT_WORKED.length * 2).transform(distinct).optional(),
  whatWorkedNote: z.string().trim().max(200, 'expected a note of at most 200 characters').optional(),
  /** A written vote's evidence (signed, opposed, abstain): signature, photo of the form, or proxy; without it the vote is 待补证. */
  evidence: evidenceInputSchema.optional(),
});
export type VisitInput = z.infer<typeof visitInputSchema>;
