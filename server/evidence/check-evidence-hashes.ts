import { asc, gt } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { sha256 } from './evidence-files.ts';

/** One evidence row's files as stored: the bytes and the hash recorded with each. */
export interface EvidenceFilesRow {
  id: number;
  signature: Uint8Array | null;
  signatureSha256: string | null;
  photo: Uint8Array | null;
  photoSha256: string | null;
}

/** How many files a row holds, and which of them no longer match their stored hash ('evidence 12 photo'). */
export function checkRowFiles(r: EvidenceFilesRow): { files: number; mismatched: string[] } {
  let files = 0;
  const mismatched: string[] = [];
  for (const [part, bytes, hash] of [['signature', r.signature, r.signatureSha256], ['photo', r.photo, r.photoSha256]] as const) {
    if (bytes === null && hash === null) continue;
    files++;
    if (bytes === null || hash === null || sha256(Buffer.from(bytes)) !== hash) mismatched.push(`evidence ${r.id} ${part}`);
  }
  return { files, mismatched };
}

/** Rows read at a time: a batch of photos is at most 100 MB in memory. */
const BATCH = 100;

/**
 * Every vote evidence file in the database against the SHA-256 stored when
 * it was recorded, in either dialect: what `npm run evidence -- check` runs
 * after a PostgreSQL restore (SQLite backups are checked by `npm run restore`
 * itself). Returns how many files were checked and which do not match.
 */
export async function checkEvidenceHashes(db: Db): Promise<{ files: number; mismatched: string[] }> {
  const { voteEvidence } = db.t;
  let after = 0;
  let files = 0;
  const mismatched: string[] = [];
  for (;;) {
    const rows = await db
      .select({ id: voteEvidence.id, signature: voteEvidence.signature, signatureSha256: voteEvidence.signatureSha256, photo: voteEvidence.photo, photoSha256: voteEvidence.photoSha256 })
      .from(voteEvidence)
      .where(gt(voteEvidence.id, after))
      .orderBy(asc(voteEvidence.id))
      .limit(BATCH);
    if (rows.length === 0) return { files, mismatched };
    for (const r of rows) {
      const checked = checkRowFiles(r);
      files += checked.files;
      mismatched.push(...checked.mismatched);
      after = r.id;
    }
  }
}
