import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConfirmed } from '../../geo/campaign/index.ts';
import type { MapColorKey } from '../../geo/palette/index.ts';
import { isStage } from '../../geo/stages/index.ts';
import { addDays } from '../../geo/time/index.ts';
import { stateFromDatabase } from '../support/history-sql.ts';
import { expectNoPersonalData } from '../support/personal-data.ts';
import { callerAs } from '../support/caller.ts';
import { seededDatabase, type SeededDatabase } from '../support/test-server.ts';

let server: SeededDatabase;
let trpc: Awaited<ReturnType<typeof callerAs>>;
beforeAll(async () => {
  server = await seededDatabase();
  trpc = await callerAs(server.db, 'planner');
});
afterAll(() => server.close());

describe('history through the router', () => {
  it('replays to exactly the database state at past dates and today', async () => {
    const replay = await trpc.history.replay({ estateId: 1 });
    expect(replay.days.length).toBeGreaterThanOrEqual(60);
    const state = new Map<number, { colorKey: MapColorKey; passed: boolean }>();
    const checkpoints = new Set([replay.from, addDays(replay.from, 10), addDays(replay.from, 30), addDays(replay.from, 45), replay.to]);
    let checked = 0;
    for (const day of replay.days) {
      for (const [id, colorKey, passed] of day.changes) state.set(id, { colorKey, passed });
      if (!checkpoints.has(day.date)) continue;
      expect(Object.fromEntries(state), day.date).toEqual(Object.fromEntries(await stateFromDatabase(server, day.date)));
      expect(day.stairwellsRuleMet).toBe([...state.values()].filter((s) => s.colorKey === 'passed').length);
      expect(day.stairwellsConfirmed).toBe([...state.values()].filter((s) => isStage(s.colorKey) && isConfirmed(s.colorKey)).length);
      checked++;
    }
    expect(checked).toBe(5);
    const map = await trpc.estate.map({ estateId: 1 });
    for (const f of map.layers.stairwells.features) expect(state.get(f.properties.id)?.colorKey, f.properties.doorNumber).toBe(f.properties.colorKey);
  });

  it('gives the wall the same daily figures without the map changes', async () => {
    const [progress, replay] = await Promise.all([trpc.history.progress({ estateId: 1 }), trpc.history.replay({ estateId: 1 })]);
    expect(progress.days).toEqual(replay.days.map(({ date, stairwellsConfirmed, stairwellsRuleMet, flatsSigned }) => ({ date, stairwellsConfirmed, stairwellsRuleMet, flatsSigned })));
    expect(progress.days[0]!.flatsSigned).toBeLessThan(progress.days.at(-1)!.flatsSigned);
  });
});

describe('the presentation deck', () => {
  it('has no phasing slide before a plan is saved, and the saved plan after', async () => {
    const before = await trpc.present.deck({ estateId: 1 });
    expect(before.phasing).toBeNull();
    const params = await trpc.plan.defaults();
    await trpc.plan.save({ estateId: 1, name: '方案甲', params, moves: [] });
    const after = await trpc.present.deck({ estateId: 1 });
    expect(after.phasing?.scenarioName).toBe('方案甲');
    expect(after.phasing!.phases.length).toBeGreaterThan(0);
    expect(after.phasing!.phases[0]!.doorNumbers.length).toBe(after.phasing!.phases[0]!.stairwellIds.length);
    expect(after.parking!.served).toBeGreaterThan(0);
    expect(after.parking!.served + after.parking!.waiting).toBe(after.parking!.claimants);
    expect(after.parking!.zones.features.length).toBeGreaterThan(0);
  });

  it('counts the people behind the doors: branch work and promises made and kept, per kind, with nothing about a household', async () => {
    const { people } = await trpc.present.deck({ estateId: 1 });
    expect(people.branch.stairwells).toBe(80);
    expect(people.branch.branches).toBeGreaterThan(0);
    expect(people.coverage.filter((c) => c.gaps.length > 0).length).toBe(80 - people.branch.fullyCovered);
    const made = people.promises.reduce((n, p) => n + p.made, 0);
    const kept = people.promises.reduce((n, p) => n + p.kept, 0);
    expect(made).toBeGreaterThan(kept);
    expect(kept).toBeGreaterThan(0);
    expect(people.promises.map((p) => p.kind)).toContain('drying_rack');
    expect(people.stairwellsAllKept).toBeGreaterThan(0);
    expect(people.stairwellsAllKept).toBeLessThan(people.stairwellsWithPromises);
    expect(JSON.stringify(people)).not.toMatch(/"room"|"flatId"|"name"|"canvasserId"/);
  });

  it('carries no personal field in anything /wall or /present reads', async () => {
    const responses = await Promise.all([
      trpc.estate.map({ estateId: 1 }),
      trpc.history.progress({ estateId: 1 }),
      trpc.history.replay({ estateId: 1 }),
      trpc.present.deck({ estateId: 1 }),
      trpc.live.recent({ estateId: 1, limit: 100 }),
      trpc.live.leaderboard({ estateId: 1 }),
      trpc.teams.coverage({ estateId: 1 }),
    ]);
    const wire = JSON.stringify(responses);
    expectNoPersonalData(wire);
    expect(JSON.stringify(responses.slice(1, 4))).not.toMatch(/"room"|"flatId"|"voterId"/);
  });
});
