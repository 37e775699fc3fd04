import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';

/** Every flat of an estate with its voter, in door and floor order: what import compares and export writes. */
export async function registerQuery(db: Db, estateId: number) {
  const { flats, stairwells, voters } = db.t;
  return await db
    .select({
      flatId: flats.id,
      stairwellId: stairwells.id,
      doorNumber: stairwells.doorNumber,
      floor: flats.floor,
      room: flats.room,
      areaCentiM2: flats.areaCentiM2,
      voterId: voters.externalId,
      voterName: voters.name,
      phone: voters.phone,
      residents: flats.residents,
      aged60to79: flats.aged60to79,
      aged80plus: flats.aged80plus,
      status: flats.status,
      concerns: flats.concerns,
      note: flats.note,
      version: flats.version,
    })
    .from(flats)
    .innerJoin(stairwells, eq(stairwells.id, flats.stairwellId))
    .innerJoin(voters, eq(voters.id, flats.voterId))
    .where(eq(stairwells.estateId, estateId))
    .orderBy(asc(stairwells.id), asc(flats.floor), asc(flats.room));
}
