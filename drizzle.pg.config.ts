import { defineConfig } from 'drizzle-kit';

/** PostgreSQL's migrations: the same schema meaning as drizzle.config.ts (SQLite), generated from server/db/schema-pg.ts. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema-pg.ts',
  out: './server/db/migrations-pg',
});
