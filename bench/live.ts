import { createTRPCClient, httpLink } from '@trpc/client';
import { eq } from 'drizzle-orm';
import { addUser } from '../server/auth/manage-users.ts';
import type { AppRouter } from '../server/routers/_app.ts';
import { sessionCookieFor, signIn } from '../tests/support/sign-in.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../server/db/database.ts';
import { openPostgres } from '../server/db/open-postgres.ts';
import { startAppServer } from '../tests/support/app-server.ts';
import { createPgDatabase } from '../tests/support/test-database.ts';
import { startTestServer, type TestServer } from '../tests/support/test-server.ts';
import { first } from '../server/db/database.ts';

/**
 * Milliseconds from sending a visit (canvass.recordVisit) to the change
 * arriving on a live.onChange server-sent-event stream, as the wall hears it.
 */
export async function liveLatency(server: TestServer, runs: number) {
  const { flats } = server.db.t;
  const username = `bench-${Date.now()}`;
  const password = await addUser(server.db, username, 'planner');
  const client = await signIn(server.url, username, password);
  const all = (await server.db.select({ id: flats.id, voterId: flats.voterId, status: flats.status }).from(flats));
  const holdings = new Map<number, number>();
  for (const f of all) holdings.set(f.voterId, (holdings.get(f.voterId) ?? 0) + 1);
  // One flat per voter: each visit then makes exactly one change on the stream.
  const flatIds = all.filter((f) => f.status === 'unvisited' && holdings.get(f.voterId) === 1).slice(0, runs);
  const stream = await fetch(`${server.url}/trpc/live.onChange?input=${encodeURIComponent(JSON.stringify({ estateId: 1 }))}`);
  const reader = stream.body!.getReader();
  const decoder = new TextDecoder();
  const waitForChange = async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      if (decoder.decode(value).includes('"kind":"flat"')) return;
    }
  };
  await new Promise((r) => setTimeout(r, 200));
  const times: number[] = [];
  for (const [i, f] of flatIds.entries()) {
    const arrived = waitForChange();
    const start = performance.now();
    await client.canvass.recordVisit.mutate({ flatId: f.id, expectedVersion: (await first(server.db.select({ v: flats.version }).from(flats).where(eq(flats.id, f.id))))!.v, clientId: `bench-live-${i}-${f.id}`, outcome: 'talked', status: 'undecided', concerns: [], compensation: [] });
    await arrived;
    times.push(performance.now() - start);
  }
  await reader.cancel();
  times.sort((a, b) => a - b);
  return { name: 'visit recorded → change on the live SSE stream', runs: times.length, medianMs: times[Math.floor(times.length / 2)] ?? NaN, p99Ms: times[Math.ceil(times.length * 0.99) - 1] ?? NaN, maxMs: times.at(-1) ?? NaN };
}

interface Heard {
  stairwellId: number;
  at: number;
}

/** An SSE reader of live.onChange that notes when each flat change arrives. */
async function listen(url: string, heard: Heard[]): Promise<() => Promise<void>> {
  const res = await fetch(`${url}/trpc/live.onChange?input=${encodeURIComponent(JSON.stringify({ estateId: 1 }))}`);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const done = (async () => {
    for (;;) {
      const { value, done: end } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
      if (end) return;
      buffer += decoder.decode(value, { stream: true });
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      const now = performance.now();
      for (const line of lines)
        if (line.startsWith('data: {"kind":"flat"')) heard.push({ stairwellId: (JSON.parse(line.slice(6)) as { stairwellId: number }).stairwellId, at: now });
    }
  })();
  return async () => {
    await reader.cancel();
    await done;
  };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)] ?? NaN;

/**
 * The wall under load: `walls` SSE subscribers while `writers` concurrent
 * canvassers record visits in some stairwells; a probe records visits one at
 * a time in other stairwells and times each from sending it to every wall
 * hearing it. Also the writers' throughput and how many of their writes
 * every wall heard.
 */
export async function liveUnderLoad(opts: { walls: number; writers: number; probes: number; dialect?: 'sqlite' | 'postgres' }) {
  // A server of its own: the writes here would change the register the other sections plan from.
  const server = await startTestServer({ dialect: opts.dialect });
  try {
    return await underLoad({ db: server.db, urls: [server.url] }, opts);
  } finally {
    await server.close();
  }
}

/**
 * The same on PostgreSQL with two app servers (`npm start`'s server/main.ts
 * as two processes): `walls` walls on each, the writers spread over both, a
 * probe sent through the first and timed until every wall on both has it.
 */
