import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import { EVIDENCE_STATE_ZH, VOTE_ZH, voteEvidenceState, type EvidenceMethod, type FormalStatus, type VoteEvidenceState } from '../../geo/evidence/index.ts';
import type { HouseholdStatus } from '../../geo/consent/index.ts';
import { first, type Db } from '../db/database.ts';
import { refuse } from '../refusal.ts';

export interface LiveEvidenceRow {
  id: number;
  flatId: number;
  voterId: number;
  vote: FormalStatus;
  review: 'pending' | 'verified' | 'rejected';
  method: EvidenceMethod;
  room: string;
}

/** A voter's live evidence in a stairwell: the newest staff have not sent back. */
export async function liveEvidenceOf(db: Db, stairwellId: number, voterId: number): Promise<LiveEvidenceRow | undefined> {
  const { flats, voteEvidence } = db.t;
  return await first(db
    .select({ id: voteEvidence.id, flatId: voteEvidence.flatId, voterId: voteEvidence.voterId, vote: voteEvidence.vote, review: voteEvidence.review, method: voteEvidence.method, room: flats.room })
    .from(voteEvidence)
    .innerJoin(flats, eq(flats.id, voteEvidence.flatId))
    .where(and(eq(voteEvidence.stairwellId, stairwellId), eq(voteEvidence.voterId, voterId), ne(voteEvidence.review, 'rejected')))
    .orderBy(desc(voteEvidence.id))
    .limit(1));
}

/** Every voter's live evidence in these stairwells, by `${stairwellId}:${voterId}`. */
export async function liveEvidenceIn(db: Db, stairwellIds: readonly number[]): Promise<Map<string, LiveEvidenceRow>> {
  const { flats, voteEvidence } = db.t;
  if (stairwellIds.length === 0) return new Map();
  const rows = await db
    .select({ id: voteEvidence.id, stairwellId: voteEvidence.stairwellId, flatId: voteEvidence.flatId, voterId: voteEvidence.voterId, vote: voteEvidence.vote, review: voteEvidence.review, method: voteEvidence.method, room: flats.room })
    .from(voteEvidence)
    .innerJoin(flats, eq(flats.id, voteEvidence.flatId))
    .where(and(inArray(voteEvidence.stairwellId, [...stairwellIds]), ne(voteEvidence.review, 'rejected')))
    .orderBy(voteEvidence.id);
  // Ascending: the newest of each voter is set last.
  return new Map(rows.map((r) => [`${r.stairwellId}:${r.voterId}`, r]));
}

/** Where each flat's vote stands as a written record, from its status and its voter's live evidence. */
export function evidenceStateOf(stairwellId: number, flat: { voterId: number; status: HouseholdStatus }, live: Map<string, LiveEvidenceRow>): VoteEvidenceState {
  return voteEvidenceState(flat.status, live.get(`${stairwellId}:${flat.voterId}`) ?? null);
}

/**
 * Refuses a vote that differs from the written vote the same voter already
 * gave in this stairwell (for this flat or another of theirs): a signed
 * paper is not overwritten from a phone; staff send the first back, then a
 * new written vote is taken.
 */
export async function requireSameWrittenVote(db: Db, stairwellId: number, door: string, flat: { room: string; voterId: number }, status: HouseholdStatus): Promise<LiveEvidenceRow | undefined> {
  const live = await liveEvidenceOf(db, stairwellId, flat.voterId);
  if (live && live.vote !== status) {
    const state = EVIDENCE_STATE_ZH[live.review === 'verified' ? 'verified' : 'pending'];
    const where = live.room === flat.room ? `${live.room} 室` : `${live.room} 室（同一表决人）`;
    throw refuse.conflict(
      `${door} ${flat.room}：表决人已在${where}书面表决「${VOTE_ZH[live.vote]}」（${state}）。同一表决人只有一票；如要改票，请工作人员先在核验中退回原凭证，再重新签字`,
      `${door} ${flat.room}: the voter already cast a written vote "${live.vote}" for room ${live.room} (${live.review}); one voter has one vote. To change it, staff send the first evidence back, then the voter signs again`,
    );
  }
  return live;
}
