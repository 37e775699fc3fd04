import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';

/** The latest status changes for the wall's feed: door number and floor only. */
export async function recentChanges(db: Db, estateId: number, limit: number) {
  const { consentEvents, flats, stairwells } = db.t;
  return await db
    .select({ id: consentEvents.id, at: consentEvents.at, doorNumber: stairwells.doorNumber, floor: flats.floor, from: consentEvents.fromStatus, to: consentEvents.toStatus })
    .from(consentEvents)
    .innerJoin(flats, eq(flats.id, consentEvents.flatId))
    .innerJoin(stairwells, eq(stairwells.id, flats.stairwellId))
    .where(eq(stairwells.estateId, estateId))
    .orderBy(desc(consentEvents.at), desc(consentEvents.id))
    .limit(limit);
}
