import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { initialPasswordFile, storeInitialPassword } from './auth/initial-password.ts';
import { ensureAdmin } from './auth/manage-users.ts';
import { BackupSchedule } from './backup/backup-schedule.ts';
import { ensureClientBuilt } from './build/client-build.ts';
import { holdServerLock } from './db/server-lock.ts';
import { openConfigured } from './db/open-configured.ts';
import { backupSettingsOf, basemapOf, parseEnv, type SiteSettings } from './env.ts';
import { createApp } from './http/create-app.ts';
import { ImportError } from './import/import-error.ts';
import { seedIfEmpty } from './import/seed-if-empty.ts';
import { shanghaiDay } from '../geo/time/index.ts';
import { districtOverviewJson } from './queries/district-overview.ts';
import { closeWorkers } from './workers/worker-pool.ts';
import { parseTrustProxy } from './http/forwarded.ts';
import { createPlainHttp } from './http/plain-http.ts';
import { listEstates } from './queries/list-estates.ts';
import { ensureLocalCertificates } from './tls/local-ca.ts';
import { lanNames } from './tls/lan-names.ts';

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
  if (await seedIfEmpty(db, env.LIFTMAP_SEED_DIR, shanghaiDay(now()))) console.log(`loaded the estate in ${env.LIFTMAP_SEED_DIR} into ${where}`);
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
const site: SiteSettings = { publicUrl: env.LIFTMAP_PUBLIC_URL ?? null, localCa: null };
/** LIFTMAP_TLS=local: the committee's own authority and a certificate for this machine, made or renewed now and every day. */
const localTls = async () => {
  const names = lanNames(env.LIFTMAP_TLS_NAMES?.split(','));
  const label = (await listEstates(db))[0]?.name ?? 'LiftMap';
  const made = await ensureLocalCertificates(env.LIFTMAP_TLS_DIR, names, label, now());
  site.localCa = { pem: made.caPem, fingerprint: made.caFingerprint, names: made.names, notAfter: made.notAfter.toISOString() };
  if (made.made.ca) console.log(`made a certificate authority in ${env.LIFTMAP_TLS_DIR}: phones install it from /ca.crt (SHA-256 ${made.caFingerprint})`);
  if (made.made.server) console.log(`made a certificate for ${made.names.join(', ')}, valid until ${made.notAfter.toISOString().slice(0, 10)}`);
  return made;
};
const tls =
  env.LIFTMAP_TLS === 'local'
    ? await localTls().then((c) => ({ cert: c.certPem, key: c.keyPem }))
    : env.LIFTMAP_TLS_CERT && env.LIFTMAP_TLS_KEY
      ? { cert: readFileSync(env.LIFTMAP_TLS_CERT), key: readFileSync(env.LIFTMAP_TLS_KEY) }
      : undefined;
const backups = backupSettingsOf(env);
const server = createApp({ db, clientDir: env.LIFTMAP_CLIENT_DIR, tls, basemap: basemapOf(env), now, backups, site, trustProxy: parseTrustProxy(env.LIFTMAP_TRUST_PROXY) });
const renewal =
  env.LIFTMAP_TLS === 'local'
    ? setInterval(() => {
        void localTls()
          .then((c) => c.made.server && server.setCertificate({ cert: c.certPem, key: c.keyPem }))
          .catch((e: unknown) => console.error(`renewing the certificate: ${(e as Error).message}`));
      }, 86_400_000).unref()
    : null;
const plain = tls && env.LIFTMAP_HTTP_PORT !== undefined ? createPlainHttp(site, () => (server.address() as { port: number }).port) : null;
// Backups that happen by themselves (SQLite): daily at LIFTMAP_BACKUP_TIME, kept as LIFTMAP_BACKUP_KEEP_* say.
const schedule = backups?.at ? new BackupSchedule(db, { dir: backups.dir, at: backups.at, daily: backups.daily, weekly: backups.weekly }, now, (line) => console.log(line)) : null;
server.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const host = env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  console.log(`LiftMap is serving ${tls ? 'https' : 'http'}://${host}:${port}/wall (database ${where})`);
  if (site.publicUrl) console.log(`QR codes and shared links use ${site.publicUrl}`);
  plain?.listen(env.LIFTMAP_HTTP_PORT, env.HOST, () => console.log(`plain HTTP on port ${(plain.address() as { port: number }).port}: /ca.crt for phones, everything else sent to HTTPS`));
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
    if (renewal) clearInterval(renewal);
    plain?.close();
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
