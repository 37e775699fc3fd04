import type { Env } from '../env.ts';
import type { Db } from './database.ts';
import { openDatabase } from './open-database.ts';
import { openPostgres } from './open-postgres.ts';

export interface ConfiguredDatabase {
  db: Db;
  /** The SQLite file, or null on PostgreSQL. */
  file: string | null;
  /** Where the data is, for messages: the file, or the PostgreSQL host and database without the password. */
  where: string;
  close: () => Promise<void>;
}

/** The database the environment names: PostgreSQL when LIFTMAP_DATABASE_URL is set, else the SQLite file LIFTMAP_DB. */
export async function openConfigured(env: Pick<Env, 'LIFTMAP_DB' | 'LIFTMAP_DATABASE_URL'>): Promise<ConfiguredDatabase> {
  if (env.LIFTMAP_DATABASE_URL) {
    const { db, close } = await openPostgres(env.LIFTMAP_DATABASE_URL);
    return { db, file: null, where: redactUrl(env.LIFTMAP_DATABASE_URL), close };
  }
  const { db, close } = openDatabase(env.LIFTMAP_DB);
  return { db, file: env.LIFTMAP_DB, where: env.LIFTMAP_DB, close: () => Promise.resolve(close()) };
}

/** postgres://user:secret@host/db → postgres://user@host/db: never print a password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
