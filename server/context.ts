import type { Db } from './db/open-database.ts';

export interface Context {
  db: Db;
}

/** The context without HTTP, for tests through createCaller and for the HTTP adapter alike. */
export function createContextInner(opts: { db: Db }): Context {
  return { db: opts.db };
}
