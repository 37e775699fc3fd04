/**
 * vitest's globalSetup for the SQLite projects: the migrated database and the
 * database seeded with Fenghe are made once per run, and each test copies the
 * file it needs (a few milliseconds) rather than migrating and seeding 1,920
 * flats again (about a second each time). Test workers find the folder in
 * LIFTMAP_TEST_SQLITE_TEMPLATES; without it (the bench, a lone script) a test
 * database is migrated and seeded in place as before.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../server/db/open-database.ts';
import { seedIfEmpty } from '../../server/import/seed-if-empty.ts';

const FENGHE = join(import.meta.dirname, '..', '..', 'data', 'fenghe');

/** The two template files in `dir`; closing checkpoints the WAL, so each file is whole on its own. */
export async function makeSqliteTemplates(dir: string): Promise<void> {
  openDatabase(join(dir, 'migrated.db')).close();
  const seeded = openDatabase(join(dir, 'seeded.db'));
  try {
    await seedIfEmpty(seeded.db, FENGHE);
  } finally {
    seeded.close();
  }
}

/** Both SQLite projects name this setup; the first to run makes the templates for the run. */
export default async function setup() {
  if (process.env.LIFTMAP_TEST_SQLITE_TEMPLATES) return () => undefined;
  const dir = mkdtempSync(join(tmpdir(), 'liftmap-templates-'));
  await makeSqliteTemplates(dir);
  process.env.LIFTMAP_TEST_SQLITE_TEMPLATES = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
