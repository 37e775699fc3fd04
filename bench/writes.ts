/**
 * `npm run bench -- writes`: the write path of the commit an issue started
 * from (BENCH_BASELINE, a worktree beside this checkout) and of this
 * checkout, side by side in one run, each as `npm start` runs it:
 * - the floor: durable one-row write transactions back to back, SQLite with
 *   the server's pragmas;
 * - visits/s with 200 phones back to back, and CPU ms per visit;
 * - with 200 phones sending 20 visits/s in all, ms from sending a visit to
 *   all 20 walls hearing it;
 * - on PostgreSQL, 200 phones over two app servers spread over 10 estates:
 *   visits/s, and whether any wall missed a change.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sessionCookieFor } from '../tests/support/sign-in.ts';
import { ROOT } from '../tests/support/test-server.ts';
import { openWall, quantile, startWriters, visitableFlats, watchOwnLoop, type Flat } from './field-load.ts';
import { addUserIn, removeWorktree, spawnServer, worktreeOf } from './spawned-server.ts';

/**
 * One-row write transactions per second back to back with the server's
 * pragmas (WAL, synchronous FULL: each commit on disk before it is
 * acknowledged), what SQLite itself can do here; and with synchronous
 * NORMAL beside it, what durability costs.
 */
export function sqliteFloor(seconds = 3) {
  const dir = mkdtempSync(join(tmpdir(), 'liftmap-floor-'));
  const commitsPerSecond = (synchronous: 'FULL' | 'NORMAL') => {
    const db = new Database(join(dir, `floor-${synchronous}.db`));
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO t (at) VALUES (?)');
    let commits = 0;
    const until = performance.now() + seconds * 1000;
    while (performance.now() < until) {
      db.exec('BEGIN IMMEDIATE');
      insert.run(new Date().toISOString());
      db.exec('COMMIT');
      commits++;
    }
    db.close();
    return Math.round(commits / seconds);
  };
  const floor = { commitsPerSecond: commitsPerSecond('FULL'), withSynchronousNormal: commitsPerSecond('NORMAL') };
  rmSync(dir, { recursive: true, force: true });
  return floor;
}

/** Sends a visit to each probe flat in turn and times it until every wall has heard its stairwell change. */
async function probe(base: string, cookie: string, flats: Flat[], walls: ReturnType<typeof openWall>[]) {
  const times: number[] = [];
  for (const f of flats) {
    const from = walls.map((w) => w.byStairwell.length);
    const sent = performance.now();
    const res = await fetch(`${base}/trpc/canvass.recordVisit`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ flatId: f.id, expectedVersion: f.version, clientId: `probe-${f.id}-${f.version}`, outcome: 'talked', status: f.status === 'intent' ? 'undecided' : 'intent', concerns: [], compensation: [] }),
    });
    if (!res.ok) throw new Error(`a probe visit was refused: ${await res.text()}`);
    const data = ((await res.json()) as { result: { data: { version: number; status: string } } }).result.data;
    f.version = data.version;
    f.status = data.status;
    for (const deadline = sent + 10_000; ; ) {
      const arrivals = walls.map((w, i) => w.byStairwell.slice(from[i]).find((e) => e.stairwellId === f.stairwellId)?.at);
      if (arrivals.every((a) => a !== undefined)) {
        times.push(Math.max(...arrivals) - sent);
        break;
      }
      if (performance.now() > deadline) throw new Error(`a wall did not hear stairwell ${f.stairwellId} within 10 s`);
      await new Promise((r) => setTimeout(r, 2));
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return times;
}

