import { readFileSync } from 'node:fs';
import { ensureAdmin } from './auth/manage-users.ts';
import { openDatabase } from './db/open-database.ts';
import { basemapOf, parseEnv } from './env.ts';
import { createApp } from './http/create-app.ts';
import { ImportError } from './import/import-error.ts';
import { seedIfEmpty } from './import/seed-if-empty.ts';
import { districtOverviewJson } from './queries/district-overview.ts';

const env = parseEnv();
const { db, close } = openDatabase(env.LIFTMAP_DB);
try {
  if (seedIfEmpty(db, env.LIFTMAP_SEED_DIR)) console.log(`loaded the estate in ${env.LIFTMAP_SEED_DIR} into ${env.LIFTMAP_DB}`);
  const adminPassword = ensureAdmin(db);
  // Shown once, on the terminal of whoever started the server; never logged elsewhere or stored in clear.
  if (adminPassword) console.log(`created user admin with password ${adminPassword} (shown once; change users with npm run user)`);
} catch (e) {
  console.error(e instanceof ImportError ? e.message : e);
  close();
  process.exit(1);
}
const tls = env.LIFTMAP_TLS_CERT && env.LIFTMAP_TLS_KEY ? { cert: readFileSync(env.LIFTMAP_TLS_CERT), key: readFileSync(env.LIFTMAP_TLS_KEY) } : undefined;
const server = createApp({ db, clientDir: env.LIFTMAP_CLIENT_DIR, tls, basemap: basemapOf(env) });
server.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const host = env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  console.log(`LiftMap is serving ${tls ? 'https' : 'http'}://${host}:${port}/wall (database ${env.LIFTMAP_DB})`);
  // Evaluate every estate once now (seconds for a whole district), so the first /district visitor does not wait for it.
  setImmediate(() => districtOverviewJson(db));
});
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    close();
    process.exit(0);
  });
