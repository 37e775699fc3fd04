import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateStairwell, type HouseholdStatus } from '../../geo/consent/index.ts';
import type { MapColorKey } from '../../geo/palette/index.ts';
import { mapColorKey } from '../../geo/palette/index.ts';
import type { Stage } from '../../geo/stages/stages.ts';
import { addDays } from '../../geo/time/index.ts';
import type { AppRouter } from '../../server/routers/_app.ts';
import { expectNoPersonalData } from '../support/personal-data.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let trpc: ReturnType<typeof createTRPCClient<AppRouter>>;
beforeAll(async () => {
  server = await startTestServer();
  trpc = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${server.url}/trpc` })] });
});
afterAll(() => server.close());

/** The map at the end of `date`, straight from SQL: each flat's last status and each stairwell's last stage by then. */
function stateFromDatabase(date: string): Map<number, { colorKey: MapColorKey; passed: boolean }> {
  const end = `${date}T23:59:59+08:00`;
  const sqlite = server.sqlite;
  const flats = sqlite
    .prepare(
      `SELECT f.id, f.stairwell_id AS stairwellId, f.voter_id AS voterId, f.area_centi_m2 AS area,
              (SELECT e.to_status FROM consent_events e WHERE e.flat_id = f.id AND e.at <= ? ORDER BY e.at DESC, e.id DESC LIMIT 1) AS status
       FROM flats f`,
    )
    .all(end) as { id: number; stairwellId: number; voterId: number; area: number | null; status: HouseholdStatus | null }[];
  const stages = new Map(
    (
      sqlite
        .prepare(
          `SELECT s.id, (SELECT e.to_stage FROM stage_events e WHERE e.stairwell_id = s.id AND e.at <= ? ORDER BY e.at DESC, e.id DESC LIMIT 1) AS stage FROM stairwells s`,
        )
        .all(end) as { id: number; stage: Stage | null }[]
    ).map((r) => [r.id, r.stage ?? 'canvassing']),
  );
  const result = new Map<number, { colorKey: MapColorKey; passed: boolean }>();
  for (const [stairwellId, stage] of stages) {
    const e = evaluateStairwell(
      flats
        .filter((f) => f.stairwellId === stairwellId)
        .map((f) => ({ flatId: String(f.id), voterId: String(f.voterId), areaM2: f.area === null ? null : f.area / 100, status: f.status ?? 'unvisited' })),
    );
    result.set(stairwellId, { colorKey: mapColorKey(stage, e.bin), passed: e.complete && e.result.passed });
  }
  return result;
}

describe('history over tRPC', () => {
  it('replays to exactly the database state at past dates and today', async () => {
    const replay = await trpc.history.replay.query({ estateId: 1 });
    expect(replay.days.length).toBeGreaterThanOrEqual(60);
    const state = new Map<number, { colorKey: MapColorKey; passed: boolean }>();
    const checkpoints = new Set([replay.from, addDays(replay.from, 10), addDays(replay.from, 30), addDays(replay.from, 45), replay.to]);
    let checked = 0;
    for (const day of replay.days) {
      for (const [id, colorKey, passed] of day.changes) state.set(id, { colorKey, passed });
      if (!checkpoints.has(day.date)) continue;
      expect(Object.fromEntries(state), day.date).toEqual(Object.fromEntries(stateFromDatabase(day.date)));
      expect(day.stairwellsPassed).toBe([...state.values()].filter((s) => s.passed).length);
      checked++;
    }
    expect(checked).toBe(5);
    const map = await trpc.estate.map.query({ estateId: 1 });
    for (const f of map.layers.stairwells.features) expect(state.get(f.properties.id)?.colorKey, f.properties.doorNumber).toBe(f.properties.colorKey);
  });

  it('gives the wall the same daily figures without the map changes', async () => {
    const [progress, replay] = await Promise.all([trpc.history.progress.query({ estateId: 1 }), trpc.history.replay.query({ estateId: 1 })]);
    expect(progress.days).toEqual(replay.days.map(({ date, stairwellsPassed, flatsSigned }) => ({ date, stairwellsPassed, flatsSigned })));
    expect(progress.days[0]!.flatsSigned).toBeLessThan(progress.days.at(-1)!.flatsSigned);
  });
});

describe('the presentation deck', () => {
  it('has no phasing slide before a plan is saved, and the saved plan after', async () => {
    const before = await trpc.present.deck.query({ estateId: 1 });
    expect(before.phasing).toBeNull();
    const params = await trpc.plan.defaults.query();
    await trpc.plan.save.mutate({ estateId: 1, name: '方案甲', params, moves: [] });
    const after = await trpc.present.deck.query({ estateId: 1 });
    expect(after.phasing?.scenarioName).toBe('方案甲');
    expect(after.phasing!.phases.length).toBeGreaterThan(0);
    expect(after.phasing!.phases[0]!.doorNumbers.length).toBe(after.phasing!.phases[0]!.stairwellIds.length);
    expect(after.parking!.served).toBeGreaterThan(0);
    expect(after.parking!.served + after.parking!.waiting).toBe(after.parking!.claimants);
    expect(after.parking!.zones.features.length).toBeGreaterThan(0);
  });

  it('carries no personal field in anything /wall or /present reads', async () => {
    const responses = await Promise.all([
      trpc.estate.map.query({ estateId: 1 }),
      trpc.history.progress.query({ estateId: 1 }),
      trpc.history.replay.query({ estateId: 1 }),
      trpc.present.deck.query({ estateId: 1 }),
      trpc.live.recent.query({ estateId: 1, limit: 100 }),
      trpc.live.leaderboard.query({ estateId: 1 }),
    ]);
    const wire = JSON.stringify(responses);
    expectNoPersonalData(wire);
    expect(JSON.stringify(responses.slice(1, 4))).not.toMatch(/"room"|"flatId"|"voterId"/);
  });
});
