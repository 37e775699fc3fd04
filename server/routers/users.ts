import { WHO } from '../auth/authorise.ts';
import { addUserCommand, disableUserCommand, enableUserCommand, listUsers, resetPasswordCommand, setRoleCommand } from '../commands/user-commands.ts';
import { roleProcedure, router } from '../trpc.ts';

const admin = roleProcedure(...WHO.admin);

/** Who may sign in, managed by admins in /admin as with `npm run user`; new and reset passwords are answered once. */
export const usersRouter = router({
  list: admin.query(async ({ ctx }) => await listUsers(ctx.db)),
  add: admin.input(addUserCommand.input).mutation(async ({ ctx, input }) => await addUserCommand(ctx, input)),
  reset: admin.input(resetPasswordCommand.input).mutation(async ({ ctx, input }) => await resetPasswordCommand(ctx, input)),
  disable: admin.input(disableUserCommand.input).mutation(async ({ ctx, input }) => await disableUserCommand(ctx, input)),
  enable: admin.input(enableUserCommand.input).mutation(async ({ ctx, input }) => await enableUserCommand(ctx, input)),
  setRole: admin.input(setRoleCommand.input).mutation(async ({ ctx, input }) => await setRoleCommand(ctx, input)),
});
