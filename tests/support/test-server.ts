import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../server/db/open-database.ts';
import { holdServerLock } from '../../server/db/server-lock.ts';
import type { Basemap } from '../../server/env.ts';
import { createApp } from '../../server/http/create-app.ts';
import { seedIfEmpty } from '../../server/import/seed-if-empty.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const FENGHE_DIR = join(ROOT, 'data', 'fenghe');

export interface TestServer {
  url: string;
  db: Db;
  /** The same database, for tests that check against plain SQL. */
  sqlite: Database.Database;
  /** The SQLite file. */
  file: string;
  logs: string[];
  close(): Promise<void>;
}

/**
 * The real server on a free loopback port with a fresh, seeded SQLite file
 * (or the given one, left in place); the seeded history keeps the files'
 * dates unless `anchorDay` moves it.
 */
export async function startTestServer(opts: { seed?: boolean; basemap?: Basemap; dbFile?: string; anchorDay?: string } = {}): Promise<TestServer> {
  const dir = opts.dbFile ? null : mkdtempSync(join(tmpdir(), 'liftmap-test-'));
  const file = opts.dbFile ?? join(dir!, 'liftmap.db');
  const { db, sqlite, close } = openDatabase(file);
  // As npm start does: restore refuses while this server has the file open.
  const release = holdServerLock(file);
  if (opts.seed !== false) await seedIfEmpty(db, FENGHE_DIR, opts.anchorDay);
  const logs: string[] = [];
  const server = createApp({ db, clientDir: join(ROOT, 'dist', 'client'), log: (line) => logs.push(line), basemap: opts.basemap ?? null });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    sqlite,
    file,
    logs,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      close();
      release();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
