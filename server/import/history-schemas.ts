import { z } from 'zod';
import { HOUSEHOLD_STATUSES } from '../../geo/consent/index.ts';
import { FORMAL_STATUSES } from '../../geo/evidence/index.ts';
import { CANVASSER_ROLES } from '../../geo/register/index.ts';
import { STAGES } from '../../geo/stages/index.ts';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = z.preprocess(blank, z.string().trim().optional()).transform((v) => v ?? null);
const isoTime = z.string().trim().pipe(z.iso.datetime({ offset: true, error: 'expected an ISO time such as 2026-09-25T09:30:00+08:00' }));

export const canvasserSchema = z.object({
  canvasserId: z.string().trim().min(1, 'expected a canvasser id'),
  name: z.string().trim().min(1, 'expected a name'),
  role: z.enum(CANVASSER_ROLES, { error: `expected one of ${CANVASSER_ROLES.join(', ')}` }),
  partyGroup: optionalText,
  doorNumbers: z.string().transform((v) => v.split(/[;；]/).map((s) => s.trim()).filter(Boolean)),
});

export const consentEventSchema = z.object({
  at: isoTime,
  doorNumber: z.string().trim().min(1, 'expected a door number'),
  room: z.string().trim().min(1, 'expected a room'),
  from: z.enum(HOUSEHOLD_STATUSES, { error: `expected one of ${HOUSEHOLD_STATUSES.join(', ')}` }),
  to: z.enum(HOUSEHOLD_STATUSES, { error: `expected one of ${HOUSEHOLD_STATUSES.join(', ')}` }),
  canvasserId: optionalText,
  note: optionalText,
});

export const stageEventSchema = z.object({
  at: isoTime,
  doorNumber: z.string().trim().min(1, 'expected a door number'),
  from: z.enum(STAGES, { error: `expected one of ${STAGES.join(', ')}` }),
  to: z.enum(STAGES, { error: `expected one of ${STAGES.join(', ')}` }),
  reason: optionalText,
});

/** A seeded vote's evidence (vote-evidence.csv): a signature as strokes, "x,y x,y;x,y …" in a 360×140 box. */
export const evidenceRowSchema = z.object({
  at: isoTime,
  doorNumber: z.string().trim().min(1, 'expected a door number').max(60, 'expected a door number of at most 60 characters'),
  room: z.string().trim().min(1, 'expected a room').max(20, 'expected a room of at most 20 characters'),
  vote: z.enum(FORMAL_STATUSES, { error: `expected one of ${FORMAL_STATUSES.join(', ')}` }),
  method: z.enum(['signature', 'form_photo'], { error: 'expected signature or form_photo' }),
  signature: z
    .string()
    .trim()
    .max(4000, 'expected at most 4,000 characters of strokes')
    .regex(/^\d{1,3},\d{1,3}( \d{1,3},\d{1,3})*(;\d{1,3},\d{1,3}( \d{1,3},\d{1,3})*)*$/, 'expected strokes as "x,y x,y;x,y …"'),
  review: z.enum(['pending', 'verified'], { error: 'expected pending or verified' }),
  reviewedAt: z.preprocess(blank, isoTime.optional()).transform((v) => v ?? null),
});
