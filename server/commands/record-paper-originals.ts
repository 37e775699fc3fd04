import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { EVIDENCE_STATE_ZH, isFormal, VOTE_ZH } from '../../geo/evidence/index.ts';
import { shanghaiIso } from '../../geo/time/index.ts';
import { WHO } from '../auth/authorise.ts';
import { first } from '../db/database.ts';
import { consentTextFor } from '../evidence/store-evidence.ts';
import { liveEvidenceIn } from '../evidence/live-evidence.ts';
import { refuse } from '../refusal.ts';
import { defineCommand } from './command.ts';
import { stairwellId } from './stage-input.ts';
import { estateOf } from './write-scope.ts';

export const recordPaperOriginalsInput = z.object({
  stairwellId,
  rooms: z
    .array(
      z.object({
        flatId: z.number().int().positive().max(2 ** 31),
        /** Where the signed form is kept, as the committee files it: 档案盒 3 / 文件夹 42号 / 第 5 页. */
        location: z.string().trim().min(2, 'expected where the original is kept (box, folder, page)').max(80, 'expected a place of at most 80 characters'),
      }),
    )
    .min(1, 'expected at least one room')
    .max(60, 'expected at most 60 rooms at once'),
  /** Staff held each original beside the register: the voter, the vote and the date match. */
  checked: z.literal(true, 'expected the originals checked against the register, room by room'),
});

/**
 * 纸质原件存档: written votes signed on paper (before the app, or by voters who
 * prefer paper) evidenced by the original in the committee's archive. Staff
 * check each form against the register and record where it is kept; the
 * vote is verified at once, by them. Refused, naming the room, for a room
 * without a written vote or whose vote already has live evidence (verify or
 * send that back instead). One transaction for the stairwell's rooms.
 */
export const recordPaperOriginals = defineCommand({
  roles: WHO.staff,
  input: recordPaperOriginalsInput,
  estate: (input, db) => estateOf.stairwell(db, input.stairwellId),
  run: async ({ tx, user, now, record }, input) => {
    const { flats, stairwells, voteEvidence } = tx.t;
    const stairwell = await first(tx.select({ id: stairwells.id, door: stairwells.doorNumber, estateId: stairwells.estateId }).from(stairwells).where(eq(stairwells.id, input.stairwellId)));
    if (!stairwell) throw refuse.notFound(`没有编号为 ${input.stairwellId} 的门洞`, `no stairwell with id ${input.stairwellId}`);
    const ids = input.rooms.map((r) => r.flatId);
    if (new Set(ids).size !== ids.length) throw refuse.badInput('同一户填写了两次', 'a room is listed twice', 'rooms');
    const rows = await tx
      .select({ id: flats.id, room: flats.room, voterId: flats.voterId, status: flats.status })
      .from(flats)
      .where(and(eq(flats.stairwellId, stairwell.id), inArray(flats.id, ids)))
      .orderBy(asc(flats.floor), asc(flats.room));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const live = await liveEvidenceIn(tx, [stairwell.id]);
    const at = shanghaiIso(now);
    const voters = new Set<number>();
    for (const [i, { flatId, location }] of input.rooms.entries()) {
      const flat = byId.get(flatId);
      const field = `rooms.${i}.flatId`;
      if (!flat) throw refuse.badInput(`${stairwell.door} 没有编号为 ${flatId} 的房屋`, `${stairwell.door} has no flat with id ${flatId}`, field);
      const label = `${stairwell.door} ${flat.room}`;
      if (!isFormal(flat.status))
        throw refuse.precondition(`${label}：名册上这一户没有书面表决（同意、不同意或弃权），没有原件可核对`, `${label}: the register has no written vote (agree, oppose or abstain) for this room, so there is no original to check`);
      const existing = live.get(`${stairwell.id}:${flat.voterId}`);
      if (existing)
        throw refuse.conflict(
          `${label}：这一票已有书面凭证（${existing.room} 室，${EVIDENCE_STATE_ZH[existing.review === 'verified' ? 'verified' : 'pending']}）；请在核验中处理那份凭证`,
          `${label}: this vote already has evidence (room ${existing.room}, ${existing.review}); review that evidence instead`,
        );
      // A voter of several flats has one vote and one original.
      if (voters.has(flat.voterId)) continue;
      voters.add(flat.voterId);
      const text = await consentTextFor(tx, { estateId: stairwell.estateId, stairwellId: stairwell.id, doorNumber: stairwell.door, flat, vote: flat.status, at });
      await tx.insert(voteEvidence).values({
        clientId: `original-${stairwell.id}-${flat.voterId}-${now.getTime()}`,
        stairwellId: stairwell.id,
        flatId: flat.id,
        voterId: flat.voterId,
        vote: flat.status,
        method: 'paper_original',
        consentText: text,
        bytes: 0,
        recordedBy: user.id,
        recordedAt: at,
        review: 'verified',
        reviewedBy: user.id,
        reviewedAt: at,
        reviewNote: `已与纸质原件核对（${VOTE_ZH[flat.status]}）`,
        archiveLocation: location,
      });
    }
    await record({ kind: 'evidence', estateId: stairwell.estateId, at });
    return { stairwellId: stairwell.id, recorded: voters.size };
  },
});
