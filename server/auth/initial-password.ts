import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Where the first admin's password is written: beside the SQLite file (or in
 * `var/` when the database is not a file), readable only by its owner.
 */
export function initialPasswordFile(dbPath: string, root: string): string {
  return join(dbPath === ':memory:' ? join(root, 'var') : dirname(dbPath), 'initial-admin-password.txt');
}

/**
 * Writes the first admin's password once (never over an existing file) with
 * mode 0600, and returns the line to print: the password itself only when
 * the server runs on a terminal, else where to find it; never into a log.
 */
export function storeInitialPassword(file: string, password: string, onTerminal: boolean): string {
  mkdirSync(dirname(file), { recursive: true });
  // Removed first: a mode applies only to a file being created.
  rmSync(file, { force: true });
  writeFileSync(file, `admin\n${password}\n`, { mode: 0o600, flag: 'wx' });
  return onTerminal
    ? `created user admin with password ${password} (also in ${file}, readable only by you; change users with npm run user)`
    : `created user admin; its password is in ${file} (readable only by you; change users with npm run user)`;
}
