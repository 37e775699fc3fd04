/** `npm run restore -- FILE`: check a backup and put it in place of LIFTMAP_DB. Stop the server first. */
import { RestoreError, restoreDatabase } from '../backup/restore-database.ts';
import { parseEnv } from '../env.ts';
import { POSTGRES_RESTORE } from '../backup/postgres-backup.ts';

const env = parseEnv();
const file = process.argv[2];
try {
  if (env.LIFTMAP_DATABASE_URL) throw new RestoreError(POSTGRES_RESTORE);
  if (!file) throw new RestoreError('usage: npm run restore -- FILE (stop the server first)');
  const version = restoreDatabase(file, env.LIFTMAP_DB);
  console.log(`restored ${file} (schema version ${version}) to ${env.LIFTMAP_DB}; start the server again`);
} catch (e) {
  console.error(e instanceof RestoreError ? e.message : e);
  process.exitCode = 1;
}
