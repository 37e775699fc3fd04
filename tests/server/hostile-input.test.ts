import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/auth/manage-users.ts';
import { fingerprint, sendCorpus } from '../support/hostile-corpus.ts';
import { sessionCookieFor } from '../support/sign-in.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await sessionCookieFor(server.url, 'root', await addUser(server.db, 'root', 'admin'));
});
afterAll(() => server.close());

describe('every procedure under hostile input', () => {
  it('refuses each input with a 4xx and a message, never crashes, and writes nothing', { timeout: 120_000 }, async () => {
    const before = await fingerprint(server);
    const result = await sendCorpus(server.url, admin);
    expect(result.crashes).toEqual([]);
    expect(result.unexpected).toEqual([]);
    expect(result.procedures).toBeGreaterThanOrEqual(30);
    expect(result.refused + result.answeredWithoutInput).toBe(result.sent);
    expect(await fingerprint(server)).toBe(before);
    expect(server.logs).toEqual([]);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
  });
});
