/**
 * Manage users from the shell:
 *   npm run user -- add NAME --role admin|planner|canvasser|viewer [--canvasser C03 [--estate ID]]
 *   npm run user -- reset NAME
 *   npm run user -- list
 * New and reset passwords are printed once.
 */
import { parseArgs } from 'node:util';
import { addUser, resetPassword, UserError } from '../auth/manage-users.ts';
import { openDatabase } from '../db/open-database.ts';
import { ROLES, users, type Role } from '../db/schema.ts';
import { parseEnv } from '../env.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { role: { type: 'string' }, canvasser: { type: 'string' }, estate: { type: 'string' } } });
const [command, name] = positionals;
const { db, close } = openDatabase(parseEnv().LIFTMAP_DB);
try {
  if (command === 'add' && name) {
    const role = (values.role ?? '') as Role;
    if (!ROLES.includes(role)) throw new UserError(`--role: expected one of ${ROLES.join(', ')}`);
    const estate = values.estate === undefined ? undefined : Number(values.estate);
    if (estate !== undefined && !(Number.isInteger(estate) && estate > 0)) throw new UserError(`--estate: expected an estate id such as 2, got ${values.estate}`);
    console.log(`created ${name} (${role}) with password ${addUser(db, name, role, values.canvasser, estate)}`);
  } else if (command === 'reset' && name) {
    console.log(`new password for ${name}: ${resetPassword(db, name)}`);
  } else if (command === 'list') {
    for (const u of db.select({ username: users.username, role: users.role }).from(users).all()) console.log(`${u.username}\t${u.role}`);
  } else {
    throw new UserError('usage: npm run user -- add NAME --role ROLE [--canvasser C03 [--estate ID]] | reset NAME | list');
  }
} catch (e) {
  console.error(e instanceof UserError ? e.message : e);
  process.exitCode = 1;
} finally {
  close();
}
