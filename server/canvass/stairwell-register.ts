import { asc, eq } from 'drizzle-orm';
import { DEFAULT_FLOOR_COEFFICIENTS, DEFAULT_LIFT_COST_YUAN, flatCost } from '../../geo/cost/index.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { first, type Db } from '../db/database.ts';
import { stairwellDetail } from '../queries/stairwell-detail.ts';
import { requireEditStairwell } from './permissions.ts';

/**
 * A stairwell's register for the people entitled to it (its canvasser, staff):
 * names, phones, age bands, notes and each flat's cost share, with the
 * committee's prepared answers per concern.
 */
export async function stairwellRegister(db: Db, user: SessionUser, stairwellId: number) {
  const { concernAnswers, flats, stairwellCosts, voters } = db.t;
  await requireEditStairwell(db, user, stairwellId);
  const detail = await stairwellDetail(db, stairwellId);
  const rows = await db
    .select({
      id: flats.id,
      floor: flats.floor,
      room: flats.room,
      areaCentiM2: flats.areaCentiM2,
      status: flats.status,
      concerns: flats.concerns,
      note: flats.note,
      nextVisitOn: flats.nextVisitOn,
      compensation: flats.compensation,
      residents: flats.residents,
      aged60to79: flats.aged60to79,
      aged80plus: flats.aged80plus,
      version: flats.version,
      voterId: flats.voterId,
      voterName: voters.name,
      phone: voters.phone,
    })
    .from(flats)
    .innerJoin(voters, eq(voters.id, flats.voterId))
    .where(eq(flats.stairwellId, stairwellId))
    .orderBy(asc(flats.floor), asc(flats.room));
  const cost = await first(db.select().from(stairwellCosts).where(eq(stairwellCosts.stairwellId, stairwellId)));
  const coefficients = cost?.coefficients ?? DEFAULT_FLOOR_COEFFICIENTS;
  const liftCostYuan = cost?.liftCostYuan ?? DEFAULT_LIFT_COST_YUAN;
  const costFlats = rows.filter((r) => r.areaCentiM2 !== null).map((r) => ({ flatId: String(r.id), floor: r.floor, areaM2: r.areaCentiM2! / 100 }));
  return {
    ...detail,
    cost: { coefficients, liftCostYuan },
    answers: (await db.select().from(concernAnswers)),
    register: rows.map((r) => ({
      ...r,
      areaM2: r.areaCentiM2 === null ? null : r.areaCentiM2 / 100,
      cost: r.areaCentiM2 === null ? null : flatCost(costFlats, String(r.id), coefficients, liftCostYuan),
    })),
  };
}
