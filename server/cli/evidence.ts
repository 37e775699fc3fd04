/**
 * `npm run evidence -- check`: every written vote's evidence file against the
 * hash stored when it was recorded, in the configured database (SQLite or
 * PostgreSQL); run it after `pg_restore`. Exits 1 naming each file that does
 * not match.
 */
import { checkEvidenceHashes } from '../evidence/check-evidence-hashes.ts';
import { openConfigured } from '../db/open-configured.ts';
import { parseEnv } from '../env.ts';

if (process.argv[2] !== 'check') {
  console.error('usage: npm run evidence -- check');
  process.exit(2);
}
const database = await openConfigured(parseEnv());
try {
  const { files, mismatched } = await checkEvidenceHashes(database.db);
  if (mismatched.length) {
    console.error(`${database.where}: ${mismatched.length} of ${files} evidence files do not match their stored hash (表决凭证文件与登记时的哈希不符): ${mismatched.join(', ')}`);
    process.exitCode = 1;
  } else console.log(`${database.where}: all ${files} evidence files match their stored hash (表决凭证文件完好)`);
} finally {
  await database.close();
}
