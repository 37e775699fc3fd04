import { createHash } from 'node:crypto';
import { chmodSync, closeSync, createReadStream, existsSync, mkdirSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { shanghaiIso } from '../../geo/time/index.ts';
import { refuse } from '../refusal.ts';
import { only, type Db } from '../db/database.ts';

export interface BackupMade {
  id: number;
  /** The file's full path. */
  file: string;
  bytes: number;
  at: string;
  sha256: string;
}

/** A backup's file name from its time (Shanghai), which the retention reads back. */
export const backupFileName = (now: Date) => `liftmap-${shanghaiIso(now).slice(0, 19).replace(/[-:]/g, '')}.db`;

/** The SHA-256 of a file, read in chunks so a large database does not stop the server. */
export async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * An online, consistent copy of the live database into `dir` (SQLite's
 * backup API: pages are copied while the server keeps writing, restarting
 * if they change), readable only by its owner, as is the folder (it holds
 * every resident's name and phone number); its SHA-256 beside it in
 * `FILE.sha256` (the `sha256sum` format); recorded so /admin shows when the
 * last backup ran. Refused on PostgreSQL, whose own tools back up.
 */
export async function writeBackup(db: Db, dir: string, now: Date): Promise<BackupMade> {
  const { backups } = db.t;
  if (!db.engine.backup) throw refuse.precondition('数据在 PostgreSQL 中，请用 PostgreSQL 自带的备份工具（pg_dump）备份', 'the data is in PostgreSQL: back it up with pg_dump (README, "Running on PostgreSQL")');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const file = join(dir, backupFileName(now));
  if (existsSync(file)) throw refuse.conflict('这一秒已有一份备份，请稍后再试', 'a backup was made this very second; try again in a moment');
  // Created empty and private first: the copy is never readable by others, not even for a moment.
  closeSync(openSync(file, 'wx', 0o600));
  try {
    await db.engine.backup(file);
  } catch (e) {
    rmSync(file, { force: true });
    throw e;
  }
  const sha256 = await fileSha256(file);
  writeFileSync(`${file}.sha256`, `${sha256}  ${basename(file)}\n`, { mode: 0o600 });
  const bytes = statSync(file).size;
  const at = shanghaiIso(now);
  const row = await only(db.insert(backups).values({ file, bytes, at }).returning({ id: backups.id }));
  return { id: row.id, file, bytes, at, sha256 };
}

/** The same from /admin: the file named by its base name only (the server's folders are not the browser's business). */
export async function backupFromApp(db: Db, dir: string, now: Date): Promise<{ id: number; file: string; bytes: number; at: string }> {
  const made = await writeBackup(db, dir, now);
  return { id: made.id, file: basename(made.file), bytes: made.bytes, at: made.at };
}
