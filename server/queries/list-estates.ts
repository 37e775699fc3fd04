import { count, eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';

export interface EstateSummary {
  id: number;
  name: string;
  stairwellCount: number;
  schematic: boolean;
}

/** Every stored estate with its stairwell count. */
export async function listEstates(db: Db): Promise<EstateSummary[]> {
  const { estates, stairwells } = db.t;
  return await db
    .select({ id: estates.id, name: estates.name, schematic: estates.schematic, stairwellCount: count(stairwells.id) })
    .from(estates)
    .leftJoin(stairwells, eq(stairwells.estateId, estates.id))
    .groupBy(estates.id)
    .orderBy(estates.id);
}
