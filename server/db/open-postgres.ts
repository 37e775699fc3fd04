import { sql, type SQL } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { join } from 'node:path';
import pg from 'pg';
import { asDb, type Db, type Engine, type Tables } from './database.ts';
import * as schema from './schema-pg.ts';

export const MIGRATIONS_PG = join(import.meta.dirname, 'migrations-pg');

/**
 * The advisory lock of writes: taken exclusively by a write that may touch
 * any estate (an import, a user), shared by a write of one estate, which
 * also takes that estate's own lock: writes of one estate take turns, writes
 * of different estates run side by side, and a write of any estate waits
 * for those of all.
 */
const WRITE_LOCK = 746_1001;
/** Class of the per-estate locks (the two-key form: this class, the estate id). */
const ESTATE_LOCK_CLASS = 7462;
/** Held from a transaction's first change-log entry to its commit: entries commit in id order. */
const CHANGE_LOG_LOCK = 746_1003;
/** Held while migrating, so two app servers starting together do not both apply a migration. */
const MIGRATE_LOCK = 746_1002;

const tables = schema as unknown as Tables;

/**
 * Connects to PostgreSQL at `url` (postgres://user:pass@host:port/db), applies
 * the committed PostgreSQL migrations and returns the same Db the SQLite file
 * gives. Several app servers may share one database.
 */
export async function openPostgres(url: string, opts: { poolSize?: number } = {}): Promise<{ db: Db; close: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10, application_name: 'liftmap' });
  // An idle connection dropped by a restarting server must not take this process down; the next query reconnects.
  pool.on('error', () => undefined);
  const root = drizzle(pool, { schema });
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK]);
    await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_PG });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK]).catch(() => undefined);
    client.release();
  }
  const listener = new CommitListener(url);
  const engine: Engine = {
    dialect: 'postgres',
    locksPerEstate: true,
    transaction: <T>(fn: (tx: Db) => Promise<T>, mode: 'write' | 'read', scope?: { estateId: number }) =>
      root.transaction(
        async (tx) => {
          if (mode === 'write' && scope) await tx.execute(sql`SELECT pg_advisory_xact_lock_shared(${WRITE_LOCK}), pg_advisory_xact_lock(${ESTATE_LOCK_CLASS}, ${scope.estateId})`);
          else if (mode === 'write') await tx.execute(sql`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`);
          return fn(asDb(tx, engine, tables, true));
        },
        mode === 'read' ? { isolationLevel: 'repeatable read', accessMode: 'read only' } : undefined,
      ),
    lockChangeLog: async (tx) => {
      await (tx as unknown as NodePgDatabase).execute(sql`SELECT pg_advisory_xact_lock(${CHANGE_LOG_LOCK})`);
    },
    rows: async <T>(db: Db, query: SQL) => (await (db as unknown as NodePgDatabase).execute(query)).rows as T[],
    onCommit: (listen) => listener.add(listen),
    close: async () => {
      await listener.close();
      await pool.end();
    },
  };
  return { db: asDb(root, engine, tables, false), close: () => engine.close() };
}

/**
 * One connection that LISTENs for commits to the change log (the
 * change_log_notify trigger), from this app server or any other; it
 * reconnects after PostgreSQL restarts. The change log's poll stays as the
 * fallback, so a lost notification only delays a screen by one poll.
 */
class CommitListener {
  private readonly listeners = new Set<() => void>();
  private client: pg.Client | null = null;
  private closed = false;
  private connecting: Promise<void> | null = null;

  constructor(private readonly url: string) {}

  add(listen: () => void): () => void {
    this.listeners.add(listen);
    this.connecting ??= this.connect();
    return () => this.listeners.delete(listen);
  }

  private async connect(): Promise<void> {
    while (!this.closed) {
      const client = new pg.Client({ connectionString: this.url, application_name: 'liftmap-listen' });
      try {
        await client.connect();
        client.on('notification', () => {
          for (const listen of this.listeners) listen();
        });
        client.on('error', () => void client.end().catch(() => undefined));
        client.on('end', () => {
          this.client = null;
          if (!this.closed) setTimeout(() => void this.connect(), 1000).unref();
        });
        await client.query('LISTEN liftmap_changes');
        this.client = client;
        // Whatever was committed while this connection was away is read now.
        for (const listen of this.listeners) listen();
        return;
      } catch {
        await client.end().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 1000).unref());
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => undefined);
  }
}
