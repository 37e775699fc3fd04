import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { SQL } from 'drizzle-orm';
import type * as schema from './schema.ts';

/** Which database holds the campaign: the embedded file, or a shared PostgreSQL. */
export type Dialect = 'sqlite' | 'postgres';

/** The tables, as the query code sees them: the same names, columns and row types in both dialects (tests/server/schema-parity.test.ts). */
export type Tables = typeof schema;

type Drizzle = BetterSQLite3Database<typeof schema>;

/**
 * The database as every query and command sees it, whichever dialect holds
 * it: drizzle's query builders (awaited, never `.get()`/`.all()`/`.run()`,
 * which exist in SQLite only), the tables of that dialect in `t`, and a
 * transaction through `transact()`. Dialect differences live in this folder.
 */
export interface Db extends Pick<Drizzle, 'select' | 'selectDistinct' | 'insert' | 'update' | 'delete'> {
  readonly t: Tables;
  /** Which database (not `dialect`: drizzle keeps its own under that name). */
  readonly kind: Dialect;
  /** True inside transact(): a nested transact() runs in the same transaction. */
  readonly inTransaction: boolean;
  readonly engine: Engine;
}

/** What differs between the two databases, implemented once per dialect. */
export interface Engine {
  readonly dialect: Dialect;
  /** Whether a write scoped to one estate runs beside writes of other estates (PostgreSQL), so a command should name its estate first. */
  readonly locksPerEstate: boolean;
  /**
   * Runs `fn` in one transaction. 'write' takes a write lock at its start:
   * SQLite's one writer (BEGIN IMMEDIATE); on PostgreSQL an advisory lock,
   * the estate's own when `scope` names the one estate the write touches (so
   * writes of different estates run side by side), else one that excludes
   * every other write. 'read' is one consistent snapshot.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>, mode: 'write' | 'read', scope?: WriteScope): Promise<T>;
  /**
   * Called before a transaction's first change-log entry: on PostgreSQL it
   * takes a lock held until commit, so entries commit in the order of their
   * ids even when writes of different estates run side by side, and a live
   * reader that has read up to an id has missed nothing below it.
   */
  lockChangeLog(tx: Db): Promise<void>;
  /** Rows of a raw statement (drizzle's sql template, placeholders bound). */
  rows<T>(db: Db, query: SQL): Promise<T[]>;
  /**
   * Calls `listen` when any connection commits to the change log (PostgreSQL's
   * NOTIFY, from every app server); SQLite has no such signal and its readers
   * poll. Returns the unsubscribe.
   */
  onCommit(listen: () => void): () => void;
  /** An online, consistent copy of the whole database into `file` (SQLite's backup API); absent where the database's own tools back up (PostgreSQL). */
  backup?(file: string): Promise<void>;
  close(): Promise<void>;
}

/** The one estate a write touches, when the command knows it beforehand. */
export interface WriteScope {
  estateId: number;
}

/**
 * One transaction: a refusal (any throw) inside rolls everything back. Inside
 * another transaction it simply runs there (imports called from commands).
 */
export function transact<T>(db: Db, fn: (tx: Db) => Promise<T>, mode: 'write' | 'read' = 'write', scope?: WriteScope): Promise<T> {
  return db.inTransaction ? fn(db) : db.engine.transaction(fn, mode, scope);
}

/** Rows of a raw SQL statement, in either dialect: keep such statements to standard SQL. */
export function rawRows<T>(db: Db, query: SQL): Promise<T[]> {
  return db.engine.rows<T>(db, query);
}

/** The first row of a query, or undefined: what SQLite's `.get()` was, in both dialects. */
export async function first<T>(query: PromiseLike<T[]>): Promise<T | undefined> {
  return (await query)[0];
}

/** The database handle seen by queries: drizzle's builders with the dialect's tables. */
export function asDb(drizzle: object, engine: Engine, t: Tables, inTransaction: boolean): Db {
  // Prototype-linked, so drizzle's methods keep their own `this` state.
  return Object.assign(Object.create(drizzle) as Db, { t, kind: engine.dialect, inTransaction, engine });
}

/** The one row an INSERT … RETURNING (or a query that cannot be empty) gives. */
export async function only<T>(query: PromiseLike<T[]>): Promise<T> {
  const [row] = await query;
  if (row === undefined) throw new Error('expected a row, got none');
  return row;
}
