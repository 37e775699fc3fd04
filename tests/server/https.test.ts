import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/auth/manage-users.ts';
import { parseTrustProxy } from '../../server/http/forwarded.ts';
import { createPlainHttp } from '../../server/http/plain-http.ts';
import { ensureLocalCertificates, fingerprintOf, type LocalCertificates } from '../../server/tls/local-ca.ts';
import { lanNames } from '../../server/tls/lan-names.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const DAY = 86_400_000;
/**
 * The TLS stack checks certificates against the real clock, so the first
 * certificate is made 380 days ago: it still holds today, and ends within
 * the 30 days in which it is renewed.
 */
const NOW = new Date(Date.now() - 380 * DAY);

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  validTo: string;
}

/** A request over HTTPS that trusts only `ca` (as a phone that installed it), to `host` by its address. */
function overTls(url: string, path: string, ca: string | null, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(`${url}${path}`, { method: opts.method ?? 'GET', headers: opts.headers, ca: ca ?? undefined, agent: false }, (res) => {
      let body = '';
      const validTo = (res.socket as TLSSocket).getPeerCertificate().valid_to;
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, validTo }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

function overHttp(url: string, path: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<Omit<Answer, 'validTo'>> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, { method, headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const signInBody = (username: string, password: string) => JSON.stringify({ 0: { username, password } });

describe('HTTPS on a LAN without a domain: the committee’s own certificate authority', () => {
  let dir: string;
  let certs: LocalCertificates;
  let server: TestServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'liftmap-tls-'));
    certs = await ensureLocalCertificates(dir, lanNames([], {}, 'committee-pc'), '风荷苑', NOW);
    const localCa = { pem: certs.caPem, fingerprint: certs.caFingerprint, names: certs.names, notAfter: certs.notAfter.toISOString() };
    server = await startTestServer({ tls: { cert: certs.certPem, key: certs.keyPem }, site: { publicUrl: 'https://lift.fenghe.example', localCa } });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes an authority once and a certificate for the machine’s names, keys readable only by their owner', () => {
    expect(certs.made).toEqual({ ca: true, server: true });
    expect(certs.names).toEqual(expect.arrayContaining(['localhost', 'committee-pc', 'committee-pc.local', '127.0.0.1', '::1']));
    for (const key of ['ca.key', 'server.key']) expect(statSync(join(dir, key)).mode & 0o777, key).toBe(0o600);
    expect(certs.notAfter.getTime() - NOW.getTime()).toBeLessThanOrEqual(398 * DAY);
  });

  it('is trusted by a phone that installed the authority, and by no one else', async () => {
    const ready = await overTls(server.url, '/readyz', certs.caPem);
    expect(ready.status).toBe(200);
    await expect(overTls(server.url, '/readyz', null)).rejects.toThrow(/self[- ]signed|unable to get local issuer/i);
  });

  it('offers the authority at /ca.crt as a phone installs it, the same certificate /admin fingerprints', async () => {
    const ca = await overTls(server.url, '/ca.crt', certs.caPem);
    expect(ca.status).toBe(200);
    expect(ca.headers['content-type']).toBe('application/x-x509-ca-cert');
    expect(ca.body).toBe(certs.caPem);
    expect(fingerprintOf(ca.body)).toBe(certs.caFingerprint);
    // No private key is ever offered.
    expect(ca.body).not.toContain('PRIVATE KEY');
  });

  it('marks the session cookie Secure over HTTPS', async () => {
    const password = await addUser(server.db, 'tls-staff', 'admin');
    const res = await overTls(server.url, '/trpc/auth.login?batch=1', certs.caPem, { method: 'POST', headers: { 'content-type': 'application/json' }, body: signInBody('tls-staff', password) });
    expect(res.status).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('renews a certificate 30 days before it ends, under the same authority, without a restart', async () => {
    const again = await ensureLocalCertificates(dir, certs.names, '风荷苑', NOW);
    expect(again.made).toEqual({ ca: false, server: false });
    const late = new Date();
    expect(certs.notAfter.getTime() - late.getTime()).toBeLessThan(30 * DAY);
    const renewed = await ensureLocalCertificates(dir, certs.names, '风荷苑', late);
    expect(renewed.made).toEqual({ ca: false, server: true });
    expect(renewed.caFingerprint).toBe(certs.caFingerprint);
    expect(renewed.notAfter.getTime()).toBeGreaterThan(certs.notAfter.getTime());
    server.app.setCertificate({ cert: renewed.certPem, key: renewed.keyPem });
    const after = await overTls(server.url, '/readyz', certs.caPem);
    expect(after.status).toBe(200);
    expect(new Date(after.validTo).getTime()).toBe(Math.floor(renewed.notAfter.getTime() / 1000) * 1000);
    // A new address (the machine moved to another network) is covered at once.
    const moved = await ensureLocalCertificates(dir, [...certs.names, '10.20.30.40'], '风荷苑', late);
    expect(moved.made.server).toBe(true);
    expect(moved.names).toContain('10.20.30.40');
  });

  it('beside HTTPS, a plain-HTTP port offers /ca.crt and sends every other path to HTTPS', async () => {
    const site = { publicUrl: null, localCa: { pem: certs.caPem, fingerprint: certs.caFingerprint, names: certs.names, notAfter: certs.notAfter.toISOString() } };
    const plain = createPlainHttp(site, () => Number(new URL(server.url).port));
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(plain.address() as { port: number }).port}`;
    try {
      const ca = await overHttp(url, '/ca.crt');
      expect(ca.status).toBe(200);
      expect(ca.body).toBe(certs.caPem);
      const page = await overHttp(url, '/canvass?stairwell=3', { host: 'committee-pc.local:8080' });
      expect(page.status).toBe(308);
      expect(page.headers.location).toBe(`https://committee-pc.local:${new URL(server.url).port}/canvass?stairwell=3`);
      const forged = await overHttp(url, '/wall', { host: 'evil.example/<script>' });
      expect(forged.headers.location).toMatch(/^https:\/\/localhost:\d+\/wall$/);
    } finally {
      plain.close();
    }
  });
});

