import { and, asc, eq, inArray } from 'drizzle-orm';
import { PROMISE_OF_COMPENSATION, promiseCounts, promiseOverdue, type Compensation } from '../../geo/register/index.ts';
import type { Db } from '../db/database.ts';

/**
 * An estate's promises to households for staff: door, room, what, who delivers, due by, overdue, delivered (with a
 * photo), signed off; and the yeses whose "depends on" has no promise yet, to be turned into one. No names.
 */
export async function estatePromises(db: Db, estateId: number, today: string) {
  const { promises, flats, stairwells } = db.t;
  const rows = await db
    .select({
      id: promises.id,
      stairwellId: promises.stairwellId,
      flatId: promises.flatId,
      doorNumber: stairwells.doorNumber,
      stage: stairwells.stage,
      room: flats.room,
      kind: promises.kind,
      deliverer: promises.deliverer,
      dueStage: promises.dueStage,
      note: promises.note,
      madeAt: promises.madeAt,
      deliveredOn: promises.deliveredOn,
      signedOffOn: promises.signedOffOn,
      hasPhoto: promises.photoMime,
    })
    .from(promises)
    .innerJoin(flats, eq(flats.id, promises.flatId))
    .innerJoin(stairwells, eq(stairwells.id, promises.stairwellId))
    .where(eq(stairwells.estateId, estateId))
    .orderBy(asc(stairwells.id), asc(flats.room), asc(promises.id));
  const list = rows.map(({ hasPhoto, ...r }) => ({ ...r, photo: hasPhoto !== null, overdue: promiseOverdue(r, r.stage) }));
  // Yeses that depend on something with no promise of that kind yet.
  const asked = await db
    .select({ flatId: flats.id, stairwellId: flats.stairwellId, doorNumber: stairwells.doorNumber, room: flats.room, compensation: flats.compensation, status: flats.status })
    .from(flats)
    .innerJoin(stairwells, eq(stairwells.id, flats.stairwellId))
    .where(and(eq(stairwells.estateId, estateId), inArray(flats.status, ['signed', 'intent'])));
  const candidates = asked.flatMap((f) =>
    (f.compensation as Compensation[])
      .map((c) => PROMISE_OF_COMPENSATION[c])
      .filter((kind) => kind !== undefined && !list.some((p) => p.flatId === f.flatId && p.kind === kind))
      .map((kind) => ({ flatId: f.flatId, stairwellId: f.stairwellId, doorNumber: f.doorNumber, room: f.room, kind })),
  );
  // The server's day: /admin dates a delivery or sign-off by it, not by the device's clock.
  return { promises: list, candidates, today };
}

/** A stairwell's promises in counts per kind (made, kept): the public page and the deck. */
export async function stairwellPromiseCounts(db: Db, stairwellId: number) {
  const { promises } = db.t;
  return promiseCounts(await db.select({ kind: promises.kind, deliveredOn: promises.deliveredOn }).from(promises).where(eq(promises.stairwellId, stairwellId)));
}
