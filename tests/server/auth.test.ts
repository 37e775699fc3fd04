import { TRPCClientError } from '@trpc/client';
import { statSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialPasswordFile, storeInitialPassword } from '../../server/auth/initial-password.ts';
import { LoginLimiter } from '../../server/auth/login-limiter.ts';
import { addUser } from '../../server/auth/manage-users.ts';
import { sessions } from '../support/tables.ts';
import { runCli } from '../support/run-cli.ts';
import { clientWithCookie, sessionCookieFor } from '../support/sign-in.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { openTestDatabase } from '../support/test-database.ts';
import { createCaller } from '../support/caller.ts';
import { createContextInner } from '../../server/context.ts';
import { resetPassword, disableUser } from '../../server/auth/manage-users.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const codeOf = (e: unknown) => (e instanceof TRPCClientError ? (e.data as { code?: string } | undefined)?.code : String(e));

describe('sessions end when they should', () => {
  it('a password reset from the shell ends every session of that user', async () => {
    const password = await addUser(server.db, 'wang', 'planner');
    const cookie = await sessionCookieFor(server.url, 'wang', password);
    const client = clientWithCookie(server.url, () => cookie);
    expect((await client.auth.me.query())?.username).toBe('wang');
    const reset = runCli('user', server, 'reset', 'wang');
    expect(reset.code).toBe(0);
    expect(reset.out).toMatch(/every session of wang has ended/);
    expect(await client.auth.me.query()).toBeNull();
    expect(codeOf(await client.plan.save.mutate({ estateId: 1, name: 'x', params: await client.plan.defaults.query(), moves: [] }).catch((e: unknown) => e))).toBe('UNAUTHORIZED');
  });

  it('npm run user -- disable ends the sessions and refuses sign-in; enable lets the user back', async () => {
    const password = await addUser(server.db, 'zhao', 'planner');
    const cookie = await sessionCookieFor(server.url, 'zhao', password);
    const client = clientWithCookie(server.url, () => cookie);
    const disabled = runCli('user', server, 'disable', 'zhao');
    expect(disabled.code).toBe(0);
    expect(disabled.out).toMatch(/1 open session ended/);
    expect(await client.auth.me.query()).toBeNull();
    const login = await fetch(`${server.url}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'zhao', password }) });
    expect(login.status).toBe(403);
    expect(await login.text()).toMatch(/此账号已停用/);
    expect(runCli('user', server, 'enable', 'zhao').code).toBe(0);
    expect(await sessionCookieFor(server.url, 'zhao', password)).toMatch(/^liftmap_session=/);
    expect(runCli('user', server, 'list').out).toMatch(/zhao\tplanner\n/);
  });

  it('a session of a disabled user stored before is not honoured', async () => {
    const password = await addUser(server.db, 'qian', 'viewer');
    const cookie = await sessionCookieFor(server.url, 'qian', password);
    runCli('user', server, 'disable', 'qian');
    expect((await server.db.select().from(sessions)).length).toBeGreaterThan(0);
    expect(await clientWithCookie(server.url, () => cookie).auth.me.query()).toBeNull();
  });
});

describe('sign-in under attack', () => {
  it('takes about as long for an unknown name as for a wrong password', async () => {
    await addUser(server.db, 'sun', 'viewer');
    const time = async (username: string) => {
      const start = performance.now();
      await fetch(`${server.url}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': username }, body: JSON.stringify({ username, password: 'wrong-password' }) });
      return performance.now() - start;
    };
    // Both pay for one scrypt (~50 ms); before, an unknown name answered in ~2 ms.
    const unknown = Math.min(await time('nobody-here'), await time('nobody-else'));
    const known = Math.min(await time('sun'), await time('sun'));
    expect(unknown).toBeGreaterThan(known / 3);
  });

  it('slows spraying one password over many names from one address without locking the office out, and forgets failures after the window', async () => {
    const { db, close } = await openTestDatabase(':memory:');
    const limiter = new LoginLimiter(db, 5, 60_000, 20, 3_000);
    for (let i = 0; i < 20; i++) await limiter.fail(`user${i}`, '10.0.0.9', 1_000);
    // One attempt per 3 s from that address, for any name; none from another address.
    expect(await limiter.retryAfterMs('user-new', '10.0.0.9', 2_000)).toBe(2_000);
    expect(await limiter.retryAfterMs('admin', '10.0.0.9', 4_000)).toBe(0);
    expect(await limiter.retryAfterMs('user-new', '10.0.0.8', 2_000)).toBe(0);
    expect(await limiter.retryAfterMs('user-new', '10.0.0.9', 62_000)).toBe(0);
    // An account tried five times is locked from every address, for the window.
    for (let i = 0; i < 5; i++) await limiter.fail('wang', `10.0.1.${i}`, 100_000);
    expect(await limiter.retryAfterMs('wang', '10.0.2.1', 101_000)).toBe(59_000);
    expect(await limiter.retryAfterMs('li', '10.0.1.1', 101_000)).toBe(0);
    // Swept: after the window nothing of the spray is kept.
    for (let i = 0; i < 1000; i++) await limiter.retryAfterMs('probe', '10.0.0.7', 300_000);
    expect(await limiter.size()).toBe(0);
    await close();
  });
});

