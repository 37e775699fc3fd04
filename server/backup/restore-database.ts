import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { MIGRATIONS } from '../db/open-database.ts';
import { checkRowFiles, type EvidenceFilesRow } from '../evidence/check-evidence-hashes.ts';
import { serverHolding } from '../db/server-lock.ts';

export class RestoreError extends Error {
  override readonly name = 'RestoreError';
}

/**
 * Checks a backup before it replaces anything: SQLite's integrity check, a
 * schema no newer than this version of LiftMap knows, and every vote evidence
 * file against its stored hash. Returns its schema version.
 */
export function checkBackup(file: string): number {
  if (!existsSync(file)) throw new RestoreError(`no backup file ${file}`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new RestoreError(`${file} fails SQLite's integrity check: ${String(integrity)}`);
    const known = readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql')).length;
    const applied = (db.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number } | undefined)?.n ?? 0;
    if (applied === 0) throw new RestoreError(`${file} is not a LiftMap database (no migrations recorded)`);
    if (applied > known) throw new RestoreError(`${file} has schema version ${applied}, newer than this LiftMap (${known}); upgrade LiftMap first`);
    countEvidenceFiles(db, file);
    return applied;
  } finally {
    db.close();
  }
}

/**
 * Every written vote's evidence file in a backup, against the SHA-256 stored
 * when it was recorded: a backup with a changed or missing file is refused,
 * naming the evidence. Returns how many files were checked.
 */
export function countEvidenceFiles(db: Database.Database, file: string): number {
  const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'vote_evidence'").get();
  if (!table) return 0;
  const rows = db.prepare('SELECT id, signature, signature_sha256 AS signatureSha256, photo, photo_sha256 AS photoSha256 FROM vote_evidence ORDER BY id').iterate() as Iterable<EvidenceFilesRow>;
  const bad: string[] = [];
  let files = 0;
  for (const r of rows) {
    const checked = checkRowFiles(r);
    files += checked.files;
    bad.push(...checked.mismatched);
  }
  if (bad.length)
    throw new RestoreError(`${file}: ${bad.length} vote evidence file(s) do not match the hash stored when they were recorded (${bad.slice(0, 10).join(', ')}${bad.length > 10 ? ', …' : ''}); 表决凭证文件与登记时的哈希不符，拒绝恢复`);
  return files;
}

/**
 * Replaces the database at `target` with a checked backup (stop the server
 * first). Written beside the target and renamed, so a failure leaves the old
 * database whole; older schemas are migrated on the next start.
 */
export function restoreDatabase(file: string, target: string): number {
  const server = serverHolding(target);
  if (server !== null)
    throw new RestoreError(`a LiftMap server (pid ${server}) has ${target} open: stop it first, or writes it acknowledges would be lost (服务器正在使用该数据库，请先停止服务器再恢复)`);
  const version = checkBackup(file);
  const temp = `${target}.restoring`;
  copyFileSync(file, temp);
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(temp, target);
  return version;
}
