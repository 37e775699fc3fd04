import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { initialPasswordFile, storeInitialPassword } from './auth/initial-password.ts';
import { ensureAdmin } from './auth/manage-users.ts';
import { BackupSchedule } from './backup/backup-schedule.ts';
import { ensureClientBuilt } from './build/client-build.ts';
import { holdServerLock } from './db/server-lock.ts';
import { openConfigured } from './db/open-configured.ts';
import { backupSettingsOf, basemapOf, parseEnv } from './env.ts';
import { createApp } from './http/create-app.ts';
import { ImportError } from './import/import-error.ts';
import { seedIfEmpty } from './import/seed-if-empty.ts';
import { shanghaiIso } from '../geo/time/index.ts';
import { districtOverviewJson } from './queries/district-overview.ts';
import { closeWorkers } from './workers/worker-pool.ts';

const ROOT = join(import.meta.dirname, '..');
/** Seconds a stopping server gives the requests it is answering before it closes their connections. */
const STOP_GRACE_MS = 10_000;

const env = parseEnv();
/** The running server's one clock: seeding and every request read it from here. */
const now = () => new Date();
const { db, file, where, close: closeDb } = await openConfigured(env).catch((e: unknown) => {
  console.error(`cannot open the database: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
let releaseLock = () => undefined as void;
const close = async () => {
  await closeDb();
  releaseLock();
};
try {
  // npm run restore refuses while this lock names a live server (SQLite; PostgreSQL has its own tools).
  if (file) releaseLock = holdServerLock(file);
  // The demo history ends yesterday, whenever it is first seeded.
  if (await seedIfEmpty(db, env.LIFTMAP_SEED_DIR, shanghaiIso(now()).slice(0, 10))) console.log(`loaded the estate in ${env.LIFTMAP_SEED_DIR} into ${where}`);
  const adminPassword = await ensureAdmin(db);
  // In a file only its owner can read; on the screen only when a person is watching, never into a log collector.
  if (adminPassword) console.log(storeInitialPassword(initialPasswordFile(file ?? env.LIFTMAP_DB, ROOT), adminPassword, process.stdout.isTTY === true));
} catch (e) {
  console.error(e instanceof ImportError ? e.message : e instanceof Error ? e.message : e);
  await close();
  process.exit(1);
}
// The client is built here when its sources changed since the last build (npm start on a fresh clone, after a git pull);
// a client folder of the operator's own choosing is served as it is.
if (resolve(env.LIFTMAP_CLIENT_DIR) === join(ROOT, 'dist', 'client'))
  await ensureClientBuilt(ROOT, env.LIFTMAP_CLIENT_DIR, (line) => console.log(line)).catch(async (e: unknown) => {
    console.error((e as Error).message);
    await close();
    process.exit(1);
  });
const tls = env.LIFTMAP_TLS_CERT && env.LIFTMAP_TLS_KEY ? { cert: readFileSync(env.LIFTMAP_TLS_CERT), key: readFileSync(env.LIFTMAP_TLS_KEY) } : undefined;
const backups = backupSettingsOf(env);
const server = createApp({ db, clientDir: env.LIFTMAP_CLIENT_DIR, tls, basemap: basemapOf(env), now, backups });
// Backups that happen by themselves (SQLite): daily at LIFTMAP_BACKUP_TIME, kept as LIFTMAP_BACKUP_KEEP_* say.
const schedule = backups?.at ? new BackupSchedule(db, { dir: backups.dir, at: backups.at, daily: backups.daily, weekly: backups.weekly }, now, (line) => console.log(line)) : null;
server.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const host = env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  console.log(`LiftMap is serving ${tls ? 'https' : 'http'}://${host}:${port}/wall (database ${where})`);
  void schedule?.start();
  // Evaluate every estate once now (seconds for a whole district), so the first /district visitor does not wait for it.
  setImmediate(() => void districtOverviewJson(db));
});

/**
 * A clean stop (systemd, a container, Ctrl-C): no new requests, those in
 * flight answered (their writes committed), live streams cut so walls
 * reconnect with their last event id, then the database closed.
 */
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    schedule?.stop();
    void server
      .drain(STOP_GRACE_MS)
      .then(() => closeWorkers())
      .then(() => close())
      .then(() => {
        console.log(`stopped on ${signal}: every request answered, the database closed`);
        process.exit(0);
      })
      .catch((e: unknown) => {
        console.error(`stopping on ${signal}: ${(e as Error).message}`);
        process.exit(1);
      });
  });
