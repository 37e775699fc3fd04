import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { VOTE_ZH } from '../../geo/evidence/index.ts';
import { stageIndex } from '../../geo/stages/index.ts';
import { shanghaiIso } from '../../geo/time/index.ts';
import { first } from '../db/database.ts';
import { WHO } from '../auth/authorise.ts';
import { defineCommand } from './command.ts';
import { refuse } from '../refusal.ts';
import { estateOf } from './write-scope.ts';

const checked = (what: string) => z.literal(true, `expected ${what} checked`);

export const reviewEvidenceInput = z.discriminatedUnion('verdict', [
  z.object({
    evidenceId: z.number().int().positive().max(2 ** 31),
    verdict: z.literal('verified'),
    /** 核验: the three things staff look at, each ticked. */
    checks: z.object({ voterMatches: checked('voterMatches'), legible: checked('legible'), dated: checked('dated') }),
    note: z.string().trim().max(200, 'expected a note of at most 200 characters').optional(),
  }),
  z.object({
    evidenceId: z.number().int().positive().max(2 ** 31),
    verdict: z.literal('rejected'),
    /** Why it goes back, for the canvasser to act on. */
    note: z.string().trim().min(2, 'expected the reason it is sent back').max(200, 'expected a reason of at most 200 characters'),
  }),
]);

/**
 * Staff's 核验 of a written vote: verified when it matches the register's
 * voter, is legible and dated; or sent back with a reason, after which the
 * flat is 待补证 again and a new written vote (even a different one) can be
 * taken. Evidence of a stairwell already confirmed is not sent back (undo the
 * stage first); evidence sent back is never verified later.
 */
export const reviewEvidence = defineCommand({
  roles: WHO.staff,
  input: reviewEvidenceInput,
  estate: (input, db) => estateOf.evidence(db, input.evidenceId),
  run: async ({ tx, user, now, record }, input) => {
    const { flats, stairwells, voteEvidence } = tx.t;
    const row = await first(tx
      .select({ id: voteEvidence.id, review: voteEvidence.review, vote: voteEvidence.vote, voterId: voteEvidence.voterId, stairwellId: voteEvidence.stairwellId, room: flats.room, door: stairwells.doorNumber, stage: stairwells.stage, estateId: stairwells.estateId })
      .from(voteEvidence)
      .innerJoin(flats, eq(flats.id, voteEvidence.flatId))
      .innerJoin(stairwells, eq(stairwells.id, voteEvidence.stairwellId))
      .where(eq(voteEvidence.id, input.evidenceId)));
    if (!row) throw refuse.notFound(`没有编号为 ${input.evidenceId} 的表决凭证`, `no vote evidence with id ${input.evidenceId}`);
    const label = `${row.door} ${row.room}`;
    if (row.review === input.verdict) return { evidenceId: row.id, review: row.review, changed: false };
    if (row.review === 'rejected')
      throw refuse.conflict(`${label}：这份凭证已退回，不能再核验；请楼组长重新取得书面表决`, `${label}: this evidence was sent back and cannot be verified now; the canvasser takes a new written vote`);
    if (input.verdict === 'rejected' && stageIndex(row.stage) >= stageIndex('consent_passed'))
      throw refuse.precondition(`${label}：门洞已确认征询通过，凭证不能退回；如确有问题，请先撤销“征询通过”`, `${label}: the stairwell's consultation is confirmed; undo that stage before sending evidence back`);
    if (input.verdict === 'verified') {
      const voterFlats = await tx.select({ status: flats.status }).from(flats).where(and(eq(flats.stairwellId, row.stairwellId), eq(flats.voterId, row.voterId)));
      const differing = voterFlats.find((f) => f.status !== row.vote);
      if (differing)
        throw refuse.conflict(`${label}：凭证的表决是「${VOTE_ZH[row.vote]}」，与登记的现状不符：请退回`, `${label}: the evidence votes ${row.vote} but the register now says ${differing.status}; send it back`);
    }
    const at = shanghaiIso(now);
    await tx.update(voteEvidence).set({ review: input.verdict, reviewedBy: user.id, reviewedAt: at, reviewNote: input.note ?? null }).where(eq(voteEvidence.id, row.id));
    await record({ kind: 'evidence', estateId: row.estateId, at });
    return { evidenceId: row.id, review: input.verdict, changed: true };
  },
});
