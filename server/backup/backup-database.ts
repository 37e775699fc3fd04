import type Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { shanghaiIso } from '../../geo/time/index.ts';
import type { Db } from '../db/database.ts';

/**
 * An online, consistent copy of the live database (SQLite's backup API: pages
 * are copied while the server keeps writing, restarting if they change), then
 * recorded so /admin can show when the last backup ran.
 */
export async function backupDatabase(sqlite: Database.Database, db: Db, dir: string, now: Date): Promise<{ file: string; bytes: number }> {
  const { backups } = db.t;
  mkdirSync(dir, { recursive: true });
  const stamp = shanghaiIso(now).slice(0, 19).replace(/[-:]/g, '');
  const file = join(dir, `liftmap-${stamp}.db`);
  await sqlite.backup(file);
  const bytes = statSync(file).size;
  await db.insert(backups).values({ file, bytes, at: shanghaiIso(now) });
  return { file, bytes };
}
