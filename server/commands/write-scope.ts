import { eq } from 'drizzle-orm';
import { first, type Db } from '../db/database.ts';

/**
 * The estate a command's write touches, read before its transaction so that
 * on PostgreSQL it takes that estate's lock (defineCommand's `estate`). A
 * flat, stairwell or piece of evidence never moves to another estate, so
 * reading it first is safe; null (an id that does not exist) takes the lock
 * of every estate, and the command then refuses as usual.
 */
export const estateOf = {
  flat: async (db: Db, flatId: number): Promise<number | null> => {
    const { flats, stairwells } = db.t;
    return (await first(db.select({ estateId: stairwells.estateId }).from(flats).innerJoin(stairwells, eq(stairwells.id, flats.stairwellId)).where(eq(flats.id, flatId))))?.estateId ?? null;
  },
  stairwell: async (db: Db, stairwellId: number): Promise<number | null> => {
    const { stairwells } = db.t;
    return (await first(db.select({ estateId: stairwells.estateId }).from(stairwells).where(eq(stairwells.id, stairwellId))))?.estateId ?? null;
  },
  evidence: async (db: Db, evidenceId: number): Promise<number | null> => {
    const { stairwells, voteEvidence } = db.t;
    return (await first(db.select({ estateId: stairwells.estateId }).from(voteEvidence).innerJoin(stairwells, eq(stairwells.id, voteEvidence.stairwellId)).where(eq(voteEvidence.id, evidenceId))))?.estateId ?? null;
  },
};
