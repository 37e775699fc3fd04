/**
 * `npm run certs [-- NAME …]`: the committee's certificate authority (made
 * once) and a certificate for this machine's names and addresses (and any
 * NAME given: a router's name for it, another address), renewed when it ends
 * within 30 days or a name is new. The server does the same by itself with
 * LIFTMAP_TLS=local; this command is for a look before, or for another
 * server (nginx, Caddy) that should use the files.
 */
import { join } from 'node:path';
import { parseEnv } from '../env.ts';
import { ensureLocalCertificates } from '../tls/local-ca.ts';
import { lanNames } from '../tls/lan-names.ts';

const env = parseEnv();
const extra = [...(env.LIFTMAP_TLS_NAMES?.split(',') ?? []), ...process.argv.slice(2)];
const bad = extra.find((n) => !/^[\w.:-]{1,253}$/.test(n));
if (bad !== undefined) {
  console.error(`not a name or address: ${JSON.stringify(bad)}`);
  process.exit(2);
}
const dir = env.LIFTMAP_TLS_DIR;
const made = await ensureLocalCertificates(dir, lanNames(extra), 'LiftMap', new Date());
console.log(made.made.ca ? `made a certificate authority: ${join(dir, 'ca.crt')} (its key ca.key readable only by you)` : `the certificate authority in ${join(dir, 'ca.crt')} is kept`);
console.log(made.made.server ? `made a certificate for ${made.names.join(', ')}` : `the certificate for ${made.names.join(', ')} is still good`);
console.log(`valid until ${made.notAfter.toISOString().slice(0, 10)}; run again to renew (the server with LIFTMAP_TLS=local renews by itself)`);
console.log(`authority's SHA-256 fingerprint (compare on a phone after installing): ${made.caFingerprint}`);
console.log('');
console.log('serve HTTPS with it:   LIFTMAP_TLS=local npm start');
console.log(`or point another server at: ${join(dir, 'server.crt')} and ${join(dir, 'server.key')}`);
console.log('then on each phone: open /admin → 手机证书, scan the code, install the authority (steps for Android and iOS there)');
