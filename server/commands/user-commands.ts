import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { addUser, disableUser, enableUser, resetPassword, setRole, UserError } from '../auth/manage-users.ts';
import { ROLES } from '../../geo/access/roles.ts';
import { first, type Db } from '../db/database.ts';
import { WHO } from '../auth/authorise.ts';
import { defineCommand } from './command.ts';
import { refuse } from '../refusal.ts';

const username = z.string().trim().min(2, 'expected a user name of 2–40 characters').max(40, 'expected a user name of 2–40 characters');
const canvasser = z.string().trim().max(40, 'expected a 包干人 id such as C03').optional();
const estateId = z.number().int().positive().max(2 ** 31).optional();
const maintainerLicence = z.string().trim().max(40, 'expected a licence number of at most 40 characters').optional();

/** A refused user change as a refusal staff read, Chinese first. */
async function asRefusal<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof UserError) throw refuse.badInput(e.zh, e.message, 'username');
    throw e;
  }
}

/** An admin adds a user; the password is returned once. */
export const addUserCommand = defineCommand({
  roles: WHO.admin,
  input: z.object({ username, role: z.enum(ROLES), canvasser, estateId, maintainerLicence }),
  run: async ({ tx }, i) => ({ password: await asRefusal(() => addUser(tx, i.username, i.role, i.canvasser || undefined, i.estateId, i.maintainerLicence)) }),
});

/** An admin gives a user a new password (returned once); the user's sessions end. */
export const resetPasswordCommand = defineCommand({
  roles: WHO.admin,
  input: z.object({ username }),
  run: async ({ tx }, i) => {
    const password = await asRefusal(() => resetPassword(tx, i.username));
    const user = await first(tx.select({ disabledAt: tx.t.users.disabledAt }).from(tx.t.users).where(eq(tx.t.users.username, i.username)));
    // A reset does not enable: the account says so, and stays as it was.
    return { password, disabled: Boolean(user?.disabledAt) };
  },
});

/** An admin disables a user: no sign-in, every open session ends now. Never oneself: someone must be left to undo it. */
export const disableUserCommand = defineCommand({
  roles: WHO.admin,
  input: z.object({ username }),
  run: async ({ tx, now, user }, i) => {
    if (i.username === user.username) throw refuse.badInput('不能停用自己的账号', 'you cannot disable your own account', 'username');
    return { sessionsEnded: await asRefusal(() => disableUser(tx, i.username, now)) };
  },
});

export const enableUserCommand = defineCommand({
  roles: WHO.admin,
  input: z.object({ username }),
  run: async ({ tx }, i) => (await asRefusal(() => enableUser(tx, i.username)), { ok: true as const }),
});

/** An admin changes a user's role and canvasser link; their sessions end. Not one's own role: an admin cannot demote the last admin by accident. */
export const setRoleCommand = defineCommand({
  roles: WHO.admin,
  input: z.object({ username, role: z.enum(ROLES), canvasser, estateId, maintainerLicence }),
  run: async ({ tx, user }, i) => {
    if (i.username === user.username) throw refuse.badInput('不能修改自己的角色', 'you cannot change your own role', 'username');
    await asRefusal(() => setRole(tx, i.username, i.role, i.canvasser || undefined, i.estateId, i.maintainerLicence));
    return { ok: true as const };
  },
});

/** Every user for /admin: name, role, linked canvasser, disabled; never a password hash. */
export async function listUsers(db: Db) {
  const { canvassers, users } = db.t;
  return await db
    .select({ username: users.username, role: users.role, canvasser: canvassers.externalId, canvasserName: canvassers.name, estateId: canvassers.estateId, disabledAt: users.disabledAt, createdAt: users.createdAt, maintainerLicence: users.maintainerLicence })
    .from(users)
    .leftJoin(canvassers, eq(canvassers.id, users.canvasserId))
    .orderBy(asc(users.username));
}
