/** `npm run restore -- FILE`: check a backup and put it in place of LIFTMAP_DB. Stop the server first. */
import { RestoreError, restoreDatabase } from '../backup/restore-database.ts';
import { parseEnv } from '../env.ts';
import { POSTGRES_RESTORE } from '../backup/postgres-backup.ts';

const env = parseEnv();
const file = process.argv[2];
try {
  if (env.LIFTMAP_DATABASE_URL) throw new RestoreError(POSTGRES_RESTORE);
  if (!file) throw new RestoreError('usage: npm run restore -- FILE (stop the server first)');
  const c = restoreDatabase(file, env.LIFTMAP_DB);
  console.log(
    [
      `restored ${file} to ${env.LIFTMAP_DB} (schema version ${c.version}${c.hashChecked ? '; its SHA-256 matched the one written beside it' : ''}):`,
      `  ${c.estates} estate(s), ${c.stairwells} stairwells, ${c.flats} flats, ${c.evidenceFiles} vote evidence file(s) checked against their hashes`,
      `  last change recorded: ${c.lastChange ?? 'none'}`,
      'start the server again (npm start).',
    ].join('\n'),
  );
} catch (e) {
  // A refusal or a file problem is one line; nothing was replaced.
  console.error(e instanceof RestoreError ? e.message : `restore failed, nothing was replaced: ${(e as Error).message}`);
  process.exitCode = 1;
}
