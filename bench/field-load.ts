/**
 * The field as a server meets it, for the benchmarks: walls holding live
 * streams (and reconnecting with their last event id), phones recording
 * visits, someone asking /healthz. Plain HTTP, as browsers and phones send it.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';

export interface Flat {
  id: number;
  stairwellId: number;
  estateId: number;
  version: number;
  status: string;
}

/** Flats no other flat shares a voter with, not yet a written vote, to be visited over and over (a visit changes exactly that flat). */
export async function visitableFlats(database: { file?: string; url?: string }): Promise<Flat[]> {
  const query =
    "SELECT f.id AS id, f.stairwell_id AS \"stairwellId\", s.estate_id AS \"estateId\", f.version AS version, f.status AS status FROM flats f JOIN stairwells s ON s.id = f.stairwell_id WHERE f.status IN ('unvisited', 'undecided', 'intent') AND (SELECT count(*) FROM flats g WHERE g.voter_id = f.voter_id) = $1 ORDER BY f.id";
  if (database.file) {
    const db = new Database(database.file, { readonly: true });
    try {
      return db.prepare(query.replace('$1', '?')).all(1) as Flat[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<Flat>(query, [1])).rows;
  } finally {
    await client.end();
  }
}

export interface Wall {
  /** When each flat change arrived (performance.now()), by change-log id. */
  heard: Map<number, number>;
  /** Arrival times of flat changes by stairwell, for probes. */
  byStairwell: { stairwellId: number; at: number }[];
  connects: number;
  /** Times the server told it to re-read everything (it fell behind): what it missed before is covered. */
  resyncs: number[];
  /** Connections that failed for another reason than the wall's own churn, with why. */
  failures: number;
  reasons: string[];
  /** Resolves once the first connection is up. */
  ready: Promise<void>;
  stop: () => Promise<void>;
}

/**
 * A wall's live stream of `estateId` (every estate when null), reconnecting
 * with its last event id whenever the line drops, and, with `churn`, closing
 * and reopening it on its own every so often (a reload, a tab closed);
 * with `fromId`, every change after that one.
 */
export function openWall(base: string, estateId: number | null, churn?: [number, number], fromId?: number): Wall {
  let up!: () => void;
  const wall: Wall = { heard: new Map(), byStairwell: [], connects: 0, resyncs: [], failures: 0, reasons: [], ready: new Promise<void>((r) => (up = r)), stop: () => Promise.resolve() };
  // From a known change on, so that even a first connection that drops before any change arrives resumes where it was.
  let lastId: string | null = fromId === undefined ? null : String(fromId);
  let running = true;
  let current: AbortController | null = null;
  const done = (async () => {
    while (running) {
      const controller = (current = new AbortController());
      const timer = churn ? setTimeout(() => controller.abort(), churn[0] + Math.random() * (churn[1] - churn[0])) : null;
      try {
        const input = encodeURIComponent(JSON.stringify({ estateId, ...(lastId ? { lastEventId: lastId } : {}) }));
        const res = await fetch(`${base}/trpc/live.onChange?input=${input}`, { signal: controller.signal });
        if (!res.ok || !res.body) throw new Error(`status ${res.status}`);
        wall.connects += 1;
        up();
        const reader = res.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        let event = { id: '', data: '' };
        for (;;) {
          const { value, done: end } = await reader.read();
          if (end) break;
          buffer += decoder.decode(value, { stream: true });
          const lines = buffer.split('\n');
          buffer = lines.pop()!;
          const now = performance.now();
          for (const line of lines) {
            if (line.startsWith('id: ')) event.id = line.slice(4);
            else if (line.startsWith('data: ')) event.data = line.slice(6);
            else if (line === '') {
              if (event.id) lastId = event.id;
              if (event.id && event.data.startsWith('{"kind":"resync"')) wall.resyncs.push(Number(event.id));
              if (event.id && event.data.startsWith('{"kind":"flat"')) {
                wall.heard.set(Number(event.id), now);
                wall.byStairwell.push({ stairwellId: (JSON.parse(event.data) as { stairwellId: number }).stairwellId, at: now });
              }
              event = { id: '', data: '' };
            }
          }
        }
      } catch (e) {
        if (!controller.signal.aborted) {
          wall.failures += 1;
          const cause = (e as { cause?: { code?: string; message?: string } }).cause;
          wall.reasons.push([(e as Error).message, cause?.code, cause?.message].filter(Boolean).join(': '));
        }
      } finally {
        if (timer) clearTimeout(timer);
      }
      if (running && !controller.signal.aborted) await new Promise((r) => setTimeout(r, 250));
    }
  })();
  wall.stop = async () => {
    running = false;
    current?.abort();
    await done;
  };
  return wall;
}

export interface WriterResult {
  /** Visits the server acknowledged, by the phone's visit id. */
  acknowledged: string[];
  /** Requests that got no answer or a 5xx (each sent again until answered). */
  failed: number;
  /** Answers that refused the visit (4xx). */
  refused: number;
  seconds: number;
}

/**
 * `writers` phones, each visiting its own flats and toggling their status
 * (so every visit is one change), pausing `pauseMs` (±50 %) between visits.
 * A visit without an answer is sent again with the same id, as the phone's
 * queue does, until the server answers it.
 */
export function startWriters(bases: string[], cookie: string, flats: Flat[], writers: number, pauseMs: number, label = 'bench') {
  let running = true;
  const result: WriterResult = { acknowledged: [], failed: 0, refused: 0, seconds: 0 };
  const owned = Array.from({ length: writers }, (_, w) => flats.filter((_, i) => i % writers === w));
  const started = performance.now();
  let serial = 0;
  const done = Promise.all(
    owned.map(async (mine, w) => {
      const base = bases[w % bases.length]!;
      for (let i = 0; running && mine.length > 0; i++) {
        if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs * (0.5 + Math.random())));
        const f = mine[i % mine.length]!;
        const clientId = `${label}-${w}-${serial++}-${f.id}`;
        for (;;) {
          const res = await fetch(`${base}/trpc/canvass.recordVisit`, {
            method: 'POST',
            headers: { cookie, 'content-type': 'application/json' },
            body: JSON.stringify({ flatId: f.id, expectedVersion: f.version, clientId, outcome: 'talked', status: f.status === 'intent' ? 'undecided' : 'intent', concerns: [], compensation: [] }),
          }).catch(() => null);
          if (res?.ok) {
            const data = ((await res.json()) as { result: { data: { version: number; status: string } } }).result.data;
            f.version = data.version;
            f.status = data.status;
            result.acknowledged.push(clientId);
            break;
          }
          if (res && res.status < 500) {
            await res.text();
            result.refused += 1;
            break;
          }
          result.failed += 1;
          await res?.text().catch(() => undefined);
          // Stopping: a visit still without an answer is counted as failed, not sent again forever.
          if (!running) break;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    }),
  );
  return {
    stop: async (): Promise<WriterResult> => {
      running = false;
      await done;
      result.seconds = (performance.now() - started) / 1000;
      return result;
    },
  };
}

/**
 * /healthz asked every `everyMs` from a process of its own (bench/health-prober.mjs),
 * so that the benchmark's busy event loop is not measured with the server: each
 * answer's time, and the requests that got none.
 */
export function probeHealth(base: string, everyMs = 100) {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'health-prober.mjs'), base, String(everyMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return {
    stop: async (): Promise<{ times: number[]; failed: number }> => {
      child.kill('SIGTERM');
      await exited;
      return JSON.parse(out) as { times: number[]; failed: number };
    },
  };
}

/** How late this process's own event loop ran while measuring: if it is late, the client is measured, not the server. */
export function watchOwnLoop() {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  return () => {
    histogram.disable();
    return { p50Ms: histogram.percentile(50) / 1e6, p99Ms: histogram.percentile(99) / 1e6, maxMs: histogram.max / 1e6 };
  };
}

export const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))] ?? NaN;
};
