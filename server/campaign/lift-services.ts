import { asc, inArray } from 'drizzle-orm';
import type { LiftService } from '../../geo/lifecycle/index.ts';
import type { Db } from '../db/database.ts';

/** Each stairwell's lift service as it stands (its newest record), by stairwell id. */
export async function loadLiftServices(db: Db, stairwellIds: readonly number[]): Promise<Map<number, LiftService>> {
  const { liftServices } = db.t;
  if (stairwellIds.length === 0) return new Map();
  const rows = await db.select().from(liftServices).where(inArray(liftServices.stairwellId, [...stairwellIds])).orderBy(asc(liftServices.id));
  return new Map(
    rows.map((r) => [
      r.stairwellId,
      {
        userUnit: r.userUnit,
        maintainer: r.maintainer,
        maintainerLicence: r.maintainerLicence,
        maintainerPhone: r.maintainerPhone,
        priceFenPerYear: r.priceFenPerYear,
        termFrom: r.termFrom,
        termTo: r.termTo,
        guarantor: r.guarantor,
        template: r.template,
        inspectionValidUntil: r.inspectionValidUntil,
      },
    ]),
  );
}