/** One checkout's server on a fresh SQLite file: capacity, CPU per visit, and latency to 20 walls at a busy evening's pace. */
async function sqliteRun(checkout: string, label: string) {
  const dir = mkdtempSync(join(tmpdir(), `liftmap-writes-${label}-`));
  const database = { file: join(dir, 'liftmap.db') };
  const server = await spawnServer(checkout, database);
  try {
    const cookie = await sessionCookieFor(server.url, 'bench-planner', addUserIn(checkout, database, 'bench-planner', 'planner'));
    const flats = await visitableFlats(database);
    const stairwells = [...new Set(flats.map((f) => f.stairwellId))].sort((a, b) => a - b);
    const probeStairwells = new Set(stairwells.slice(-20));
    const probeFlats = flats.filter((f) => probeStairwells.has(f.stairwellId)).slice(0, 60);
    const loadFlats = flats.filter((f) => !probeStairwells.has(f.stairwellId));
    const walls = Array.from({ length: 20 }, () => openWall(server.url, 1));
    await Promise.all(walls.map((w) => w.ready));
    await new Promise((r) => setTimeout(r, 500));

    const cpu0 = server.cpuSeconds();
    const ownLoop = watchOwnLoop();
    const saturated = startWriters([server.url], cookie, loadFlats, 200, 0, `${label}-sat`);
    await new Promise((r) => setTimeout(r, Number(process.env.BENCH_WRITES_SECONDS ?? 10) * 1000));
    const full = await saturated.stop();
    const cpu = server.cpuSeconds() - cpu0;
    const client = ownLoop();

    // A busy evening: each of 200 canvassers a visit every 10 s, 20 visits/s in all.
    const paced = startWriters([server.url], cookie, loadFlats, 200, 10_000, `${label}-paced`);
    await new Promise((r) => setTimeout(r, 3_000));
    const times = await probe(server.url, cookie, probeFlats, walls);
    const evening = await paced.stop();
    await Promise.all(walls.map((w) => w.stop()));
    return {
      visitsPerSecond: Math.round(full.acknowledged.length / full.seconds),
      cpuMsPerVisit: Number(((cpu * 1000) / Math.max(1, full.acknowledged.length)).toFixed(2)),
      failed: full.failed + evening.failed,
      /** CPU the server used per second of the back-to-back run (2 cores here: at 2.0 the machine is the limit). */
      serverCores: Number((cpu / full.seconds).toFixed(2)),
      /** How late the benchmark's own loop ran: late, it (not the server) set the pace. */
      clientLoopP99Ms: Number(client.p99Ms.toFixed(1)),
      evening: { visitsPerSecond: Number((evening.acknowledged.length / evening.seconds).toFixed(1)), probes: times.length, heardOnAll20WallsMs: { p50: Number(quantile(times, 0.5).toFixed(1)), p99: Number(quantile(times, 0.99).toFixed(1)), max: Number(Math.max(...times).toFixed(1)) } },
    };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A new empty PostgreSQL database in the cluster at `base` (byte-wise collation, as LiftMap expects). */
async function emptyPgDatabase(base: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  } finally {
    await admin.end();
  }
  return `${base}/${name}`;
}

/** One checkout's two app servers on one PostgreSQL with `estates` estates: 200 phones spread over both, walls on both. */
async function postgresRun(checkout: string, label: string, base: string, estates: number) {
  const database = { url: await emptyPgDatabase(base, `writes_${label}_${Date.now()}`) };
  // The first server migrates and seeds Fenghe; the other estates are imported with that checkout's own code.
  const first = await spawnServer(checkout, database);
  copyFileSync(join(ROOT, 'bench', 'seed-estates.ts'), join(checkout, 'bench', 'seed-estates-copy.ts'));
  const seeded = spawnSync(process.execPath, ['--import', 'tsx', join(checkout, 'bench', 'seed-estates-copy.ts'), String(estates)], { cwd: checkout, env: { ...process.env, LIFTMAP_DATABASE_URL: database.url }, encoding: 'utf8' });
  if (seeded.status !== 0) throw new Error(`seeding ${estates} estates failed: ${seeded.stderr}`);
  const second = await spawnServer(checkout, database);
  const servers = [first, second];
  try {
    const cookie = await sessionCookieFor(first.url, 'bench-planner', addUserIn(checkout, database, 'bench-planner', 'planner'));
    const flats = await visitableFlats(database);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const startId = Number((await client.query<{ id: string }>('SELECT coalesce(max(id), 0) AS id FROM change_log')).rows[0]!.id);
    const walls = servers.flatMap((s) => Array.from({ length: 10 }, () => openWall(s.url, null, undefined, startId)));
    await Promise.all(walls.map((w) => w.ready));
    await new Promise((r) => setTimeout(r, 500));
    const writers = startWriters(servers.map((s) => s.url), cookie, flats, 200, 0, `${label}-pg`);
    await new Promise((r) => setTimeout(r, Number(process.env.BENCH_WRITES_SECONDS ?? 10) * 1000));
    const done = await writers.stop();
    await new Promise((r) => setTimeout(r, 2_000));
    await Promise.all(walls.map((w) => w.stop()));
    const changes = (await client.query<{ id: string }>("SELECT id FROM change_log WHERE id > $1 AND kind = 'flat'", [startId])).rows.map((r) => Number(r.id));
    await client.end();
    return {
      estates,
      visitsPerSecond: Math.round(done.acknowledged.length / done.seconds),
      failed: done.failed,
      walls: walls.length,
      changesMissedByWalls: walls.reduce((n, w) => n + changes.filter((id) => !w.heard.has(id)).length, 0),
      changes: changes.length,
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

export async function writesSideBySide(baseline: string, pgBase: string | null) {
  const worktree = worktreeOf(baseline, join(tmpdir(), `liftmap-baseline-${baseline.slice(0, 7)}`));
  try {
    const floor = sqliteFloor();
    const sqlite = { [`start (${baseline.slice(0, 7)})`]: await sqliteRun(worktree, 'start'), now: await sqliteRun(ROOT, 'now') };
    const postgres = pgBase ? { [`start (${baseline.slice(0, 7)})`]: await postgresRun(worktree, 'start', pgBase, 10), now: await postgresRun(ROOT, 'now', pgBase, 10) } : null;
    return { floor, sqlite, postgres };
  } finally {
    removeWorktree(worktree);
  }
}
