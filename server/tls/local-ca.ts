import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { createHash, webcrypto } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';

x509.cryptoProvider.set(webcrypto as Crypto);

/**
 * A certificate authority of the committee's own, for a LAN without a
 * domain: its certificate is installed once on each phone (from /ca.crt),
 * then every server certificate it signs for the machine's names and
 * addresses is trusted, also after a renewal or a new address.
 *
 * Files in `dir`: ca.crt (public), ca.key, server.crt, server.key (0600).
 */
export interface LocalCertificates {
  caPem: string;
  certPem: string;
  keyPem: string;
  /** SHA-256 of the authority's certificate (DER), as phones show it: AB:CD:… */
  caFingerprint: string;
  /** The names and addresses the server certificate covers. */
  names: string[];
  notAfter: Date;
  /** What this call did. */
  made: { ca: boolean; server: boolean };
}

const EC: EcKeyGenParams & EcdsaParams = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const DAY = 86_400_000;
/** The authority lasts 10 years; server certificates 397 days (what Apple and browsers accept), renewed 30 days before they end. */
const CA_DAYS = 3650;
const SERVER_DAYS = 397;
export const RENEW_BEFORE_DAYS = 30;

const pem = (label: string, der: ArrayBuffer) => `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`;
const keyPem = async (key: CryptoKey) => pem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', key));
const importKey = (text: string, usages: KeyUsage[]) =>
  webcrypto.subtle.importKey('pkcs8', Buffer.from(text.replace(/-----[^-]+-----|\s/g, ''), 'base64'), EC, true, usages);

export const fingerprintOf = (certPem: string) =>
  createHash('sha256')
    .update(Buffer.from(new x509.X509Certificate(certPem).rawData))
    .digest('hex')
    .toUpperCase()
    .match(/../g)!
    .join(':');

const writeSecret = (file: string, text: string) => {
  writeFileSync(file, text, { mode: 0o600 });
  chmodSync(file, 0o600);
};

const serial = () => Buffer.from(webcrypto.getRandomValues(new Uint8Array(16))).toString('hex').replace(/^[89a-f]/, '1');

async function makeAuthority(dir: string, label: string, now: Date): Promise<void> {
  const keys = (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify']));
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${label} 本地证书颁发机构 (LiftMap local CA), O=LiftMap`,
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + CA_DAYS * DAY),
    signingAlgorithm: EC,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  writeSecret(join(dir, 'ca.key'), await keyPem(keys.privateKey));
  writeFileSync(join(dir, 'ca.crt'), cert.toString('pem') + '\n');
}

async function makeServer(dir: string, names: string[], now: Date): Promise<void> {
  const caCert = new x509.X509Certificate(readFileSync(join(dir, 'ca.crt'), 'utf8'));
  const caKey = await importKey(readFileSync(join(dir, 'ca.key'), 'utf8'), ['sign']);
  const keys = (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify']));
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${names[0] ?? 'localhost'}`,
    issuer: caCert.subject,
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + SERVER_DAYS * DAY),
    signingAlgorithm: EC,
    publicKey: keys.publicKey,
    signingKey: caKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
      new x509.SubjectAlternativeNameExtension(names.map((n) => ({ type: isIP(n) ? ('ip' as const) : ('dns' as const), value: n })), false),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
    ],
  });
  writeSecret(join(dir, 'server.key'), await keyPem(keys.privateKey));
  // The chain the server sends: its own certificate, then the authority's.
  writeFileSync(join(dir, 'server.crt'), `${cert.toString('pem')}\n${caCert.toString('pem')}\n`);
}

/** The names a server certificate in `dir` covers and when it ends, or null when there is none. */
export function readServerCertificate(dir: string): { names: string[]; notAfter: Date } | null {
  if (!existsSync(join(dir, 'server.crt'))) return null;
  const cert = new x509.X509Certificate(readFileSync(join(dir, 'server.crt'), 'utf8'));
  const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
  return { names: (san?.names.toJSON() ?? []).map((n) => n.value), notAfter: cert.notAfter };
}

/**
 * The authority (made once) and a server certificate for `names`, made
 * again when there is none, when it ends within 30 days, or when it does
 * not cover every name (the machine got a new address). Idempotent: run it
 * at every start and once a day.
 */
export async function ensureLocalCertificates(dir: string, names: string[], label: string, now = new Date()): Promise<LocalCertificates> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const made = { ca: false, server: false };
  if (!existsSync(join(dir, 'ca.crt')) || !existsSync(join(dir, 'ca.key'))) {
    await makeAuthority(dir, label, now);
    made.ca = true;
  }
  const current = made.ca ? null : readServerCertificate(dir);
  const due = !current || current.notAfter.getTime() - now.getTime() < RENEW_BEFORE_DAYS * DAY || names.some((n) => !current.names.includes(n));
  if (due) {
    await makeServer(dir, names, now);
    made.server = true;
  }
  const caPem = readFileSync(join(dir, 'ca.crt'), 'utf8');
  const server = readServerCertificate(dir)!;
  return { caPem, certPem: readFileSync(join(dir, 'server.crt'), 'utf8'), keyPem: readFileSync(join(dir, 'server.key'), 'utf8'), caFingerprint: fingerprintOf(caPem), names: server.names, notAfter: server.notAfter, made };
}
