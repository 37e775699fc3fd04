/** `npm run backup [-- DIR]`: an online backup of LIFTMAP_DB, safe while the server runs (default DIR: LIFTMAP_BACKUP_DIR, var/backups). */
import { writeBackup } from '../backup/backup-database.ts';
import { openDatabase } from '../db/open-database.ts';
import { parseEnv } from '../env.ts';
import { POSTGRES_BACKUP } from '../backup/postgres-backup.ts';

const env = parseEnv();
if (env.LIFTMAP_DATABASE_URL) {
  console.error(POSTGRES_BACKUP);
  process.exit(1);
}
const dir = process.argv[2] ?? env.LIFTMAP_BACKUP_DIR;
const { db, close } = openDatabase(env.LIFTMAP_DB);
try {
  const { file, bytes, sha256 } = await writeBackup(db, dir, new Date() /* this program's clock, passed down */);
  console.log(`backed up ${env.LIFTMAP_DB} to ${file} (${(bytes / 1024 / 1024).toFixed(1)} MiB, readable only by its owner; sha256 ${sha256} in ${file}.sha256)`);
} finally {
  close();
}
