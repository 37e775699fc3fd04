import { eq } from 'drizzle-orm';
import { first, type Db } from '../db/database.ts';
import { refuse } from '../refusal.ts';

/** A flat with where it is (its stairwell's door, estate and stage), for a command about it; refused when there is none. */
export async function flatPlace(db: Db, flatId: number) {
  const { flats, stairwells } = db.t;
  const flat = await first(
    db
      .select({ id: flats.id, room: flats.room, stairwellId: flats.stairwellId, version: flats.version, estateId: stairwells.estateId, doorNumber: stairwells.doorNumber, stage: stairwells.stage })
      .from(flats)
      .innerJoin(stairwells, eq(stairwells.id, flats.stairwellId))
      .where(eq(flats.id, flatId)),
  );
  if (!flat) throw refuse.notFound(`没有编号为 ${flatId} 的户`, `no flat with id ${flatId}`);
  return flat;
}
