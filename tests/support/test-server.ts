import Database from 'better-sqlite3';
import { sql, type SQL } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { rawRows, type Db } from '../../server/db/database.ts';
import { holdServerLock } from '../../server/db/server-lock.ts';
import type { Basemap } from '../../server/env.ts';
import { createApp, type App, type AppOptions } from '../../server/http/create-app.ts';
import { seedIfEmpty } from '../../server/import/seed-if-empty.ts';
import { openTestDatabase } from './test-database.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const FENGHE_DIR = join(ROOT, 'data', 'fenghe');

/** A fresh database for a test that calls procedures and commands through the caller, without HTTP. */
export interface SeededDatabase {
  db: Db;
  /** Plain SQL against the same database, `?` for each parameter: what the tests check against, in either dialect. */
  sql<T = Record<string, unknown>>(query: string, ...params: unknown[]): Promise<T[]>;
  /** The same, through a connection of its own, as another process (a CLI import) writes. */
  sqlElsewhere(query: string, ...params: unknown[]): Promise<void>;
  /** The SQLite file, or null on PostgreSQL. */
  file: string | null;
  /** The PostgreSQL URL, or null on SQLite. */
  databaseUrl: string | null;
  close(): Promise<void>;
}

export interface TestServer extends SeededDatabase {
  url: string;
  logs: string[];
  /** The server itself (to renew its certificate). */
  app: App;
  /** The access log: a line per request answered. */
  access: string[];
}

/** Runs one statement through a new connection to `database`, then closes it. */
async function runElsewhere(database: { file: string | null; url: string | null }, query: string, params: unknown[]): Promise<void> {
  if (database.file) {
    const other = new Database(database.file);
    try {
      other.prepare(query).run(...params);
    } finally {
      other.close();
    }
    return;
  }
  const other = new pg.Client({ connectionString: database.url! });
  await other.connect();
  try {
    let n = 0;
    await other.query(query.replace(/\?/g, () => `$${++n}`), params);
  } finally {
    await other.end();
  }
}

/** `?` placeholders bound in order, as drizzle's sql template does, for either dialect. */
export function boundSql(query: string, params: readonly unknown[]): SQL {
  const parts = query.split('?');
  if (parts.length !== params.length + 1) throw new Error(`expected ${parts.length - 1} parameters, got ${params.length}`);
  return sql.join(parts.flatMap((part, i) => (i < params.length ? [sql.raw(part), sql`${params[i]}`] : [sql.raw(part)])));
}

interface DatabaseOptions {
  seed?: boolean;
  dbFile?: string;
  databaseUrl?: string;
  anchorDay?: string;
  dialect?: 'sqlite' | 'postgres';
}

/**
 * A fresh, migrated database (SQLite, or PostgreSQL in the "postgres"
 * project; or the given SQLite file, left in place), seeded with the bundled
 * estate unless `seed: false`; the seeded history keeps the files' dates
 * unless `anchorDay` moves it. No HTTP: for tests through the caller.
 */
export async function seededDatabase(opts: DatabaseOptions = {}): Promise<SeededDatabase> {
  const dir = opts.dbFile || opts.databaseUrl ? null : mkdtempSync(join(tmpdir(), 'liftmap-test-'));
  const seeded = opts.seed !== false && opts.anchorDay === undefined && !opts.dbFile && !opts.databaseUrl;
  const database = await openTestDatabase(opts.dbFile ?? join(dir ?? tmpdir(), 'liftmap.db'), { seeded, databaseUrl: opts.databaseUrl, dialect: opts.dialect });
  const { db, file } = database;
  // As npm start does: restore refuses while a server has the file open.
  const release = file ? holdServerLock(file) : () => undefined;
  if (opts.seed !== false) await seedIfEmpty(db, FENGHE_DIR, opts.anchorDay);
  return {
    db,
    sql: (query, ...params) => rawRows(db, boundSql(query, params)),
    sqlElsewhere: (query, ...params) => runElsewhere(database, query, params),
    file,
    databaseUrl: database.url,
    close: async () => {
      await database.close();
      release();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The real server on a free loopback port with a fresh, seeded database
 * (seededDatabase), as a few tests need to keep the transport honest and
 * the browser tests need.
 */
export async function startTestServer(
  opts: DatabaseOptions & {
    basemap?: Basemap;
    /** HTTPS with this certificate; the URL is then https:// */
    tls?: AppOptions['tls'];
    site?: AppOptions['site'];
    trustProxy?: AppOptions['trustProxy'];
    /** Another build of the client (a new deployment); dist/client unless given. */
    clientDir?: string;
    /** This port rather than a free one (the same origin again after a restart). */
    port?: number;
    /** The server's clock, for a test that moves through a stage's windows. */
    now?: () => Date;
  } = {},
): Promise<TestServer> {
  const database = await seededDatabase(opts);
  const { db } = database;
  const logs: string[] = [];
  const access: string[] = [];
  // Backups from /admin go to a folder of this test's own, removed with it.
  const backupDir = mkdtempSync(join(tmpdir(), 'liftmap-backups-'));
  const server = createApp({ db, clientDir: opts.clientDir ?? join(ROOT, 'dist', 'client'), log: (line) => logs.push(line), access: (line) => access.length < 10_000 && access.push(line), basemap: opts.basemap ?? null, backups: { dir: backupDir, at: null, daily: 14, weekly: 8 }, tls: opts.tls, site: opts.site, trustProxy: opts.trustProxy, now: opts.now });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...database,
    url: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    app: server,
    logs,
    access,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await database.close();
      rmSync(backupDir, { recursive: true, force: true });
    },
  };
}