describe('behind a reverse proxy (Caddy, nginx)', () => {
  let proxied: TestServer;
  let direct: TestServer;
  let password: string;
  beforeAll(async () => {
    proxied = await startTestServer({ trustProxy: parseTrustProxy('loopback') });
    direct = await startTestServer();
    password = await addUser(proxied.db, 'proxy-staff', 'admin');
    await addUser(direct.db, 'proxy-staff', 'admin').then((p) => (directPassword = p));
  });
  let directPassword: string;
  afterAll(async () => {
    await proxied.close();
    await direct.close();
  });
  const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'lift.fenghe.example', 'x-forwarded-for': '203.0.113.9', 'content-type': 'application/json' };

  it('believes X-Forwarded-Proto and -Host from a trusted proxy: Secure cookies, writes from the public address accepted', async () => {
    const res = await overHttp(proxied.url, '/trpc/auth.login?batch=1', { ...forwarded, origin: 'https://lift.fenghe.example' }, 'POST', signInBody('proxy-staff', password));
    expect(res.status).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('ignores them from anyone else: no Secure cookie over plain HTTP, a forged host is cross-site', async () => {
    const plain = await overHttp(direct.url, '/trpc/auth.login?batch=1', forwarded, 'POST', signInBody('proxy-staff', directPassword));
    expect(plain.status).toBe(200);
    expect(String(plain.headers['set-cookie'])).not.toMatch(/Secure/);
    const forged = await overHttp(direct.url, '/trpc/auth.login?batch=1', { ...forwarded, origin: 'https://lift.fenghe.example' }, 'POST', signInBody('proxy-staff', directPassword));
    expect(forged.status).toBe(403);
  });

  it('refuses a setting that is not an address, a range, loopback or private, naming it', () => {
    expect(() => parseTrustProxy('loopback, 10.0.0.0/8, 192.168.1.7')).not.toThrow();
    expect(() => parseTrustProxy('everyone')).toThrow(/LIFTMAP_TRUST_PROXY.*"everyone"/);
    const trust = parseTrustProxy('private')!;
    expect([trust('127.0.0.1'), trust('::ffff:192.168.3.4'), trust('172.20.0.1'), trust('8.8.8.8')]).toEqual([true, true, true, false]);
  });
});
