import type { HouseholdStatus } from '../consent/index.ts';

/** The statuses that are written votes (SPEC §3): agree, oppose and abstain all take part, and each needs its evidence. */
export const FORMAL_STATUSES = ['signed', 'opposed', 'abstain'] as const satisfies readonly HouseholdStatus[];
export type FormalStatus = (typeof FORMAL_STATUSES)[number];

export const isFormal = (status: HouseholdStatus): status is FormalStatus => (FORMAL_STATUSES as readonly string[]).includes(status);

/**
 * How a written vote was taken on the phone: the voter signed under the
 * consent text, the canvasser photographed the signed paper form, or a proxy
 * signed with a photo of the 委托书.
 */
export const PHONE_METHODS = ['signature', 'form_photo', 'proxy'] as const;
export type PhoneMethod = (typeof PHONE_METHODS)[number];

/**
 * Every way a written vote is evidenced: the phone's three, and the signed
 * paper original (纸质原件) kept in the committee's archive, which staff
 * checked against the register: no file, a place (box, folder, page).
 */
export const EVIDENCE_METHODS = [...PHONE_METHODS, 'paper_original'] as const;
export type EvidenceMethod = (typeof EVIDENCE_METHODS)[number];

/** What each method must carry. */
export const METHOD_NEEDS: Record<EvidenceMethod, { signature: boolean; photo: boolean }> = {
  signature: { signature: true, photo: false },
  form_photo: { signature: false, photo: true },
  proxy: { signature: true, photo: true },
  paper_original: { signature: false, photo: false },
};

export const EVIDENCE_REVIEWS = ['pending', 'verified', 'rejected'] as const;
export type EvidenceReview = (typeof EVIDENCE_REVIEWS)[number];

/**
 * Where a flat's vote stands as a written record: `none` when its status is
 * no written vote; `missing` (待补证) when nothing was recorded or the last
 * evidence was sent back; `pending` (待核验) until staff check it; `verified`.
 */
export type VoteEvidenceState = 'none' | 'missing' | 'pending' | 'verified';

/** The live evidence of a voter in a stairwell: the newest one staff have not sent back. */
export interface LiveEvidence {
  vote: FormalStatus;
  review: EvidenceReview;
}

/**
 * @example voteEvidenceState('signed', { vote: 'signed', review: 'pending' }) // 'pending'
 * @example voteEvidenceState('signed', null) // 'missing'
 */
export function voteEvidenceState(status: HouseholdStatus, evidence: LiveEvidence | null): VoteEvidenceState {
  if (!isFormal(status)) return 'none';
  if (!evidence || evidence.review === 'rejected' || evidence.vote !== status) return 'missing';
  return evidence.review === 'verified' ? 'verified' : 'pending';
}

export const EVIDENCE_STATE_ZH: Record<VoteEvidenceState, string> = { none: '', missing: '待补证', pending: '待核验', verified: '已核验' };
