import { eq } from 'drizzle-orm';
import { addUser } from '../server/auth/manage-users.ts';
import { flats } from '../server/db/schema.ts';
import { signIn } from '../tests/support/sign-in.ts';
import type { TestServer } from '../tests/support/test-server.ts';

/**
 * Milliseconds from sending a visit (canvass.recordVisit) to the change
 * arriving on a live.onChange server-sent-event stream, as the wall hears it.
 */
export async function liveLatency(server: TestServer, runs: number) {
  const username = `bench-${Date.now()}`;
  const password = addUser(server.db, username, 'planner');
  const client = await signIn(server.url, username, password);
  const all = server.db.select({ id: flats.id, voterId: flats.voterId, status: flats.status }).from(flats).all();
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
    await client.canvass.recordVisit.mutate({ flatId: f.id, expectedVersion: server.db.select({ v: flats.version }).from(flats).where(eq(flats.id, f.id)).get()!.v, clientId: `bench-live-${i}-${f.id}`, outcome: 'talked', status: 'undecided', concerns: [], compensation: [] });
    await arrived;
    times.push(performance.now() - start);
  }
  await reader.cancel();
  times.sort((a, b) => a - b);
  return { name: 'visit recorded → change on the live SSE stream', runs: times.length, medianMs: times[Math.floor(times.length / 2)] ?? NaN, p99Ms: times[Math.ceil(times.length * 0.99) - 1] ?? NaN, maxMs: times.at(-1) ?? NaN };
}
