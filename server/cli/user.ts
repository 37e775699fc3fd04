/**
 * Manage users from the shell:
 *   npm run user -- add NAME --role admin|planner|canvasser|viewer|maintainer [--canvasser C03 [--estate ID]] [--licence TS3431088-2028]
 *   npm run user -- reset NAME      (new password; the user's sessions end)
 *   npm run user -- disable NAME    (no sign-in; the user's sessions end now)
 *   npm run user -- enable NAME
 *   npm run user -- list
 * New and reset passwords are printed once.
 */
import { parseArgs } from 'node:util';
import { UserError } from '../auth/manage-users.ts';
import { SHELL_USER, type CommandContext } from '../commands/command.ts';
import { Refusal } from '../refusal.ts';
import { addUserCommand, disableUserCommand, enableUserCommand, resetPasswordCommand } from '../commands/user-commands.ts';
import { openConfigured } from '../db/open-configured.ts';
import { ROLES, type Role } from '../../geo/access/roles.ts';
import { parseEnv } from '../env.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { role: { type: 'string' }, canvasser: { type: 'string' }, estate: { type: 'string' }, licence: { type: 'string' } } });
const [command, name] = positionals;
const { db, close } = await openConfigured(parseEnv());
/** This program's one clock, at its edge: the commands read it from their context. */
const ctx: CommandContext = { db, now: () => new Date(), user: SHELL_USER };
try {
  if (command === 'add' && name) {
    const role = (values.role ?? '') as Role;
    if (!ROLES.includes(role)) throw new UserError(`--role: expected one of ${ROLES.join(', ')}`);
    const estate = values.estate === undefined ? undefined : Number(values.estate);
    if (estate !== undefined && !(Number.isInteger(estate) && estate > 0)) throw new UserError(`--estate: expected an estate id such as 2, got ${values.estate}`);
    const { password } = await addUserCommand(ctx, { username: name, role, canvasser: values.canvasser, estateId: estate, maintainerLicence: values.licence });
    console.log(`created ${name} (${role}) with password ${password}`);
  } else if (command === 'reset' && name) {
    const reset = await resetPasswordCommand(ctx, { username: name });
    console.log(`new password for ${name}: ${reset.password} (every session of ${name} has ended)${reset.disabled ? `; ${name} is still disabled: npm run user -- enable ${name}` : ''}`);
  } else if (command === 'disable' && name) {
    const { sessionsEnded } = await disableUserCommand(ctx, { username: name });
    console.log(`disabled ${name}: no sign-in from now; ${sessionsEnded} open session${sessionsEnded === 1 ? '' : 's'} ended`);
  } else if (command === 'enable' && name) {
    await enableUserCommand(ctx, { username: name });
    console.log(`enabled ${name}`);
  } else if (command === 'list') {
    for (const u of await db.select({ username: db.t.users.username, role: db.t.users.role, disabledAt: db.t.users.disabledAt }).from(db.t.users))
      console.log(`${u.username}\t${u.role}${u.disabledAt ? `\tdisabled ${u.disabledAt}` : ''}`);
  } else {
    throw new UserError('usage: npm run user -- add NAME --role ROLE [--canvasser C03 [--estate ID]] [--licence NO] | reset NAME | disable NAME | enable NAME | list');
  }
} catch (e) {
  console.error(e instanceof UserError || e instanceof Refusal ? e.message : e);
  process.exitCode = 1;
} finally {
  await close();
}
