import { asc, eq } from 'drizzle-orm';
import { DEFAULT_FLOOR_COEFFICIENTS, DEFAULT_LIFT_COST_YUAN, flatCost } from '../../geo/cost/index.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { first, type Db } from '../db/database.ts';
import { evidenceStateOf, liveEvidenceIn } from '../evidence/live-evidence.ts';
import { lastRejections } from '../evidence/last-rejections.ts';
import { stairwellDetail } from '../queries/stairwell-detail.ts';
import { requireEditStairwell } from './permissions.ts';

/**
 * A stairwell's register for the people entitled to it (its canvasser, staff):
 * names, phones, age bands, notes and each flat's cost share, with the
 * committee's prepared answers per concern.
 */
export async function stairwellRegister(db: Db, user: SessionUser, stairwellId: number) {
  const { concernAnswers, estates, flats, stairwellCosts, voters } = db.t;
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
  const live = await liveEvidenceIn(db, [stairwellId]);
  const rejections = await lastRejections(db, stairwellId);
  const estate = (await first(db.select({ name: estates.name }).from(estates).where(eq(estates.id, detail.estateId))))!;
  const costFlats = rows.filter((r) => r.areaCentiM2 !== null).map((r) => ({ flatId: String(r.id), floor: r.floor, areaM2: r.areaCentiM2! / 100 }));
  return {
    ...detail,
    /** For the consent text above a signature (geo/evidence consentText). */
    estateName: estate.name,
    cost: { coefficients, liftCostYuan },
    answers: (await db.select().from(concernAnswers)),
    register: rows.map((r) => ({
      ...r,
      areaM2: r.areaCentiM2 === null ? null : r.areaCentiM2 / 100,
      cost: r.areaCentiM2 === null ? null : flatCost(costFlats, String(r.id), coefficients, liftCostYuan),
      /** The written vote's evidence: 待补证 (missing), 待核验 (pending), verified; 'none' when the status is no written vote. */
      evidence: evidenceStateOf(stairwellId, r, live),
      /** Why staff sent this voter's last evidence back, while it is missing again. */
      evidenceReturned: evidenceStateOf(stairwellId, r, live) === 'missing' ? (rejections.get(r.voterId) ?? null) : null,
    })),
  };
}
