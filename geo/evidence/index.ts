export { consentText, VOTE_ZH, type ConsentTextInput } from './consent-text.ts';
export {
  EVIDENCE_METHODS,
  EVIDENCE_REVIEWS,
  EVIDENCE_STATE_ZH,
  FORMAL_STATUSES,
  isFormal,
  METHOD_NEEDS,
  PHONE_METHODS,
  voteEvidenceState,
  type EvidenceMethod,
  type EvidenceReview,
  type PhoneMethod,
  type FormalStatus,
  type LiveEvidence,
  type VoteEvidenceState,
} from './formal-votes.ts';
export { checkSignature, MIN_INK_PIXELS, MIN_STROKE_EXTENT_PX, signatureInk, type RgbaImage } from './signature-ink.ts';
