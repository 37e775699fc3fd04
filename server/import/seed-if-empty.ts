import { CONCERN_TAGS, DEFAULT_CONCERN_ANSWERS } from '../../geo/register/index.ts';
import { first, transact, type Db } from '../db/database.ts';
import { loadEstateDir } from './load-estate-dir.ts';

/**
 * On first start (no estate stored yet) loads the bundled estate; returns
 * whether it did. With `anchorDay` its history ends the day before (see
 * loadEstateDir); without, the dates stay as the files have them.
 */
export async function seedIfEmpty(db: Db, dir: string, anchorDay?: string): Promise<boolean> {
  const { concernAnswers, estates } = db.t;
  // One write transaction: two app servers starting on one empty PostgreSQL seed it once.
  return transact(db, async (tx) => {
    await tx
      .insert(concernAnswers)
      .values(CONCERN_TAGS.map((tag) => ({ tag, answerZh: DEFAULT_CONCERN_ANSWERS[tag].zh, answerEn: DEFAULT_CONCERN_ANSWERS[tag].en })))
      .onConflictDoNothing();
    if (await first(tx.select({ id: estates.id }).from(estates).limit(1))) return false;
    await loadEstateDir(tx, dir, { anchorDay });
    return true;
  });
}
