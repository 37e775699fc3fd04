import { CONCERN_TAGS, DEFAULT_CONCERN_ANSWERS } from '../../geo/register/index.ts';
import type { Db } from '../db/open-database.ts';
import { concernAnswers, estates } from '../db/schema.ts';
import { loadEstateDir } from './load-estate-dir.ts';

/**
 * On first start (no estate stored yet) loads the bundled estate; returns
 * whether it did. With `anchorDay` its history ends the day before (see
 * loadEstateDir); without, the dates stay as the files have them.
 */
export function seedIfEmpty(db: Db, dir: string, anchorDay?: string): boolean {
  db.insert(concernAnswers)
    .values(CONCERN_TAGS.map((tag) => ({ tag, answerZh: DEFAULT_CONCERN_ANSWERS[tag].zh, answerEn: DEFAULT_CONCERN_ANSWERS[tag].en })))
    .onConflictDoNothing()
    .run();
  if (db.select({ id: estates.id }).from(estates).limit(1).get()) return false;
  loadEstateDir(db, dir, { anchorDay });
  return true;
}
