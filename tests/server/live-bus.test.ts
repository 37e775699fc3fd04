import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { LiveBus } from '../../server/live/live-bus.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let dir: string;
let database: TestDatabase;
let bus: LiveBus;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'liftmap-bus-'));
  database = await openTestDatabase(join(dir, 'bus.db'));
  bus = new LiveBus(database.db, 20);
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

const log = async (estateId: number, n = 1) => {
  const { changeLog } = database.db.t;
  for (let i = 0; i < n; i++) {
    const change = { kind: 'settings' as const, estateId, at: new Date().toISOString() };
    await database.db.insert(changeLog).values({ estateId, kind: change.kind, payload: change, at: change.at });
  }
  bus.poke();
};

describe('a wall that goes away', () => {
  it('ends its stream with done when its signal aborts while a next() is pending, never rejecting it (Node exits on an unhandled rejection)', async () => {
    const controller = new AbortController();
    const stream = bus.changes(1, null, controller.signal);
    // tRPC's ping wrapper asks for the next change before the last one is written out, and may stop awaiting it.
    const first = stream.next();
    await log(1);
    expect((await first).value).toMatchObject({ change: { kind: 'settings', estateId: 1 } });
    const pending = stream.next();
    let settled: 'resolved' | 'rejected' | null = null;
    pending.then(
      () => (settled = 'resolved'),
      () => (settled = 'rejected'),
    );
    controller.abort();
    await new Promise((r) => setTimeout(r, 10));
    expect(settled).toBe('resolved');
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(bus.screens).toBe(0);
  });

  it('ends at once for a signal already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await bus.changes(1, null, controller.signal).next()).toEqual({ done: true, value: undefined });
    expect(bus.screens).toBe(0);
  });

  it('tells a wall that stopped reading to re-read everything instead of queueing without end', async () => {
    const controller = new AbortController();
    const stream = bus.changes(2, null, controller.signal);
    const first = stream.next();
    await log(2);
    await first;
    await log(2, 1_200);
    await new Promise((r) => setTimeout(r, 100));
    const kinds: string[] = [];
    for (;;) {
      const next = await Promise.race([stream.next(), new Promise<null>((r) => setTimeout(() => r(null), 100))]);
      if (!next || next.done) break;
      kinds.push(next.value.change.kind);
    }
    controller.abort();
    expect(kinds.length).toBeLessThan(1_000);
    expect(kinds).toContain('resync');
  });

  it('ends every open stream when the server stops, so each wall reconnects with its last event id', async () => {
    const streams = [bus.changes(1, null, undefined), bus.changes(null, null, undefined)];
    const pending = streams.map((s) => s.next());
    await new Promise((r) => setTimeout(r, 10));
    expect(bus.screens).toBe(2);
    bus.endAll();
    expect(await Promise.all(pending)).toEqual([{ done: true, value: undefined }, { done: true, value: undefined }]);
    expect(bus.screens).toBe(0);
  });
});
