import { sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { rawRows, type Db } from '../db/database.ts';
import { MIGRATIONS } from '../db/open-database.ts';
import { MIGRATIONS_PG } from '../db/open-postgres.ts';
import { listEstates } from '../queries/list-estates.ts';
import { sendJson } from './send.ts';

/** Migrations this version of LiftMap carries for a dialect (its journal). */
const known = (folder: string) => (JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;
const KNOWN = { sqlite: known(MIGRATIONS), postgres: known(MIGRATIONS_PG) };

/**
 * What a supervisor, a load balancer or a container asks:
 * `/livez` the process answers (restart it when it does not);
 * `/readyz` the database answers and holds every migration this version
 *   carries (send it traffic only then): 200, or 503 saying what is wrong;
 * `/healthz` as before: the estates it serves.
 * False for any other path.
 */
export async function handleProbe(db: Db, res: ServerResponse, path: string): Promise<boolean> {
  if (path === '/livez') return sendJson(res, 200, { live: true }), true;
  if (path === '/healthz') return sendJson(res, 200, { ok: true, estates: (await listEstates(db)).length }), true;
  if (path !== '/readyz') return false;
  res.setHeader('cache-control', 'no-store');
  try {
    const table = db.kind === 'postgres' ? sql`drizzle.__drizzle_migrations` : sql`__drizzle_migrations`;
    const [row] = await rawRows<{ n: number | string }>(db, sql`SELECT count(*) AS n FROM ${table}`);
    const applied = Number(row?.n ?? 0);
    const expected = KNOWN[db.kind];
    if (applied < expected) return sendJson(res, 503, { ready: false, reason: `database at migration ${applied} of ${expected}` }), true;
    sendJson(res, 200, { ready: true, database: db.kind, migrations: applied });
  } catch (e) {
    sendJson(res, 503, { ready: false, reason: `database does not answer: ${(e as Error).message}` });
  }
  return true;
}
