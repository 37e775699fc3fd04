/**
 * `npm run bench -- chaos`: a busy evening made worse. The production
 * server (server/main.ts as a process) with 20 walls that reconnect every
 * 0.5–5 s, 200 phones recording visits, and one of each hostile upload every
 * 10 s, for BENCH_CHAOS_SECONDS (300). Then it is stopped with SIGTERM and
 * checked: did it exit 0, is every acknowledged visit stored, did every wall
 * hear every change, how many requests got no answer, how fast /healthz was.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sessionCookieFor } from '../tests/support/sign-in.ts';
import { ROOT } from '../tests/support/test-server.ts';
import { heavyEstate, hugePng, lyingZipXlsx, manyCellsXlsx, manyRowsXlsx, mergedRangeXlsx } from '../tests/support/upload-bombs.ts';
import { openWall, probeHealth, quantile, startWriters, visitableFlats, watchOwnLoop } from './field-load.ts';
import { addUserIn, spawnServer } from './spawned-server.ts';

interface Hostile {
  name: string;
  send: () => Promise<Response>;
}

export async function chaos(seconds: number) {
  const dir = mkdtempSync(join(tmpdir(), 'liftmap-chaos-'));
  const database = { file: join(dir, 'liftmap.db') };
  const log = join(dir, 'server.log');
  const server = await spawnServer(ROOT, database, { LIFTMAP_BENCH_LOG: log });
  // An exit before the run asks for one is the failure this measures.
  let stopping = false;
  let exitedDuringRun: number | null | 'no' = 'no';
  void server.exited.then((code) => {
    if (!stopping) exitedDuringRun = code;
  });
  try {
    const cookie = await sessionCookieFor(server.url, 'chaos-admin', addUserIn(ROOT, database, 'chaos-admin', 'admin'));
    const flats = await visitableFlats(database);
    const victim = flats.pop()!;
    const reader = new Database(database.file, { readonly: true });
    // The server's SQLite file, read as another process would: plain SQLite, not the app's query layer.
    const startId = (reader.prepare('SELECT coalesce(max(id), 0) AS id FROM change_log WHERE id >= ?').get(0) as { id: number }).id;
    reader.close();

    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const register = (bytes: Uint8Array, name: string) => () =>
      fetch(`${server.url}/api/estates/1/register?dryRun=1`, { method: 'POST', headers: { cookie, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) }, body: Buffer.from(bytes) });
    const [lying, million, cells] = [await lyingZipXlsx(400), manyRowsXlsx(1_000_000), manyCellsXlsx()];
    const png = hugePng(12_000).toString('base64');
    let serial = 0;
    const hostiles: Hostile[] = [
      { name: 'register merging A2:XFD1048576 (1.5 KB)', send: register(mergedRangeXlsx(), '合并.xlsx') },
      { name: 'register whose zip lies: 400 MB inflated', send: register(lying, '谎报.xlsx') },
      { name: 'register of a million rows', send: register(million, '百万行.xlsx') },
      { name: 'register of 6.75 million cells', send: register(cells, '单元格.xlsx') },
      {
        name: 'signature of 12000×12000 px',
        send: () =>
          post('/trpc/canvass.recordVisit', {
            flatId: victim.id,
            expectedVersion: victim.version,
            clientId: `chaos-bomb-${serial++}`,
            outcome: 'talked',
            status: 'signed',
            concerns: [],
            compensation: [],
            evidence: { clientId: `chaos-bomb-evidence-${serial++}`, method: 'signature', consentText: '本人同意加装电梯（压力测试）', signaturePng: png },
          }),
      },
      { name: 'estate preview of 5 × 9,990 points', send: () => post('/trpc/admin.previewEstate', { geojson: heavyEstate(), from: 'wgs84', reference: null, register: null, canvassers: null }) },
      { name: 'outline zip that lies: 400 MB inflated', send: () => post('/trpc/admin.readOutlines', { fileName: '楼栋.zip', base64: Buffer.from(lying).toString('base64') }) },
      {
        name: 'anonymous batch of 20 replays',
        send: () => fetch(`${server.url}/trpc/${Array(20).fill('history.replay').join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [i, { estateId: 1 }]))))}`),
      },
    ];
    const outcomes = new Map<string, { sent: number; statuses: Record<string, number>; failed: number }>(hostiles.map((h) => [h.name, { sent: 0, statuses: {}, failed: 0 }]));

    const walls = Array.from({ length: 20 }, () => openWall(server.url, 1, [500, 5_000], startId));
    // Every wall listening before the first visit: a wall only hears what happens once it has connected.
    await Promise.all(walls.map((w) => w.ready));
    await new Promise((r) => setTimeout(r, 500));
    const health = probeHealth(server.url, 100);
    const ownLoop = watchOwnLoop();
    // Each phone a visit every 2 s or so: about 100 visits a second in all.
    const writers = startWriters([server.url], cookie, flats, 200, 2_000, 'chaos');
    const pending: Promise<void>[] = [];
    const until = performance.now() + seconds * 1000;
    while (performance.now() < until && exitedDuringRun === 'no') {
      for (const h of hostiles)
        pending.push(
          h.send().then(
            async (res) => {
              await res.text();
              const o = outcomes.get(h.name)!;
              o.sent += 1;
              o.statuses[res.status] = (o.statuses[res.status] ?? 0) + 1;
              if (res.status >= 500) o.failed += 1;
            },
            () => {
              const o = outcomes.get(h.name)!;
              o.sent += 1;
              o.failed += 1;
            },
          ),
        );
      for (let waited = 0; waited < 10_000 && performance.now() < until && exitedDuringRun === 'no'; waited += 250) await new Promise((r) => setTimeout(r, 250));
    }
    const written = await writers.stop();
    await Promise.all(pending);
    await new Promise((r) => setTimeout(r, 2_000));
    const client = ownLoop();
    await Promise.all(walls.map((w) => w.stop()));
    const probes = await health.stop();
    stopping = true;
    const exitCode = await server.stop();

    const db = new Database(database.file, { readonly: true });
    const stored = new Set((db.prepare('SELECT client_id AS id FROM visits WHERE id > ?').all(0) as { id: string }[]).map((r) => r.id));
    const changes = (db.prepare("SELECT id FROM change_log WHERE id > ? AND kind = 'flat'").all(startId) as { id: number }[]).map((r) => r.id);
    db.close();
    // A wall told to re-read everything (it fell behind) has missed nothing before that point.
    const missedByWalls = walls.reduce((n, w) => n + changes.filter((id) => !w.heard.has(id) && !w.resyncs.some((r) => r >= id)).length, 0);
    const hostileFailed = [...outcomes.values()].reduce((n, o) => n + o.failed, 0);
    return {
      seconds,
      exitedDuringRun,
      /** The server's last words when it exited during the run. */
      serverTail: exitedDuringRun === 'no' ? null : server.output().slice(-3000),
      exitCode,
      visits: { acknowledged: written.acknowledged.length, perSecond: Math.round(written.acknowledged.length / written.seconds), refused: written.refused },
      acknowledgedLost: written.acknowledged.filter((id) => !stored.has(id)).length,
      requestsFailed: { total: written.failed + probes.failed + walls.reduce((n, w) => n + w.failures, 0) + hostileFailed, writers: written.failed, healthz: probes.failed, walls: walls.reduce((n, w) => n + w.failures, 0), hostile: hostileFailed },
      walls: { count: walls.length, reconnects: walls.reduce((n, w) => n + w.connects, 0), resyncs: walls.reduce((n, w) => n + w.resyncs.length, 0), changesMissed: missedByWalls, changes: changes.length, failures: walls.flatMap((w) => w.reasons) },
      /** The benchmark's own event loop: late, it measures itself as much as the server. */
      clientLoopDelay: client,
      healthz: { answers: probes.times.length, p50Ms: Number(quantile(probes.times, 0.5).toFixed(1)), p99Ms: Number(quantile(probes.times, 0.99).toFixed(1)), maxMs: Number(Math.max(...probes.times).toFixed(1)) },
      hostile: Object.fromEntries(outcomes),
    };
  } finally {
    stopping = true;
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