export async function liveTwoServers(opts: { walls: number; writers: number; probes: number }) {
  const dir = mkdtempSync(join(tmpdir(), 'liftmap-bench-two-'));
  const url = await createPgDatabase('liftmap_seeded');
  const { db, close } = await openPostgres(url, { poolSize: 2 });
  const servers = await Promise.all([startAppServer(url, dir), startAppServer(url, dir)]);
  try {
    const result = await underLoad({ db, urls: servers.map((s) => s.url) }, opts);
    return { ...result, name: `two app servers: ${result.name}` };
  } finally {
    for (const s of servers) s.process.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.exited));
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `walls` SSE walls on every one of `urls`, writers spread over them; the database for the flats and the user. */
async function underLoad(target: { db: Db; urls: string[] }, opts: { walls: number; writers: number; probes: number }) {
  const server = { db: target.db, url: target.urls[0]! };
  const { flats } = server.db.t;
  const username = `bench-load-${Date.now()}`;
  // One session for every server: on PostgreSQL sessions are shared.
  const cookie = await sessionCookieFor(server.url, username, await addUser(server.db, username, 'planner'));
  // One request per visit, as 200 phones would send them (no batching).
  const clients = target.urls.map((url) => createTRPCClient<AppRouter>({ links: [httpLink({ url: `${url}/trpc`, headers: { cookie } })] }));
  const client = clients[0]!;
  const all = (await server.db.select({ id: flats.id, voterId: flats.voterId, status: flats.status, stairwellId: flats.stairwellId, version: flats.version }).from(flats));
  const holdings = new Map<number, number>();
  for (const f of all) holdings.set(f.voterId, (holdings.get(f.voterId) ?? 0) + 1);
  // One flat per voter: a visit changes exactly that flat. Not yet a formal vote: toggled between 未表态 and 有意向.
  const single = all.filter((f) => ['unvisited', 'undecided', 'intent'].includes(f.status) && holdings.get(f.voterId) === 1);
  const stairwellIds = [...new Set(all.map((f) => f.stairwellId))].sort((a, b) => a - b);
  // The probe's stairwells are written by no one else, so its changes are recognised by stairwell.
  const probeStairwells = new Set(stairwellIds.slice(-20));
  const probeFlats = single.filter((f) => probeStairwells.has(f.stairwellId)).slice(0, opts.probes);
  const loadFlats = single.filter((f) => !probeStairwells.has(f.stairwellId));
  // Each writer visits its own flats over and over, so writers never conflict.
  const owned = Array.from({ length: opts.writers }, (_, w) => loadFlats.filter((_, i) => i % opts.writers === w));

  const wallUrls = target.urls.flatMap((url) => Array.from({ length: opts.walls }, () => url));
  const heard: Heard[][] = wallUrls.map(() => []);
  const stops = await Promise.all(heard.map((h, i) => listen(wallUrls[i]!, h)));
  await new Promise((r) => setTimeout(r, 300));

  let serial = 0;
  const visit = async (f: (typeof all)[number], via = client) => {
    const status = f.status === 'intent' ? 'undecided' : 'intent';
    const r = await via.canvass.recordVisit.mutate({ flatId: f.id, expectedVersion: f.version, clientId: `bench-load-${serial++}-${f.id}`, outcome: 'talked', status, concerns: [], compensation: [] });
    f.version = r.version;
    f.status = status;
  };
  /** Every writer visits its own flats, pausing about `pauseMs` between visits (0: back to back), until stopped. */
  const runWriters = (pauseMs: number) => {
    let running = true;
    let written = 0;
    const started = performance.now();
    const done = Promise.all(
      owned.map(async (mine, w) => {
        for (let i = 0; running && mine.length > 0; i++) {
          if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs * (0.5 + Math.random())));
          await visit(mine[i % mine.length]!, clients[w % clients.length]);
          written++;
        }
      }),
    );
    return async () => {
      running = false;
      await done;
      return { written, seconds: (performance.now() - started) / 1000 };
    };
  };

  // As fast as the server takes them: its capacity.
  const stopSaturated = runWriters(0);
  await new Promise((r) => setTimeout(r, 8_000));
  const saturated = await stopSaturated();
  const capacity = saturated.written / saturated.seconds;
  // Then every writer every few seconds, half the capacity offered in all: a busy campaign day many times over.
  const paceMs = (opts.writers / (capacity / 2)) * 1000;
  const stopPaced = runWriters(paceMs);
  await new Promise((r) => setTimeout(r, paceMs));

  // Probes while the writers write: the time from sending a visit, and from
  // its acknowledgement (the commit is before it), to the last wall hearing it.
  const fromSend: number[] = [];
  const fromAck: number[] = [];
  for (const f of probeFlats) {
    const from = heard.map((h) => h.length);
    const sent = performance.now();
    await visit(f);
    const acked = performance.now();
    const deadline = sent + 10_000;
    for (;;) {
      const arrivals = heard.map((h, i) => h.slice(from[i]).find((e) => e.stairwellId === f.stairwellId)?.at);
      if (arrivals.every((a) => a !== undefined)) {
        const last = Math.max(...(arrivals));
        fromSend.push(last - sent);
        fromAck.push(Math.max(0, last - acked));
        break;
      }
      if (performance.now() > deadline) throw new Error(`a wall did not hear the visit to flat ${f.id} within 10 s`);
      await new Promise((r) => setTimeout(r, 2));
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const paced = await stopPaced();
  await new Promise((r) => setTimeout(r, 1000));
  await Promise.all(stops.map((s) => s()));
  fromSend.sort((a, b) => a - b);
  fromAck.sort((a, b) => a - b);
  const expected = saturated.written + paced.written + fromSend.length;
  return {
    name: `visit sent → heard on all ${wallUrls.length} walls, ${opts.writers} writers each every ${(paceMs / 1000).toFixed(1)} s`,
    loadFlats: loadFlats.length,
    walls: wallUrls.length,
    writers: opts.writers,
    probes: fromSend.length,
    medianMs: quantile(fromSend, 0.5),
    p99Ms: quantile(fromSend, 0.99),
    maxMs: fromSend.at(-1) ?? NaN,
    /** Acknowledged → the last wall heard it (0 when every wall heard it before the answer arrived). */
    fromAck: { medianMs: quantile(fromAck, 0.5), p99Ms: quantile(fromAck, 0.99), maxMs: fromAck.at(-1) ?? NaN },
    /** Back to back, all writers at once: what the server takes. */
    saturated: { writes: saturated.written, writesPerSecond: Math.round(capacity) },
    paced: { writes: paced.written, writesPerSecond: Math.round(paced.written / paced.seconds) },
    everyWallHeardAll: heard.every((h) => h.length === expected),
  };
}