describe('an office behind one address', () => {
  it('mistyped twenty times under many names, still signs its admin in with the right password after a few seconds, never 15 minutes', async () => {
    const password = await addUser(server.db, 'office-admin', 'admin');
    let clock = Date.parse('2026-12-07T09:00:00+08:00');
    const anonymous = createCaller(createContextInner({ db: server.db, clientKey: '10.20.0.1', now: () => new Date(clock) }));
    const refusal = (p: Promise<unknown>) => p.then(() => null, (e: { code?: string; message?: string }) => ({ code: e.code, message: e.message }));
    for (let i = 0; i < 20; i++) expect((await refusal(anonymous.auth.login({ username: i % 2 ? `clerk${i}` : `office-admin-${i}`, password: 'wrong' })))?.code).toBe('UNAUTHORIZED');
    expect(await refusal(anonymous.auth.login({ username: 'office-admin', password }))).toEqual({ code: 'TOO_MANY_REQUESTS', message: '登录失败次数过多，请 3 秒后再试（too many failed sign-ins; try again in 3 s）' });
    clock += 3_000;
    expect(await anonymous.auth.login({ username: 'office-admin', password })).toEqual({ username: 'office-admin', role: 'admin' });
  });
});

describe('a disabled account', () => {
  it('stays disabled when its password is reset, from the shell or /admin', async () => {
    await addUser(server.db, 'gone-clerk', 'viewer');
    await disableUser(server.db, 'gone-clerk', new Date());
    const password = await resetPassword(server.db, 'gone-clerk');
    const login = await fetch(`${server.url}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'gone-clerk', password }) });
    expect(login.status).toBe(403);
    expect(await login.text()).toMatch(/此账号已停用/);
    expect(runCli('user', server, 'list').out).toMatch(/gone-clerk\tviewer\tdisabled/);
  });
});

describe('the first admin password', () => {
  it('is written once beside the database, readable only by its owner, and printed only on a terminal', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liftmap-admin-'));
    const file = initialPasswordFile(join(dir, 'liftmap.db'), dir);
    expect(file).toBe(join(dir, 'initial-admin-password.txt'));
    const line = storeInitialPassword(file, 'S3cret-Passw0rd', false);
    expect(line).not.toContain('S3cret-Passw0rd');
    expect(line).toContain(file);
    expect(readFileSync(file, 'utf8')).toBe('admin\nS3cret-Passw0rd\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(storeInitialPassword(file, 'An0ther', true)).toContain('An0ther');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
