/**
 * The database a test runs on: SQLite unless the vitest project is
 * "postgres" (LIFTMAP_TEST_DATABASE=postgres), then a fresh copy of a
 * template database in the cluster tests/support/pg-cluster.ts started.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pg from 'pg';
import type { Db } from '../../server/db/database.ts';
import { openDatabase } from '../../server/db/open-database.ts';
import { openPostgres } from '../../server/db/open-postgres.ts';

export const ON_POSTGRES = process.env.LIFTMAP_TEST_DATABASE === 'postgres';

export interface TestDatabase {
  db: Db;
  /** The SQLite file, or null on PostgreSQL. */
  file: string | null;
  /** The PostgreSQL URL, or null on SQLite. */
  url: string | null;
  close: () => Promise<void>;
}

/** A new PostgreSQL database copied from `template` (migrated, or seeded with Fenghe as its files date it). */
export async function createPgDatabase(template: 'liftmap_migrated' | 'liftmap_seeded'): Promise<string> {
  const base = process.env.LIFTMAP_TEST_PG_BASE;
  if (!base) throw new Error('no PostgreSQL cluster: LIFTMAP_TEST_PG_BASE is set by tests/support/pg-cluster.ts (the "postgres" vitest project, or the bench)');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  return `${base}/${name}`;
}

/** An empty, migrated database for a CLI to fill before a server opens it: a SQLite file in `dir`, or a new PostgreSQL database. */
export async function freshTarget(dir: string): Promise<{ file: string | null; databaseUrl: string | null }> {
  if (ON_POSTGRES) return { file: null, databaseUrl: await createPgDatabase('liftmap_migrated') };
  const file = `${dir}/fresh-${randomBytes(4).toString('hex')}.db`;
  fromTemplate(file, 'migrated');
  openDatabase(file).close();
  return { file, databaseUrl: null };
}

/**
 * A copy of the run's template (tests/support/sqlite-templates.ts) at a
 * `file` not made yet; nothing when the run has no templates, and the file is
 * then migrated (and seeded by the caller) in place.
 */
function fromTemplate(file: string, template: 'migrated' | 'seeded'): void {
  const dir = process.env.LIFTMAP_TEST_SQLITE_TEMPLATES;
  if (!dir || file === ':memory:' || existsSync(file)) return;
  mkdirSync(dirname(file), { recursive: true });
  copyFileSync(join(dir, `${template}.db`), file);
}

/** A fresh, migrated database; `seeded` gives the Fenghe template directly (the caller's seedIfEmpty then does nothing). */
export async function openTestDatabase(file: string, opts: { seeded?: boolean; databaseUrl?: string; dialect?: 'sqlite' | 'postgres' } = {}): Promise<TestDatabase> {
  const onPostgres = opts.dialect ? opts.dialect === 'postgres' : ON_POSTGRES;
  if (opts.databaseUrl) {
    const { db, close } = await openPostgres(opts.databaseUrl, { poolSize: 4 });
    return { db, file: null, url: opts.databaseUrl, close };
  }
  if (!onPostgres) {
    fromTemplate(file, opts.seeded ? 'seeded' : 'migrated');
    const { db, close } = openDatabase(file);
    return { db, file, url: null, close: () => Promise.resolve(close()) };
  }
  const url = await createPgDatabase(opts.seeded ? 'liftmap_seeded' : 'liftmap_migrated');
  const { db, close } = await openPostgres(url, { poolSize: 4 });
  return { db, file: null, url, close };
}
