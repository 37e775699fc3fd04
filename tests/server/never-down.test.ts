import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/auth/manage-users.ts';
import { fingerprint } from '../support/hostile-corpus.ts';
import { sessionCookieFor, signIn, type Client } from '../support/sign-in.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { heavyEstate, hugePng, lyingZipXlsx, mergedRangeXlsx } from '../support/upload-bombs.ts';

let server: TestServer;
let cookie: string;
let staff: Client;
beforeAll(async () => {
  server = await startTestServer();
  const password = await addUser(server.db, 'night-admin', 'admin');
  cookie = await sessionCookieFor(server.url, 'night-admin', password);
  staff = await signIn(server.url, 'night-admin', password);
});
afterAll(() => server.close());

/** /healthz asked one after another while `work` runs: how many answers came back meanwhile. */
async function whileProbing<T>(work: () => Promise<T>): Promise<{ result: T; answered: number }> {
  let running = true;
  let answered = 0;
  const probe = (async () => {
    while (running) {
      const res = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(30_000) });
      await res.text();
      if (running && res.ok) answered += 1;
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  try {
    return { result: await work(), answered };
  } finally {
    running = false;
    await probe;
  }
}

const postRegister = (bytes: Uint8Array, name: string) =>
  fetch(`${server.url}/api/estates/1/register`, { method: 'POST', headers: { cookie, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) }, body: Buffer.from(bytes) });

describe('no wall, upload or crowd stops the server', () => {
  it('walls that open and close their live stream hundreds of times while visits are recorded leave it serving', async () => {
    const flats = await server.sql<{ id: number; version: number }>('SELECT min(id) AS id, 1 AS version FROM flats WHERE status = ? GROUP BY voter_id HAVING count(*) = 1 LIMIT 40', 'unvisited');
    let writing = true;
    let written = 0;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = w; writing; i += 4) {
        const f = flats[i % flats.length]!;
        const r = await staff.canvass.recordVisit.mutate({ flatId: f.id, expectedVersion: f.version, clientId: `churn-${i}-${f.id}`, outcome: 'talked', status: i % 8 < 4 ? 'undecided' : 'intent', concerns: [], compensation: [] });
        f.version = r.version;
        written += 1;
      }
    });
    const stream = `${server.url}/trpc/live.onChange?input=${encodeURIComponent(JSON.stringify({ estateId: 1 }))}`;
    for (let round = 0; round < 60; round++)
      await Promise.all(
        Array.from({ length: 5 }, async (_, k) => {
          const controller = new AbortController();
          const res = await fetch(stream, { signal: controller.signal }).catch(() => null);
          const reader = res?.body?.getReader();
          // Some go before the first byte, some after a change or two, some while a change is being written.
          if (k > 0) await reader?.read().catch(() => undefined);
          if (k > 2) await new Promise((r) => setTimeout(r, 5 + 40 * Math.random()));
          controller.abort();
        }),
      );
    writing = false;
    await Promise.all(writers);
    expect(written).toBeGreaterThan(20);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('a 1.5 KB register merging A2:XFD1048576, and one whose zip lies about 400 MB, are refused naming the file and the limit while everyone else is answered; nothing changes', async () => {
    const before = await fingerprint(server);
    const merged = await whileProbing(() => postRegister(mergedRangeXlsx(), '名册.xlsx'));
    expect(merged.result.status).toBe(422);
    expect(await merged.result.json()).toMatchObject({ ok: false, problems: [{ zh: '名册.xlsx 的合并单元格或数据验证覆盖 17,179,852,800 个单元格，超过上限 200,000：请取消整行整列的合并后再上传' }] });
    const lying = await whileProbing(async () => postRegister(await lyingZipXlsx(400), '名册2.xlsx'));
    expect(lying.result.status).toBe(422);
    expect(await lying.result.json()).toMatchObject({ ok: false, problems: [{ en: '名册2.xlsx expands to more than 100 MB (5 files); inflating stopped and nothing was read' }] });
    expect(await fingerprint(server)).toBe(before);
  });

  it('a 32 KB signature of 12000×12000 px is refused from its header, outside the write lock, naming the field', async () => {
    const flat = (await server.sql<{ id: number; version: number }>('SELECT id, version FROM flats WHERE status = ? LIMIT 1', 'undecided'))[0]!;
    const before = await fingerprint(server);
    const refusal = await staff.canvass.recordVisit
      .mutate({
        flatId: flat.id,
        expectedVersion: flat.version,
        clientId: 'bomb-visit-1',
        outcome: 'talked',
        status: 'signed',
        concerns: [],
        compensation: [],
        evidence: { clientId: 'bomb-evidence-1', method: 'signature', consentText: '本人同意加装电梯（测试用文字）', signaturePng: hugePng(12_000).toString('base64') },
      })
      .then(
        () => null,
        (e: { message: string; data?: { fields?: { field: string }[] } }) => e,
      );
    expect(refusal?.message).toBe('签名图片 12000×12000 像素过大（每边最多 2000）（the signature is 12000×12000 px, more than 2,000 a side）');
    expect(refusal?.data?.fields).toEqual([{ field: 'evidence.signaturePng', message: 'the signature is 12000×12000 px, more than 2,000 a side' }]);
    expect(await fingerprint(server)).toBe(before);
  });

  it('previewing a 2 MB estate of 5 buildings × 9,990 points leaves the server answering everyone while it is read', async () => {
    const { result, answered } = await whileProbing(() => staff.admin.previewEstate.mutate({ geojson: heavyEstate(), from: 'wgs84', reference: null, register: null, canvassers: null }));
    expect(result.ok && result.outcome.kind).toBe('created');
    // A main thread busy reading it would answer none until it finished.
    expect(answered).toBeGreaterThan(10);
  });

  it('gives batches of more than 10 calls to signed-in users only, and answers six batches of ten replays at once', async () => {
    const batch = (n: number) => `${server.url}/trpc/${Array.from({ length: n }, () => 'history.replay').join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { estateId: 1 }]))))}`;
    const anonymous = await fetch(batch(20));
    expect(anonymous.status).toBe(429);
    expect(await anonymous.json()).toEqual({ error: { code: 'TOO_MANY_CALLS', message: '未登录时每批最多 10 个调用（at most 10 calls in a batch without signing in）' } });
    expect((await fetch(batch(20), { headers: { cookie } })).status).toBe(200);
    expect(await Promise.all(Array.from({ length: 6 }, () => fetch(batch(10)).then((r) => r.status)))).toEqual([200, 200, 200, 200, 200, 200]);
  });
});
