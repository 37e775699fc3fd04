import { CONCERN_TAGS, DEFAULT_CONCERN_ANSWERS } from '../../geo/register/index.ts';
import { first, transact, type Db } from '../db/database.ts';
import { importEstate } from './import-estate.ts';
import { readEstateDir } from './load-estate-dir.ts';
import { seedLifecycle } from './seed-lifecycle.ts';
import { seedFollowUps } from './seed-follow-ups.ts';
import { placeholderPhoto, seedPromises } from './seed-promises.ts';
import { seedTeams } from './seed-teams.ts';

/**
 * On first start (no estate stored yet) loads the bundled estate; returns
 * whether it did. With `anchorDay` its history ends the day before (see
 * loadEstateDir); without, the dates stay as the files have them.
 */
export async function seedIfEmpty(db: Db, dir: string, anchorDay?: string): Promise<boolean> {
  const { concernAnswers, estates } = db.t;
  // Read and drawn before the write transaction, unless an estate is stored already.
  const prepared = (await first(db.select({ id: estates.id }).from(estates).limit(1))) ? null : readEstateDir(dir, { anchorDay });
  const photo = prepared ? placeholderPhoto() : null;
  // One write transaction: two app servers starting on one empty PostgreSQL seed it once.
  return transact(db, async (tx) => {
    await tx
      .insert(concernAnswers)
      .values(CONCERN_TAGS.map((tag) => ({ tag, answerZh: DEFAULT_CONCERN_ANSWERS[tag].zh, answerEn: DEFAULT_CONCERN_ANSWERS[tag].en })))
      .onConflictDoNothing();
    if (!prepared || (await first(tx.select({ id: estates.id }).from(estates).limit(1)))) return false;
    const estateId = await importEstate(tx, prepared);
    await seedLifecycle(tx, estateId);
    const today = await seedFollowUps(tx, estateId);
    await seedPromises(tx, estateId, today, photo!);
    await seedTeams(tx, estateId, today);
    return true;
  });
}
