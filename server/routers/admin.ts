import { desc } from 'drizzle-orm';
import { backups } from '../db/schema.ts';
import { roleProcedure, router } from '../trpc.ts';

export const adminRouter = router({
  /** When the last backup ran (npm run backup), for /admin. */
  lastBackup: roleProcedure('admin', 'planner').query(({ ctx }) => ctx.db.select({ at: backups.at, bytes: backups.bytes }).from(backups).orderBy(desc(backups.id)).limit(1).get() ?? null),
});
