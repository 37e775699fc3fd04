import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { asDb, type Db, type Engine } from './database.ts';
import * as schema from './schema.ts';

export type { Db } from './database.ts';

export const MIGRATIONS = join(import.meta.dirname, 'migrations');

/**
 * Opens (creating if needed) the SQLite file at `path` and applies the
 * committed migrations. ':memory:' works for tests.
 */
export function openDatabase(path: string): { db: Db; sqlite: Database.Database; close: () => void } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  // Every commit synced to disk before it is acknowledged: a power cut loses no visit a phone was told was saved.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  reusePreparedStatements(sqlite);
  const root = drizzle(sqlite, { schema });
  migrate(root, { migrationsFolder: MIGRATIONS });
  // One connection: transactions take turns (a second BEGIN on it would fail, and its reads would see the first's writes).
  let queue: Promise<unknown> = Promise.resolve();
  const engine: Engine = {
    dialect: 'sqlite',
    // One writer at a time: naming the estate first would only cost a read.
    locksPerEstate: false,
    transaction<T>(fn: (tx: Db) => Promise<T>, mode: 'write' | 'read'): Promise<T> {
      const run = async () => {
        sqlite.exec(mode === 'write' ? 'BEGIN IMMEDIATE' : 'BEGIN');
        try {
          const result = await fn(asDb(root, engine, schema, true));
          sqlite.exec('COMMIT');
          return result;
        } catch (e) {
          if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
          throw e;
        }
      };
      const turn = queue.then(run, run);
      queue = turn.catch(() => undefined);
      return turn;
    },
    // One writer at a time already commits the log in id order.
    lockChangeLog: () => Promise.resolve(),
    rows: <T>(_db: Db, query: Parameters<typeof root.all>[0]) => {
      try {
        return Promise.resolve(root.all<T>(query));
      } catch (e) {
        // better-sqlite3 runs a statement that returns no rows (UPDATE, PRAGMA …) only through run().
        if (!(e instanceof TypeError && /does not return data/.test(e.message))) throw e;
        root.run(query);
        return Promise.resolve([]);
      }
    },
    // Other processes on the same file are seen by the live bus's poll of the change log.
    onCommit: () => () => undefined,
    backup: async (file) => {
      await sqlite.backup(file);
    },
    close: () => {
      sqlite.close();
      return Promise.resolve();
    },
  };
  return { db: asDb(root, engine, schema, false), sqlite, close: () => sqlite.close() };
}

/** Distinct statements kept prepared: every query LiftMap writes, with room to spare. */
const MAX_PREPARED = 2_000;

/**
 * Statements prepared once per SQL text and reused (drizzle asks
 * better-sqlite3 to prepare every query it runs, a cost paid on every
 * visit otherwise). A reused statement is handed back in its default
 * (object rows) mode; drizzle asks for raw rows each time it wants them.
 */
function reusePreparedStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const prepared = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = prepared.get(source);
    if (cached) {
      if (cached.reader) cached.raw(false);
      return cached;
    }
    const statement = prepare(source);
    if (prepared.size >= MAX_PREPARED) prepared.clear();
    prepared.set(source, statement);
    return statement;
  }) as typeof sqlite.prepare;
}
