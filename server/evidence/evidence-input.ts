import { z } from 'zod';
import { PHONE_METHODS } from '../../geo/evidence/index.ts';

/** A signature drawn on the phone: a PNG of a few tens of KB; 300 KB at most. */
export const MAX_SIGNATURE_BYTES = 300 * 1024;
/** A photo compressed on the phone to a few hundred KB; 1 MB at most. */
export const MAX_PHOTO_BYTES = 1024 * 1024;
/** Base64 characters for `bytes` (4 per 3); the schema lets a little more through so the command can say how large it was. */
const base64Of = (bytes: number) => Math.ceil((bytes * 4) / 3) + 4;

/**
 * A written vote's evidence as the phone sends it: the method, the text the
 * voter was shown, and the files as base64. The command checks the bytes.
 */
export const evidenceInputSchema = z.object({
  /** Made on the phone; the same evidence sent twice is stored once. */
  clientId: z.string().min(8, 'expected the evidence id made on the phone').max(64),
  method: z.enum(PHONE_METHODS),
  /** The consent text shown above the signature (geo/evidence consentText). */
  consentText: z.string().min(10, 'expected the consent text shown to the voter').max(1000, 'expected a consent text of at most 1,000 characters'),
  /** The drawn signature as a PNG. */
  signaturePng: z.string().max(base64Of(2 * MAX_SIGNATURE_BYTES), 'expected a signature image of at most 300 KB').optional(),
  /** The signed paper form, or for a proxy the 委托书: JPEG, PNG or WebP. */
  photo: z.string().max(base64Of(2 * MAX_PHOTO_BYTES), 'expected a photo of at most 1 MB').optional(),
});
export type EvidenceInput = z.infer<typeof evidenceInputSchema>;
