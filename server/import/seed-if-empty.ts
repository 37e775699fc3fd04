import type { Db } from '../db/open-database.ts';
import { estates } from '../db/schema.ts';
import { loadEstateDir } from './load-estate-dir.ts';

/** On first start (no estate stored yet) loads the bundled estate; returns whether it did. */
export function seedIfEmpty(db: Db, dir: string): boolean {
  if (db.select({ id: estates.id }).from(estates).limit(1).get()) return false;
  loadEstateDir(db, dir);
  return true;
}
