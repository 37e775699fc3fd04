import type Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { shanghaiIso } from '../../geo/time/index.ts';
import { refuse } from '../commands/refusal.ts';
import { only, type Db } from '../db/database.ts';

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

/**
 * The same online backup from /admin, through the database's engine (no
 * SQLite handle at hand); refused on PostgreSQL, whose own tools back up.
 */
export async function backupFromApp(db: Db, dir: string, now: Date): Promise<{ id: number; file: string; bytes: number; at: string }> {
  const { backups } = db.t;
  if (!db.engine.backup) throw refuse.precondition('数据在 PostgreSQL 中，请用 PostgreSQL 自带的备份工具（pg_dump）备份', 'the data is in PostgreSQL: back it up with pg_dump (README, "Running on PostgreSQL")');
  mkdirSync(dir, { recursive: true });
  const stamp = shanghaiIso(now).slice(0, 19).replace(/[-:]/g, '');
  const file = join(dir, `liftmap-${stamp}.db`);
  if (existsSync(file)) throw refuse.conflict('这一秒已有一份备份，请稍后再试', 'a backup was made this very second; try again in a moment');
  await db.engine.backup(file);
  const bytes = statSync(file).size;
  const at = shanghaiIso(now);
  const row = await only(db.insert(backups).values({ file, bytes, at }).returning({ id: backups.id }));
  return { id: row.id, file: basename(file), bytes, at };
}
