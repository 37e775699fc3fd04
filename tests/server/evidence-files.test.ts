import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/auth/manage-users.ts';
import { backupFromApp } from '../../server/backup/backup-database.ts';
import { checkBackup, countEvidenceFiles, restoreDatabase } from '../../server/backup/restore-database.ts';
import { clientApi, signedVisit } from '../support/evidence.ts';
import { runCli } from '../support/run-cli.ts';
import { sessionCookieFor, signIn, type Client } from '../support/sign-in.ts';
import { ON_POSTGRES } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let owner: Client;
const cookies: Record<'staff' | 'owner' | 'other', string> = { staff: '', owner: '', other: '' };
let evidenceId = 0;
let photoHash = '';
let signatureHash = '';
let staffPassword = '';

/** A phone photo as it arrives after compression: noise, so it does not shrink, about 900 KB. */
function noisyPhoto(): string {
  const png = new PNG({ width: 480, height: 480 });
  randomBytes(png.data.length).copy(png.data);
  return PNG.sync.write(png).toString('base64');
}

/** Files stored with the demo campaign's evidence, before this test's proxy vote adds its two. */
let seededFiles: number;

beforeAll(async () => {
  server = await startTestServer();
  seededFiles = Number((await server.sql<{ n: number | string }>('SELECT count(signature) + count(photo) AS n FROM vote_evidence'))[0]!.n);
  const [stairwell] = await server.sql<{ id: number; owner: string }>(
    "SELECT s.id, c.external_id AS owner FROM stairwells s JOIN canvasser_stairwells cs ON cs.stairwell_id = s.id JOIN canvassers c ON c.id = cs.canvasser_id WHERE s.stage = 'canvassing' ORDER BY s.id LIMIT 1",
  );
  const [other] = await server.sql<{ id: string }>('SELECT external_id AS id FROM canvassers WHERE external_id <> ? ORDER BY id LIMIT 1', stairwell!.owner);
  const passwords = { staff: (staffPassword = await addUser(server.db, 'zhou', 'planner')), owner: await addUser(server.db, 'wu', 'canvasser', stairwell!.owner), other: await addUser(server.db, 'zheng', 'canvasser', other!.id) };
  cookies.staff = await sessionCookieFor(server.url, 'zhou', passwords.staff);
  cookies.owner = await sessionCookieFor(server.url, 'wu', passwords.owner);
  cookies.other = await sessionCookieFor(server.url, 'zheng', passwords.other);
  owner = await signIn(server.url, 'wu', passwords.owner);
  // A proxy's vote: the proxy signs on the phone, and the 委托书 is photographed (about 900 KB: the call is larger than an ordinary one).
  const reg = await owner.canvass.register.query({ stairwellId: stairwell!.id });
  const flat = reg.register.find((f) => f.status === 'unvisited' || f.status === 'undecided')!;
  const input = signedVisit(reg, flat, 'signed', new Date());
  input.evidence = { ...input.evidence!, method: 'proxy', photo: noisyPhoto() };
  expect(Buffer.from(input.evidence.photo!, 'base64').length).toBeGreaterThan(800 * 1024);
  const saved = await clientApi(owner).recordVisit(input);
  evidenceId = saved.evidence!.id;
  photoHash = createHash('sha256').update(Buffer.from(input.evidence.photo!, 'base64')).digest('hex');
  signatureHash = createHash('sha256').update(Buffer.from(input.evidence.signaturePng!, 'base64')).digest('hex');
});
afterAll(() => server?.close());

const get = (path: string, cookie: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers: { cookie, ...headers } });

