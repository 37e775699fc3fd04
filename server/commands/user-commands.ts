import { z } from 'zod';
import { addUser, disableUser, enableUser, resetPassword } from '../auth/manage-users.ts';
import { ROLES } from '../auth/roles.ts';
import { WHO } from './authorise.ts';
import { defineCommand } from './command.ts';

const username = z.string().trim().min(2).max(40);

/** An admin adds a user; the password is returned once. */
export const addUserCommand = defineCommand({
  roles: WHO.admin,
  input: z.object({ username, role: z.enum(ROLES), canvasser: z.string().max(40).optional(), estateId: z.number().int().positive().optional() }),
  run: async ({ tx }, i) => ({ password: await addUser(tx, i.username, i.role, i.canvasser, i.estateId) }),
});

/** An admin gives a user a new password (returned once); the user's sessions end. */
export const resetPasswordCommand = defineCommand({
  roles: WHO.admin,
  input: z.object({ username }),
  run: async ({ tx }, i) => ({ password: await resetPassword(tx, i.username) }),
});

/** An admin disables a user: no sign-in, every open session ends now. */
export const disableUserCommand = defineCommand({
  roles: WHO.admin,
  input: z.object({ username }),
  run: async ({ tx, now }, i) => ({ sessionsEnded: await disableUser(tx, i.username, now) }),
});

export const enableUserCommand = defineCommand({
  roles: WHO.admin,
  input: z.object({ username }),
  run: async ({ tx }, i) => (await enableUser(tx, i.username), { ok: true as const }),
});
