import { eq } from 'drizzle-orm';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/auth/manage-users.ts';
import { createSession, SESSION_COOKIE } from '../../server/auth/sessions.ts';
import { first } from '../../server/db/database.ts';
import { ensureLocalCertificates, type LocalCertificates } from '../../server/tls/local-ca.ts';
import { lanNames } from '../../server/tls/lan-names.ts';
import { launchBrowser } from '../support/browser.ts';
import { ROOT, startTestServer, type TestServer } from '../support/test-server.ts';

const PUBLIC_URL = 'https://lift.fenghe.example';

let dir: string;
let certs: LocalCertificates;
let server: TestServer;
let browser: Browser;
let staff: Page;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'liftmap-tls-'));
  certs = await ensureLocalCertificates(dir, lanNames([], {}, 'committee-pc'), '风荷苑');
  server = await startTestServer({
    tls: { cert: certs.certPem, key: certs.keyPem },
    site: { publicUrl: PUBLIC_URL, localCa: { pem: certs.caPem, fingerprint: certs.caFingerprint, names: certs.names, notAfter: certs.notAfter.toISOString() } },
  });
  // Chromium trusts this server's key only, as a phone that installed the authority trusts its certificates.
  const spki = createHash('sha256').update(createPublicKey(certs.certPem).export({ type: 'spki', format: 'der' })).digest('base64');
  browser = await launchBrowser([`--ignore-certificate-errors-spki-list=${spki}`]);
  await addUser(server.db, 'tls-clerk', 'planner');
  const user = await first(server.db.select().from(server.db.t.users).where(eq(server.db.t.users.username, 'tls-clerk')));
  const { token } = await createSession(server.db, user!.id, new Date());
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: server.url }]);
  staff = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('papers and /admin served over HTTPS with LIFTMAP_PUBLIC_URL', () => {
  it('prints QR codes that carry the public address, not the one the page was opened from', async () => {
    await staff.goto(`${server.url}/papers/3/result`);
    await staff.locator('.paper-sheet .qr').first().waitFor();
    const urls = await staff.locator('.qr-url').allTextContents();
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(new RegExp(`^${PUBLIC_URL.replace(/\./g, '\\.')}/stairwell/3$`));
    expect(await staff.locator('.paper-warning').count()).toBe(0);
    await staff.goto(`${server.url}/papers/3/form`);
    await staff.locator('.paper-sheet .qr').first().waitFor();
    const canvass = await staff.locator('.qr').evaluateAll((qrs) => qrs.map((q) => q.getAttribute('data-url')));
    expect(canvass.some((u) => u?.startsWith(`${PUBLIC_URL}/canvass?stairwell=3&flat=`))).toBe(true);
    expect(canvass.every((u) => u?.startsWith(PUBLIC_URL))).toBe(true);
  });

  it('offers the authority on /admin: a code to /ca.crt at the public address, the fingerprint and the steps', async () => {
    await staff.goto(`${server.url}/admin`);
    const panel = staff.getByTestId('phones-panel');
    await panel.waitFor();
    expect(await panel.locator('.qr').evaluateAll((qrs) => qrs.map((q) => q.getAttribute('data-url')))).toEqual([`${PUBLIC_URL}/canvass`, `${PUBLIC_URL}/ca.crt`]);
    const text = await panel.innerText();
    expect(text).toContain(certs.caFingerprint);
    expect(text).toContain('安卓');
    expect(text).toContain('苹果');
    expect(text).not.toContain('HTTPS 打开');
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'admin-phones-panel.png') });
    // The page itself came over HTTPS with the certificate the server made.
    expect(await staff.evaluate(() => window.isSecureContext && location.protocol)).toBe('https:');
  });
});