describe('opening a vote’s evidence', () => {
  it('gives the files to staff and the stairwell’s canvasser only, as stored, never cached, and logs each opening', async () => {
    const before = (await server.sql<{ n: number | string }>('SELECT count(*) AS n FROM evidence_access'))[0]!.n;
    expect(Number(before)).toBe(0);
    for (const who of ['staff', 'owner'] as const) {
      const res = await get(`/api/evidence/${evidenceId}/photo`, cookies[who]);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(createHash('sha256').update(Buffer.from(await res.arrayBuffer())).digest('hex')).toBe(photoHash);
    }
    const signature = await get(`/api/evidence/${evidenceId}/signature`, cookies.staff);
    expect(createHash('sha256').update(Buffer.from(await signature.arrayBuffer())).digest('hex')).toBe(signatureHash);

    const other = await get(`/api/evidence/${evidenceId}/photo`, cookies.other);
    expect(other.status).toBe(403);
    expect(await other.text()).toContain('只有工作人员和该门洞的楼组长可以查看表决凭证');
    expect((await get(`/api/evidence/${evidenceId}/photo`, '')).status).toBe(401);
    // From another site's page (an <img> or a link there): refused even with staff's cookie.
    expect((await get(`/api/evidence/${evidenceId}/photo`, cookies.staff, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await get('/api/evidence/999999/photo', cookies.staff)).status).toBe(404);

    const log = await server.sql<{ username: string; part: string; flat: number }>(
      'SELECT u.username, a.part, e.flat_id AS flat FROM evidence_access a JOIN users u ON u.id = a.user_id JOIN vote_evidence e ON e.id = a.evidence_id ORDER BY a.id',
    );
    expect(log.map((r) => [r.username, r.part])).toEqual([
      ['zhou', 'photo'],
      ['wu', 'photo'],
      ['zhou', 'signature'],
    ]);
    // Staff read the same log on the stairwell's record.
    const staffClient = await signIn(server.url, 'zhou', staffPassword);
    const [{ stairwellId }] = (await server.sql<{ stairwellId: number }>('SELECT stairwell_id AS "stairwellId" FROM vote_evidence WHERE id = ?', evidenceId)) as [{ stairwellId: number }];
    expect((await staffClient.evidence.ofStairwell.query({ stairwellId })).access.map((a) => [a.who, a.part])).toEqual([
      ['zhou', 'signature'],
      ['wu', 'photo'],
      ['zhou', 'photo'],
    ]);
    // Nothing of it in the server's log.
    expect(server.logs.join('\n')).not.toMatch(/业主表决|iVBOR/);
  });

  it('never reaches the wall, the deck or the exports', async () => {
    const anyone = `${server.url}/trpc`;
    const staffCookie = { cookie: cookies.staff };
    const read = async (url: string, headers: Record<string, string> = {}) => {
      const res = await fetch(url, { headers });
      expect(res.status, url).toBe(200);
      return await res.text();
    };
    const input = `?input=${encodeURIComponent(JSON.stringify({ estateId: 1 }))}`;
    const bodies = await Promise.all([
      read(`${anyone}/estate.map${input}`),
      read(`${anyone}/present.deck${input}`),
      read(`${anyone}/live.leaderboard${input}`),
      read(`${server.url}/api/estates/1/stairwells.geojson`),
      read(`${server.url}/api/estates/1/register.csv`, staffCookie),
    ]);
    const signature = (await server.sql<{ sig: Uint8Array }>('SELECT signature AS sig FROM vote_evidence WHERE id = ?', evidenceId))[0]!.sig;
    const fragment = Buffer.from(signature).subarray(40, 100).toString('base64');
    for (const body of bodies) {
      expect(body).not.toContain('业主表决');
      expect(body).not.toContain(fragment);
      expect(body).not.toContain(photoHash);
    }
  });

  it.skipIf(ON_POSTGRES)('is in every backup; restore keeps each file with the same hash and refuses a backup where one changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liftmap-evidence-backup-'));
    const { file } = await backupFromApp(server.db, dir, new Date());
    const path = join(dir, file);
    expect(checkBackup(path)).toBeGreaterThan(0);
    const target = join(dir, 'restored.db');
    restoreDatabase(path, target);
    const restored = new Database(target, { readonly: true });
    expect(countEvidenceFiles(restored, target)).toBe(seededFiles + 2);
    const row = restored.prepare('SELECT photo, photo_sha256 AS hash FROM vote_evidence WHERE id = ?').get(evidenceId) as { photo: Buffer; hash: string };
    expect(createHash('sha256').update(row.photo).digest('hex')).toBe(photoHash);
    expect(row.hash).toBe(photoHash);
    restored.close();

    // One byte of the photo changed in a copy of the backup (its trigger dropped first): refused, naming the evidence.
    const tampered = join(dir, 'tampered.db');
    copyFileSync(path, tampered);
    const t = new Database(tampered);
    t.exec('DROP TRIGGER vote_evidence_files_fixed');
    t.prepare('UPDATE vote_evidence SET photo = ? WHERE id = ?').run(Buffer.concat([row.photo.subarray(0, 100), Buffer.from([row.photo[100]! ^ 1]), row.photo.subarray(101)]), evidenceId);
    t.close();
    expect(() => checkBackup(tampered)).toThrow(`evidence ${evidenceId} photo`);
    expect(() => restoreDatabase(tampered, join(dir, 'elsewhere.db'))).toThrow(/表决凭证文件与登记时的哈希不符/);
  });

  it('is checked in either database by npm run evidence -- check, which names a file that changed', async () => {
    const target = { file: server.file, databaseUrl: server.databaseUrl };
    const sound = runCli('evidence', target, 'check');
    expect(sound.code, sound.err).toBe(0);
    expect(sound.out).toContain(`all ${seededFiles + 2} evidence files match their stored hash`);
    // Someone edits the database by hand, past the trigger that keeps evidence fixed.
    if (ON_POSTGRES) {
      await server.sqlElsewhere('ALTER TABLE vote_evidence DISABLE TRIGGER vote_evidence_fixed');
      await server.sqlElsewhere("UPDATE vote_evidence SET photo = photo || '\\x00'::bytea WHERE id = ?", evidenceId);
    } else {
      await server.sqlElsewhere('DROP TRIGGER vote_evidence_files_fixed');
      await server.sqlElsewhere("UPDATE vote_evidence SET photo = photo || x'00' WHERE id = ?", evidenceId);
    }
    const changed = runCli('evidence', target, 'check');
    expect(changed.code).toBe(1);
    expect(changed.err).toContain(`1 of ${seededFiles + 2} evidence files do not match their stored hash (表决凭证文件与登记时的哈希不符): evidence ${evidenceId} photo`);
  });
});
