import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerAs } from '../support/caller.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** The raw server-sent events of one connection until `enough` says stop. */
async function readEvents(path: string, headers: Record<string, string>, enough: (events: { event: string; data: string; id: string }[]) => boolean, during?: () => Promise<void>) {
  const controller = new AbortController();
  const res = await fetch(`${server.url}${path}`, { headers, signal: controller.signal });
  const events: { event: string; data: string; id: string }[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let current = { event: 'message', data: '', id: '' };
  const reading = (async () => {
    while (!enough(events)) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('event: ')) current.event = line.slice(7);
        else if (line.startsWith('data: ')) current.data = line.slice(6);
        else if (line.startsWith('id: ')) current.id = line.slice(4);
        else if (line === '' && (current.data || current.event !== 'message')) {
          events.push(current);
          current = { event: 'message', data: '', id: '' };
        }
      }
    }
  })();
  await during?.();
  await reading;
  controller.abort();
  return { res, events };
}

/** The change log's last id: a stream resuming after it hears every change written from now on, however soon. */
const lastId = async () => String((await server.sql<{ id: number }>('SELECT coalesce(max(id), 0) AS id FROM change_log'))[0]!.id);

const stream = (input: unknown) => `/trpc/live.onChange?input=${encodeURIComponent(JSON.stringify(input))}`;

describe('the live stream as tRPC’s subscription link reads it', () => {
  it('says connected with the client’s reconnect setting, then each change as its data and id, door and floor only', async () => {
    const planner = await callerAs(server.db, 'planner');
    const flat = (await server.sql<{ id: number; version: number }>('SELECT id, version FROM flats WHERE status = ? LIMIT 1', 'unvisited'))[0]!;
    const { res, events } = await readEvents(stream({ estateId: 1 }), { 'last-event-id': await lastId() }, (e) => e.some((x) => x.data.includes('"kind":"flat"')), async () => {
      await planner.canvass.recordVisit({ flatId: flat.id, expectedVersion: flat.version, clientId: 'stream-visit-1', outcome: 'talked', status: 'undecided', concerns: [], compensation: [] });
    });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(events[0]).toEqual({ event: 'connected', data: '{"reconnectAfterInactivityMs":12000}', id: '' });
    const change = events.find((e) => e.data.includes('"kind":"flat"'))!;
    expect(change.event).toBe('message');
    expect(Number(change.id)).toBeGreaterThan(0);
    expect(Object.keys(JSON.parse(change.data) as object).sort()).toEqual(['at', 'colorKey', 'doorNumber', 'estateId', 'floor', 'from', 'kind', 'passedNow', 'stairwellId', 'to']);
    // The colour the wall draws at once is the one the map gives the stairwell after the change.
    const heard = JSON.parse(change.data) as { stairwellId: number; colorKey: string };
    const map = await planner.estate.map({ estateId: 1 });
    expect(heard.colorKey).toBe(map.layers.stairwells.features.find((f) => f.properties.id === heard.stairwellId)!.properties.colorKey);
  });

  it('names the colour a stage change leaves the stairwell in, so an open wall recolours it without re-reading the map', async () => {
    const planner = await callerAs(server.db, 'planner');
    const [row] = await server.sql<{ id: number }>("SELECT id FROM stairwells WHERE stage = 'canvassing' ORDER BY id DESC LIMIT 1");
    const stageEvents = (events: { data: string }[]) => events.filter((e) => e.data.includes('"kind":"stage"')).map((e) => JSON.parse(e.data) as { to: string; colorKey: string });
    const { events } = await readEvents(stream({ estateId: 1 }), { 'last-event-id': await lastId() }, (e) => stageEvents(e).length >= 2, async () => {
      await planner.stages.set({ stairwellId: row!.id, to: 'suspended', reason: '施工单位未定' });
      await planner.stages.set({ stairwellId: row!.id, to: 'canvassing' });
    });
    const [suspended, resumed] = stageEvents(events);
    expect(suspended).toMatchObject({ to: 'suspended', colorKey: 'suspended' });
    const map = await planner.estate.map({ estateId: 1 });
    expect(resumed!.colorKey).toBe(map.layers.stairwells.features.find((f) => f.properties.id === row!.id)!.properties.colorKey);
    expect(resumed!.colorKey).not.toBe('suspended');
  });

  it('resumes after the Last-Event-ID the browser sends on reconnecting, with what the screen missed', async () => {
    const planner = await callerAs(server.db, 'planner');
    const [{ id: before }] = (await server.sql<{ id: number }>('SELECT max(id) AS id FROM change_log')) as [{ id: number }];
    const flats = await server.sql<{ id: number; version: number }>('SELECT id, version FROM flats WHERE status = ? LIMIT 2', 'unvisited');
    for (const [i, f] of flats.entries())
      await planner.canvass.recordVisit({ flatId: f.id, expectedVersion: f.version, clientId: `stream-missed-${i}`, outcome: 'talked', status: 'undecided', concerns: [], compensation: [] });
    const { events } = await readEvents(stream({ estateId: 1 }), { 'last-event-id': String(before) }, (e) => e.filter((x) => x.data.includes('"kind":"flat"')).length >= 2);
    expect(events.filter((e) => e.data.includes('"kind":"flat"')).map((e) => Number(e.id))).toEqual([before + 1, before + 2]);
  });

  it('refuses an input that is not a live stream’s, naming it, with a 400', async () => {
    const res = await fetch(`${server.url}${stream({ estateId: 'x' })}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^输入有误：estateId: /);
  });
});
