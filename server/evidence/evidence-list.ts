import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { isFormal, type VoteEvidenceState } from '../../geo/evidence/index.ts';
import type { Db } from '../db/database.ts';
import { requireEstate } from '../queries/stairwell-states.ts';
import { evidenceStateOf, liveEvidenceIn } from './live-evidence.ts';

/**
 * Staff's 核验 queue for an estate: every written vote's evidence waiting
 * for review, with the register's voter to compare it with, and per
 * stairwell still canvassing how many counted votes are verified, waiting or
 * without evidence (待补证), by room. Staff only: it carries names.
 */
export async function evidenceQueue(db: Db, estateId: number) {
  await requireEstate(db, estateId);
  const { canvassers, flats, stairwells, users, voteEvidence, voters } = db.t;
  const pending = await db
    .select({
      id: voteEvidence.id,
      stairwellId: voteEvidence.stairwellId,
      doorNumber: stairwells.doorNumber,
      room: flats.room,
      floor: flats.floor,
      areaCentiM2: flats.areaCentiM2,
      voterName: voters.name,
      voterExternalId: voters.externalId,
      vote: voteEvidence.vote,
      method: voteEvidence.method,
      consentText: voteEvidence.consentText,
      hasSignature: voteEvidence.signatureSha256,
      hasPhoto: voteEvidence.photoSha256,
      bytes: voteEvidence.bytes,
      recordedAt: voteEvidence.recordedAt,
      recordedBy: users.username,
      canvasser: canvassers.name,
    })
    .from(voteEvidence)
    .innerJoin(flats, eq(flats.id, voteEvidence.flatId))
    .innerJoin(voters, eq(voters.id, voteEvidence.voterId))
    .innerJoin(stairwells, eq(stairwells.id, voteEvidence.stairwellId))
    .innerJoin(users, eq(users.id, voteEvidence.recordedBy))
    .leftJoin(canvassers, eq(canvassers.id, users.canvasserId))
    .where(and(eq(stairwells.estateId, estateId), eq(voteEvidence.review, 'pending')))
    .orderBy(asc(stairwells.doorNumber), asc(flats.floor), asc(flats.room))
    .limit(500);
  const open = await db
    .select({ id: stairwells.id, doorNumber: stairwells.doorNumber })
    .from(stairwells)
    .where(and(eq(stairwells.estateId, estateId), eq(stairwells.stage, 'canvassing')))
    .orderBy(asc(stairwells.id));
  const ids = open.map((s) => s.id);
  const flatRows = ids.length
    ? await db.select({ stairwellId: flats.stairwellId, room: flats.room, voterId: flats.voterId, status: flats.status }).from(flats).where(inArray(flats.stairwellId, ids)).orderBy(asc(flats.floor), asc(flats.room))
    : [];
  const live = await liveEvidenceIn(db, ids);
  const rejected = ids.length
    ? await db
        .select({ id: voteEvidence.id, flatId: voteEvidence.flatId, doorNumber: stairwells.doorNumber, room: flats.room, stairwellId: voteEvidence.stairwellId, note: voteEvidence.reviewNote, at: voteEvidence.reviewedAt })
        .from(voteEvidence)
        .innerJoin(flats, eq(flats.id, voteEvidence.flatId))
        .innerJoin(stairwells, eq(stairwells.id, voteEvidence.stairwellId))
        .where(and(inArray(voteEvidence.stairwellId, ids), eq(voteEvidence.review, 'rejected')))
        .orderBy(desc(voteEvidence.reviewedAt))
        .limit(200)
    : [];
  const stairwellsWithVotes = open
    .map((s) => {
      const counted = flatRows.filter((f) => f.stairwellId === s.id && isFormal(f.status));
      const rooms = (state: VoteEvidenceState) => counted.filter((f) => evidenceStateOf(s.id, f, live) === state).map((f) => f.room);
      return { stairwellId: s.id, doorNumber: s.doorNumber, counted: counted.length, verified: rooms('verified').length, pending: rooms('pending'), missing: rooms('missing') };
    })
    .filter((s) => s.counted > 0);
  return {
    pending: pending.map(({ areaCentiM2, hasSignature, hasPhoto, ...e }) => ({ ...e, areaM2: areaCentiM2 === null ? null : areaCentiM2 / 100, hasSignature: hasSignature !== null, hasPhoto: hasPhoto !== null })),
    stairwells: stairwellsWithVotes,
    rejected,
  };
}
export type EvidenceQueue = Awaited<ReturnType<typeof evidenceQueue>>;

/**
 * One stairwell's written record, for a dispute: every piece of evidence
 * ever recorded (verified, waiting, sent back with its reason), who recorded
 * and reviewed it, and every opening of its files. Staff only.
 */
export async function stairwellEvidence(db: Db, stairwellId: number) {
  const { evidenceAccess, flats, stairwells, users, voteEvidence } = db.t;
  const door = await db.select({ doorNumber: stairwells.doorNumber }).from(stairwells).where(eq(stairwells.id, stairwellId));
  if (!door[0]) return null;
  const evidence = await db
    .select({
      id: voteEvidence.id,
      room: flats.room,
      vote: voteEvidence.vote,
      method: voteEvidence.method,
      review: voteEvidence.review,
      reviewNote: voteEvidence.reviewNote,
      reviewedAt: voteEvidence.reviewedAt,
      reviewedBy: voteEvidence.reviewedBy,
      recordedAt: voteEvidence.recordedAt,
      recordedBy: users.username,
      hasSignature: voteEvidence.signatureSha256,
      hasPhoto: voteEvidence.photoSha256,
      archiveLocation: voteEvidence.archiveLocation,
    })
    .from(voteEvidence)
    .innerJoin(flats, eq(flats.id, voteEvidence.flatId))
    .innerJoin(users, eq(users.id, voteEvidence.recordedBy))
    .where(eq(voteEvidence.stairwellId, stairwellId))
    .orderBy(asc(flats.floor), asc(flats.room), asc(voteEvidence.id));
  const names = new Map((await db.select({ id: users.id, name: users.username }).from(users)).map((u) => [u.id, u.name]));
  const access = await db
    .select({ at: evidenceAccess.at, who: users.username, room: flats.room, part: evidenceAccess.part })
    .from(evidenceAccess)
    .innerJoin(voteEvidence, eq(voteEvidence.id, evidenceAccess.evidenceId))
    .innerJoin(flats, eq(flats.id, voteEvidence.flatId))
    .innerJoin(users, eq(users.id, evidenceAccess.userId))
    .where(eq(voteEvidence.stairwellId, stairwellId))
    .orderBy(desc(evidenceAccess.id))
    .limit(500);
  return {
    doorNumber: door[0].doorNumber,
    evidence: evidence.map(({ hasSignature, hasPhoto, reviewedBy, ...e }) => ({ ...e, reviewedBy: reviewedBy === null ? null : (names.get(reviewedBy) ?? null), hasSignature: hasSignature !== null, hasPhoto: hasPhoto !== null })),
    access,
  };
}
export type StairwellEvidence = NonNullable<Awaited<ReturnType<typeof stairwellEvidence>>>;
