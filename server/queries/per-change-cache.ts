import { eq, max } from 'drizzle-orm';
import { shanghaiDay } from '../../geo/time/index.ts';
import { first, type Db } from '../db/database.ts';

/**
 * What an estate's public results depend on: its revision (moved by
 * triggers on every write to it, its stairwells or flats, from any
 * connection or app server), its latest change-log entry (every command
 * logs one in its transaction) and the Shanghai day (the charts end today).
 * Two small indexed reads.
 */
async function estateVersion(db: Db, estateId: number, now: Date): Promise<string> {
  const { changeLog, estates } = db.t;
  const estate = await first(db.select({ revision: estates.revision }).from(estates).where(eq(estates.id, estateId)));
  const change = await first(db.select({ id: max(changeLog.id) }).from(changeLog).where(eq(changeLog.estateId, estateId)));
  return `${estate?.revision ?? 'none'}:${change?.id ?? 0}:${shanghaiDay(now)}`;
}

/**
 * A public query computed once per change of its estate rather than once
 * per request: every wall, deck and `<img>` asking between two changes
 * shares one result (or the one computation in flight). A refusal (an
 * unknown estate) is not kept.
 */
export function perChange<T>(compute: (db: Db, estateId: number, now: Date) => Promise<T>): (db: Db, estateId: number, now: Date) => Promise<T> {
  const cache = new WeakMap<Db, Map<number, { version: string; value: Promise<T> }>>();
  return async (db, estateId, now) => {
    const version = await estateVersion(db, estateId, now);
    let entries = cache.get(db);
    if (!entries) cache.set(db, (entries = new Map<number, { version: string; value: Promise<T> }>()));
    const hit = entries.get(estateId);
    if (hit?.version === version) return await hit.value;
    const value = compute(db, estateId, now);
    entries.set(estateId, { version, value });
    value.catch(() => {
      if (entries.get(estateId)?.value === value) entries.delete(estateId);
    });
    return await value;
  };
}
