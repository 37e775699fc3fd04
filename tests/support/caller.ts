import { eq } from 'drizzle-orm';
import { addUser } from '../../server/auth/manage-users.ts';
import type { SessionUser } from '../../server/auth/sessions.ts';
import { createContextInner, type Context } from '../../server/context.ts';
import type { Db } from '../../server/db/open-database.ts';
import { users, type Role } from '../../server/db/schema.ts';
import { appRouter } from '../../server/routers/_app.ts';
import { createCallerFactory } from '../../server/trpc.ts';
import { first } from '../../server/db/database.ts';

export const createCaller = createCallerFactory(appRouter);

/** A stored user of `role` and the tRPC caller acting as them: commands without HTTP. */
export async function callerAs(db: Db, role: Role, extra: Partial<Context> = {}, canvasser?: string, estateId?: number, maintainerLicence?: string) {
  const username = `${role}-${Math.random().toString(36).slice(2, 8)}`;
  await addUser(db, username, role, canvasser, estateId, maintainerLicence ?? (role === 'maintainer' ? 'TS3131-TEST' : undefined));
  const row = (await first(db.select().from(users).where(eq(users.username, username))))!;
  const user: SessionUser = { id: row.id, username, role: row.role, canvasserId: row.canvasserId, canvasserName: null, maintainerLicence: row.maintainerLicence };
  return createCaller(createContextInner({ db, user, ...extra }));
}
