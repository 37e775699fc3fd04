import { eq } from 'drizzle-orm';
import { isDeepStrictEqual } from 'node:util';
import { stairwellPartsProblems, type PolygonGeometry } from '../../geo/estate/index.ts';
import type { LngLat } from '../../geo/geometry/index.ts';
import { z } from 'zod';
import { lngLatSchema, polygonSchema } from '../../geo/estate/index.ts';
import { shanghaiIso } from '../../geo/time/index.ts';
import { first } from '../db/database.ts';
import { WHO } from '../auth/authorise.ts';
import { defineCommand } from './command.ts';
import { refuse } from '../refusal.ts';
import { estateOf } from './write-scope.ts';

export const adjustStairwellInput = z.object({ stairwellId: z.number().int().positive().max(2 ** 31), door: lngLatSchema, elevatorSite: polygonSchema.nullable() });
export interface StairwellAdjustment {
  stairwellId: number;
  door: LngLat;
  elevatorSite: PolygonGeometry | null;
}

export type AdjustOutcome = { ok: true; stairwellId: number; doorNumber: string; doorAdjusted: boolean; siteAdjusted: boolean } | { ok: false; problems: string[] };

/**
 * A planner's placement of a stairwell's door and elevator site (/admin),
 * checked against the stairwell, the estate's buildings and boundary, and
 * stored in one transaction; marked as adjusted so a re-import that gives
 * none keeps it. Refusals come back as problems, nothing written.
 */
export const adjustStairwell = defineCommand({
  roles: WHO.staff,
  input: adjustStairwellInput,
  estate: (input, db) => estateOf.stairwell(db, input.stairwellId),
  run: async ({ tx, now, record }, input: StairwellAdjustment): Promise<AdjustOutcome> => {
    const { buildings, estates, stairwells } = tx.t;
    const s = await first(tx.select().from(stairwells).where(eq(stairwells.id, input.stairwellId)));
    if (!s) throw refuse.notFound(`没有编号为 ${input.stairwellId} 的门洞`, `no stairwell with id ${input.stairwellId}`);
    const estate = (await first(tx.select({ boundary: estates.boundary }).from(estates).where(eq(estates.id, s.estateId))))!;
    const all = await tx.select({ code: buildings.code, footprint: buildings.footprint }).from(buildings).where(eq(buildings.estateId, s.estateId));
    const problems = stairwellPartsProblems({ doorNumber: s.doorNumber, footprint: s.footprint, door: input.door, elevatorSite: input.elevatorSite, buildings: all, boundary: estate.boundary });
    if (problems.length) return { ok: false as const, problems };
    const doorAdjusted = s.doorAdjusted || !isDeepStrictEqual(input.door, [s.doorLng, s.doorLat]);
    const siteAdjusted = s.siteAdjusted || !isDeepStrictEqual(input.elevatorSite, s.elevatorSite ?? null);
    await tx.update(stairwells)
      .set({ doorLng: input.door[0], doorLat: input.door[1], elevatorSite: input.elevatorSite, doorAdjusted, siteAdjusted })
      .where(eq(stairwells.id, s.id));
    await record({ kind: 'layout', estateId: s.estateId, at: shanghaiIso(now) });
    return { ok: true as const, stairwellId: s.id, doorNumber: s.doorNumber, doorAdjusted, siteAdjusted };
  },
});
