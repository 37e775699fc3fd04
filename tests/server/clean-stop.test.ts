import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { sessionCookieFor } from '../support/sign-in.ts';
import { ON_POSTGRES } from '../support/test-database.ts';
import { ROOT } from '../support/test-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'liftmap-stop-'));
const file = join(dir, 'liftmap.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** `npm start`'s server (server/main.ts) on `port`, as systemd runs it; resolves once it serves. */
async function start(port: number): Promise<{ child: ChildProcess; exited: Promise<number | null>; output: () => string }> {
  const { LIFTMAP_DATABASE_URL: _elsewhere, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'main.ts')], {
    cwd: ROOT,
    env: { ...inherited, LIFTMAP_DB: file, PORT: String(port), HOST: '127.0.0.1', LIFTMAP_BACKUP_TIME: 'off', LIFTMAP_CLIENT_DIR: join(dir, 'no-client') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  let gone = false;
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  void exited.then(() => (gone = true));
  for (let i = 0; i < 600 && !gone && !/LiftMap is serving/.test(out); i++) await new Promise((r) => setTimeout(r, 100));
  if (!/LiftMap is serving/.test(out)) throw new Error(`no server: ${out}`);
  return { child, exited, output: () => out };
}

/**
 * A wall's live stream as the browser keeps it: it reads changes, and when
 * the line drops it reconnects with the last event id it had.
 */
function wall(base: () => string, since: number) {
  const heard = new Set<number>();
  // From the log's last id on: every change written after the wall opened reaches it, however soon.
  let lastId: string | null = String(since);
  let running = true;
  const done = (async () => {
    while (running) {
      try {
        const input = encodeURIComponent(JSON.stringify({ estateId: 1, ...(lastId ? { lastEventId: lastId } : {}) }));
        const res = await fetch(`${base()}/trpc/live.onChange?input=${input}`);
        const reader = res.body!.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        // One event per block of lines: its data, then its id.
        let event = { id: '', flat: false };
        while (running) {
          const { value, done: end } = await reader.read();
          if (end) break;
          buffer += decoder.decode(value, { stream: true });
          const lines = buffer.split('\n');
          buffer = lines.pop()!;
          for (const line of lines) {
            if (line.startsWith('id: ')) event.id = line.slice(4);
            else if (line.startsWith('data: {"kind":"flat"')) event.flat = true;
            else if (line === '') {
              if (event.id) lastId = event.id;
              if (event.id && event.flat) heard.add(Number(event.id));
              event = { id: '', flat: false };
            }
          }
        }
        if (!running) await reader.cancel().catch(() => undefined);
      } catch {
        // The server is away: try again, as the wall does.
      }
      if (running) await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return {
    heard,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

describe.skipIf(ON_POSTGRES)('a server stopped by systemd or a container (SIGTERM) while it writes', () => {
  it('answers every request in flight, exits 0, loses no acknowledged write, and every wall resumes after the restart with what it missed', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let server = await start(port);
    const added = runCli('user', file, 'add', 'night-planner', '--role', 'planner');
    const password = /with password (\S+)/.exec(added.out)![1]!;
    const cookie = await sessionCookieFor(base, 'night-planner', password);
    const reader = new Database(file, { readonly: true });
    const flats = reader
      .prepare("SELECT min(id) AS id, min(version) AS version, min(status) AS status FROM flats WHERE status IN ('unvisited', 'undecided', 'intent') GROUP BY voter_id HAVING count(*) = 1 LIMIT 60")
      .all() as { id: number; version: number; status: string }[];
    const startId = (reader.prepare('SELECT coalesce(max(id), 0) AS id FROM change_log').get() as { id: number }).id;
    const walls = Array.from({ length: 3 }, () => wall(() => base, startId));

    // Ten phones, each visiting its own flats and changing each one's status; a visit that gets no answer is sent again (same id) until one comes.
    const acknowledged: string[] = [];
    /** Until the phones have had `n` visits acknowledged (a minute at most): the phones' pace, not the clock's. */
    const acknowledgedReach = async (n: number) => {
      for (let i = 0; i < 1_200 && acknowledged.length < n; i++) await new Promise((r) => setTimeout(r, 50));
    };
    let writing = true;
    const phones = Array.from({ length: 10 }, async (_, p) => {
      for (let i = 0; writing; i++) {
        const f = flats[(p + i * 10) % flats.length]!;
        const clientId = `stop-${p}-${i}-${f.id}`;
        for (;;) {
          const sent = await fetch(`${base}/trpc/canvass.recordVisit`, {
            method: 'POST',
            headers: { cookie, 'content-type': 'application/json' },
            body: JSON.stringify({ flatId: f.id, expectedVersion: f.version, clientId, outcome: 'talked', status: f.status === 'intent' ? 'undecided' : 'intent', concerns: [], compensation: [] }),
          }).catch(() => null);
          const body = sent?.ok ? ((await sent.json()) as { result: { data: { version: number; status: string } } }) : null;
          if (body) {
            f.version = body.result.data.version;
            f.status = body.result.data.status;
            acknowledged.push(clientId);
            break;
          }
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    });
    await acknowledgedReach(20);
    const beforeStop = acknowledged.length;
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/stopped on SIGTERM: every request answered, the database closed/);
    server = await start(port);
    await acknowledgedReach(beforeStop + 20);
    writing = false;
    await Promise.all(phones);
    expect(beforeStop).toBeGreaterThan(10);
    expect(acknowledged.length).toBeGreaterThan(beforeStop);

    // Every acknowledged visit is in the database…
    const stored = new Set((reader.prepare('SELECT client_id AS id FROM visits').all() as { id: string }[]).map((r) => r.id));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    // …and every wall heard every change, those made while it was away included.
    const changes = (reader.prepare("SELECT id FROM change_log WHERE id > ? AND kind = 'flat' ORDER BY id").all(startId) as { id: number }[]).map((r) => r.id);
    for (let i = 0; i < 50 && walls.some((w) => changes.some((id) => !w.heard.has(id))); i++) await new Promise((r) => setTimeout(r, 100));
    for (const w of walls) expect(changes.filter((id) => !w.heard.has(id))).toEqual([]);
    expect(changes.length).toBe(acknowledged.length);
    await Promise.all(walls.map((w) => w.stop()));
    reader.close();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
