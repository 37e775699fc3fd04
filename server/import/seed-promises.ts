import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { PNG } from 'pngjs';
import { createRng } from '../../geo/synthetic/index.ts';
import { addDays } from '../../geo/time/index.ts';
import type { Db } from '../db/database.ts';

/** A small grey placeholder "delivery photo" for the demo's kept promises (a real one is a phone photo); made before the seed's transaction. */
export function placeholderPhoto(): Buffer {
  const png = new PNG({ width: 64, height: 48 });
  png.data.fill(0x9a);
  return PNG.sync.write(png);
}

/**
 * The demo's promises to low floors (最大公约数), so /admin's list and the public page's counts have content on the
 * first start: ground- and first-floor yeses of stairwells past the vote depend on a drying rack or priority
 * parking. In the pilot lifts' stairwells they were kept (delivered and signed off); elsewhere they are made and due
 * by 竣工验收; a few are still only conditions, waiting to be made promises; two meter-box sealings due before
 * the notice have slipped (overdue). Deterministic.
 */
export async function seedPromises(tx: Db, estateId: number, today: string, photo: Buffer): Promise<number> {
  const { flats, stairwells, promises } = tx.t;
  const rows = await tx
    .select({ id: flats.id, stairwellId: flats.stairwellId, stage: stairwells.stage })
    .from(flats)
    .innerJoin(stairwells, eq(stairwells.id, flats.stairwellId))
    .where(and(eq(stairwells.estateId, estateId), inArray(stairwells.stage, ['consent_passed', 'agreement_signed', 'public_notice', 'design_approved', 'permitted', 'in_service']), lte(flats.floor, 2), eq(flats.status, 'signed')))
    .orderBy(asc(flats.id));
  const rng = createRng(3434);
  let made = 0;
  for (const f of rows) {
    if (!rng.chance(0.6)) continue;
    const kind = rng.chance(0.6) ? 'drying_rack' : 'priority_parking';
    await tx.update(flats).set({ compensation: [kind] }).where(eq(flats.id, f.id));
    // One in five stays a condition only, for staff to make a promise of.
    if (f.stage !== 'in_service' && rng.chance(0.2)) continue;
    const built = f.stage === 'in_service';
    const madeOn = addDays(today, built ? -rng.int(500, 700) : -rng.int(5, 40));
    await tx.insert(promises).values({
      stairwellId: f.stairwellId,
      flatId: f.id,
      kind,
      deliverer: 'property_company',
      dueStage: kind === 'drying_rack' ? 'accepted' : 'in_service',
      note: null,
      madeBy: 'seed',
      madeAt: `${madeOn}T10:00:00+08:00`,
      ...(built ? { deliveredOn: addDays(madeOn, 200), photo, photoMime: 'image/png', signedOffOn: addDays(madeOn, 203) } : {}),
    });
    made++;
  }
  // Two promises the renovation programme has let slip: meter boxes to be sealed before the notice, in stairwells already past it.
  const late = rows.filter((f) => f.stage === 'design_approved' || f.stage === 'permitted');
  for (const f of late.filter((x, i) => late.findIndex((y) => y.stairwellId === x.stairwellId) === i).slice(0, 2)) {
    await tx.insert(promises).values({ stairwellId: f.stairwellId, flatId: f.id, kind: 'meter_box', deliverer: 'renovation_programme', dueStage: 'public_notice', note: null, madeBy: 'seed', madeAt: `${addDays(today, -45)}T10:00:00+08:00` });
    made++;
  }
  return made;
}
