import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';

/** Why staff last sent back each voter's evidence in a stairwell, by voter id. */
export async function lastRejections(db: Db, stairwellId: number): Promise<Map<number, string>> {
  const { voteEvidence } = db.t;
  const rows = await db
    .select({ voterId: voteEvidence.voterId, note: voteEvidence.reviewNote })
    .from(voteEvidence)
    .where(and(eq(voteEvidence.stairwellId, stairwellId), eq(voteEvidence.review, 'rejected')))
    .orderBy(asc(voteEvidence.id));
  return new Map(rows.map((r) => [r.voterId, r.note ?? '']));
}
