import { and, asc, eq, inArray, max } from 'drizzle-orm';
import { createRng } from '../../geo/synthetic/index.ts';
import { addDays } from '../../geo/time/index.ts';
import { first, type Db } from '../db/database.ts';

const REASONS = ['担心费用，带出资测算表再来', '等在外地的子女周末回来商量', '老人住院，出院后再谈', '担心采光，带日照分析图', '想先看样板楼', '怕施工噪音，讲清工期安排'];
const PEOPLE = ['女儿（在浦东工作）周末打电话', '对门邻居王阿姨', '同楼党员老周'];

/**
 * The demo's follow-ups (因户施策), so 今日回访 and the wall's count have content on the first start: undecided and
 * intending households of stairwells still canvassing get a next call from a week before the seed to a few days
 * after it, with a reason; a few are handed to a relative or neighbour, and a few opposed households asked not to
 * be visited again. Deterministic. Returns the day after the seeded history (the demo's first day).
 */
export async function seedFollowUps(tx: Db, estateId: number): Promise<string> {
  const { flats, stairwells, consentEvents } = tx.t;
  const last = await first(tx.select({ at: max(consentEvents.at) }).from(consentEvents).innerJoin(flats, eq(flats.id, consentEvents.flatId)).innerJoin(stairwells, eq(stairwells.id, flats.stairwellId)).where(eq(stairwells.estateId, estateId)));
  const today = addDays(last?.at?.slice(0, 10) ?? '2026-11-23', 1);
  const rows = await tx
    .select({ id: flats.id, status: flats.status })
    .from(flats)
    .innerJoin(stairwells, eq(stairwells.id, flats.stairwellId))
    .where(and(eq(stairwells.estateId, estateId), eq(stairwells.stage, 'canvassing'), inArray(flats.status, ['undecided', 'intent', 'unreachable', 'opposed'])))
    .orderBy(asc(flats.id));
  const rng = createRng(34);
  for (const r of rows) {
    if (r.status === 'opposed') {
      if (rng.chance(0.15)) await tx.update(flats).set({ doNotContactOn: addDays(today, -rng.int(3, 30)), nextVisitReason: '本人明确表示不再上门，由居委书面征询' }).where(eq(flats.id, r.id));
      continue;
    }
    if (!rng.chance(0.45)) continue;
    const handed = rng.chance(0.08);
    await tx
      .update(flats)
      .set({ nextVisitOn: addDays(today, rng.int(-7, 3)), nextVisitReason: rng.pick(REASONS), nextVisitorNote: handed ? rng.pick(PEOPLE) : null })
      .where(eq(flats.id, r.id));
  }
  return today;
}
