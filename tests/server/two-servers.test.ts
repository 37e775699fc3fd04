/**
 * Two app servers (npm start's server/main.ts, as separate processes) on one
 * PostgreSQL: a visit recorded through one reaches a wall connected to the
 * other, sessions and the sign-in limiter are shared, and one server keeps
 * serving when the other is killed. PostgreSQL only: SQLite is one server's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, DEMO_USER } from '../../server/auth/manage-users.ts';
import { sql } from 'drizzle-orm';
import { first, rawRows, type Db } from '../../server/db/database.ts';
import { openPostgres } from '../../server/db/open-postgres.ts';
import { clientWithCookie, sessionCookieFor } from '../support/sign-in.ts';
import { createPgDatabase, ON_POSTGRES } from '../support/test-database.ts';
import { startAppServer, type AppServer } from '../support/app-server.ts';

/**
 * Opens live.onChange on `url`; `heard` resolves when a flat change of
 * `stairwellId` arrives. How fast is the bench's to say (npm run bench --
 * city: two app servers, commit → heard); the deadline only keeps a lost
 * change from hanging the test.
 */
async function hearFlatChange(url: string, db: Db, stairwellId: number): Promise<{ heard: Promise<true>; close: () => Promise<void> }> {
  // Resuming after the log's last id, the wall hears every change written from now on, however soon.
  const [last] = await rawRows<{ id: number }>(db, sql`SELECT coalesce(max(id), 0) AS id FROM change_log`);
  const res = await fetch(`${url}/trpc/live.onChange?input=${encodeURIComponent(JSON.stringify({ estateId: 1, lastEventId: String(last!.id) }))}`);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const arrived = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += decoder.decode(value, { stream: true });
      if (buffer.includes('"kind":"flat"') && buffer.includes(`"stairwellId":${stairwellId}`)) return true as const;
    }
  })();
  const lost = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no change of stairwell ${stairwellId} on ${url}`)), 20_000).unref());
  return { heard: Promise.race([arrived, lost]), close: () => reader.cancel() };
}

/** A canvasser's visit to `flat` through the server at `url`, turning its status to another one. */
function visitThrough(url: string, cookie: string, flat: { id: number; version: number; status: string }, clientId: string) {
  return clientWithCookie(url, () => cookie).canvass.recordVisit.mutate({
    flatId: flat.id,
    expectedVersion: flat.version,
    clientId,
    outcome: 'talked',
    status: flat.status === 'opposed' ? 'undecided' : 'opposed',
    concerns: [],
    compensation: [],
  });
}

describe.skipIf(!ON_POSTGRES)('two app servers on one PostgreSQL', () => {
  let dir: string;
  let databaseUrl: string;
  let db: Db;
  let closeDb: () => Promise<void>;
  let a: AppServer;
  let b: AppServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'liftmap-two-'));
    databaseUrl = await createPgDatabase('liftmap_seeded');
    ({ db, close: closeDb } = await openPostgres(databaseUrl, { poolSize: 2 }));
    // Both start at once: one creates the first admin, the other finds it.
    [a, b] = await Promise.all([startAppServer(databaseUrl, dir), startAppServer(databaseUrl, dir)]);
  });
  afterAll(async () => {
    for (const s of [a, b]) if (s && s.process.exitCode === null) s.process.kill('SIGTERM');
    await Promise.all([a?.exited, b?.exited]);
    await closeDb();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a visit recorded through one server reaches a wall on the other', async () => {
    // One admin made, and the demo campaign's own user (disabled) that recorded its evidence.
    expect((await db.select().from(db.t.users).orderBy(db.t.users.username)).map((u) => [u.username, u.disabledAt !== null])).toEqual([
      ['admin', false],
      [DEMO_USER, true],
    ]);
    const password = await addUser(db, 'zhang', 'planner');
    // Signed in on A, the same session works on B: sessions live in the database.
    const cookie = await sessionCookieFor(a.url, 'zhang', password);
    expect((await clientWithCookie(b.url, () => cookie).auth.me.query())?.username).toBe('zhang');

    const flat = (await first(db.select().from(db.t.flats).orderBy(db.t.flats.id).limit(1)))!;
    const overviewOnB = () => fetch(`${b.url}/api/district/overview.json`);
    const etagBefore = (await overviewOnB()).headers.get('etag');
    const wall = await hearFlatChange(b.url, db, flat.stairwellId);
    await visitThrough(a.url, cookie, flat, `two-servers-${flat.id}`);
    expect(await wall.heard).toBe(true);
    await wall.close();
    // B's cached overview follows A's write: the estate's revision moved in the database.
    const after = await overviewOnB();
    expect(after.headers.get('etag')).not.toBe(etagBefore);
    const overview = (await after.json()) as { stairwells: { features: { id: number; properties: { colorKey: string } }[] } };
    const map = (await (await fetch(`${a.url}/api/estates/1/stairwells.geojson`)).json()) as { features: { properties: { id: number; colorKey: string } }[] };
    const colourOn = map.features.find((f) => f.properties.id === flat.stairwellId)!.properties.colorKey;
    expect(overview.stairwells.features.find((f) => f.id === flat.stairwellId)!.properties.colorKey).toBe(colourOn);
  });

  it('counts failed sign-ins on every server: five on A, and B makes the sixth wait', async () => {
    await addUser(db, 'li', 'viewer');
    const attempt = (url: string) =>
      fetch(`${url}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'li', password: 'wrong-password' }) });
    for (let i = 0; i < 5; i++) expect((await attempt(a.url)).status).toBe(401);
    const sixth = await attempt(b.url);
    expect(sixth.status).toBe(429);
    expect(await sixth.text()).toMatch(/登录失败次数过多/);
  });

  it('keeps serving on A when B is killed, and A’s walls still hear every visit', async () => {
    b.process.kill('SIGKILL');
    expect(await b.exited).toBeNull();
    const password = await addUser(db, 'wu', 'planner');
    const cookie = await sessionCookieFor(a.url, 'wu', password);
    const flat = (await first(db.select().from(db.t.flats).orderBy(db.t.flats.id).limit(1).offset(30)))!;
    const wall = await hearFlatChange(a.url, db, flat.stairwellId);
    await visitThrough(a.url, cookie, flat, `after-kill-${flat.id}`);
    expect(await wall.heard).toBe(true);
    await wall.close();
    expect((await fetch(`${a.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${a.url}/api/district/overview.json`)).status).toBe(200);
  });
});
