import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
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
  return inspectBackup(file).version;
}

/** What a backup holds, for the shell to say what it restored. */
export interface BackupContents {
  version: number;
  estates: number;
  stairwells: number;
  flats: number;
  evidenceFiles: number;
  /** The last change it recorded (the change log's latest time), or null. */
  lastChange: string | null;
  /** Whether a `FILE.sha256` beside it was checked (and matched). */
  hashChecked: boolean;
}

/**
 * A backup checked before it replaces anything: its SHA-256 against the
 * `FILE.sha256` written beside it (when there is one), SQLite's integrity
 * check, a schema no newer than this version of LiftMap knows, and every
 * vote evidence file against its stored hash; and what it holds.
 */
export function inspectBackup(file: string): BackupContents {
  if (!existsSync(file)) throw new RestoreError(`no backup file ${file}`);
  const hashFile = `${file}.sha256`;
  const hashChecked = existsSync(hashFile);
  if (hashChecked) {
    const expected = readFileSync(hashFile, 'utf8').trim().split(/\s+/)[0];
    const actual = createHash('sha256').update(readFileSync(file)).digest('hex');
    if (expected !== actual) throw new RestoreError(`${file} does not match the SHA-256 written beside it when it was made (${basename(hashFile)}): it changed since; 备份文件与备份时记录的哈希不符，拒绝恢复`);
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new RestoreError(`${file} fails SQLite's integrity check: ${String(integrity)}`);
    const known = readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql')).length;
    const applied = (db.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number } | undefined)?.n ?? 0;
    if (applied === 0) throw new RestoreError(`${file} is not a LiftMap database (no migrations recorded)`);
    if (applied > known) throw new RestoreError(`${file} has schema version ${applied}, newer than this LiftMap (${known}); upgrade LiftMap first`);
    const evidenceFiles = countEvidenceFiles(db, file);
    const n = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const last = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'change_log'").get() ? (db.prepare('SELECT max(at) AS at FROM change_log').get() as { at: string | null }).at : null;
    return { version: applied, estates: n('estates'), stairwells: n('stairwells'), flats: n('flats'), evidenceFiles, lastChange: last, hashChecked };
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
export function restoreDatabase(file: string, target: string): BackupContents {
  const server = serverHolding(target);
  if (server !== null)
    throw new RestoreError(`a LiftMap server (pid ${server}) has ${target} open: stop it first, or writes it acknowledges would be lost (服务器正在使用该数据库，请先停止服务器再恢复)`);
  const contents = inspectBackup(file);
  // A fresh checkout has no var/ yet.
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target}.restoring`;
  copyFileSync(file, temp);
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(temp, target);
  return contents;
}
