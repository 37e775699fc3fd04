import { count, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { estates, stairwells } from '../db/schema.ts';

export interface EstateSummary {
  id: number;
  name: string;
  stairwellCount: number;
  schematic: boolean;
}

/** Every stored estate with its stairwell count. */
export function listEstates(db: Db): EstateSummary[] {
  return db
    .select({ id: estates.id, name: estates.name, schematic: estates.schematic, stairwellCount: count(stairwells.id) })
    .from(estates)
    .leftJoin(stairwells, eq(stairwells.estateId, estates.id))
    .groupBy(estates.id)
    .orderBy(estates.id)
    .all();
}
