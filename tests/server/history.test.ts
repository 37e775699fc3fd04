import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressByDay, stateAt } from '../../geo/history/index.ts';
import { addDays, shanghaiDay } from '../../geo/time/index.ts';
import { loadHistory } from '../../server/queries/history.ts';
import { loadStairwellStates } from '../../server/queries/stairwell-states.ts';
import { callerAs } from '../support/caller.ts';
import { seededDatabase, type SeededDatabase } from '../support/test-server.ts';

let server: SeededDatabase;
beforeAll(async () => {
  server = await seededDatabase();
});
afterAll(() => server.close());

const today = () => shanghaiDay(new Date());

describe('replaying the history', () => {
  it('gives exactly the stored state when replayed to today', async () => {
    const h = await loadHistory(server.db, 1);
    const replayed = new Map(stateAt(h.flats, h.consent, h.stages, today()).map((s) => [s.stairwellId, s]));
    for (const s of await loadStairwellStates(server.db, 1)) {
      expect(replayed.get(s.row.id), s.row.doorNumber).toMatchObject({ stage: s.row.stage, colorKey: s.colorKey, flatsSigned: s.consent.flatsSigned });
    }
  });

  it('still does after a visit recorded through the app', async () => {
    const client = await callerAs(server.db, 'planner');
    const map = await client.estate.map({ estateId: 1 });
    const target = map.layers.stairwells.features.find((f) => f.properties.flatsToPassCount === 1)!;
    const detail = await client.stairwell.detail({ stairwellId: target.properties.id });
    const todo = detail.evaluation.complete ? detail.evaluation.todo[0]! : null;
    const version = (await client.canvass.register({ stairwellId: target.properties.id })).register.find((f) => f.id === todo!.flatId)!.version;
    await client.canvass.recordVisit({ flatId: todo!.flatId, expectedVersion: version, clientId: 'history-test-1', outcome: 'talked', status: 'signed', concerns: [], compensation: [] });
    const h = await loadHistory(server.db, 1);
    const now = stateAt(h.flats, h.consent, h.stages, today()).find((s) => s.stairwellId === target.properties.id)!;
    expect(now.passed).toBe(true);
    const yesterday = stateAt(h.flats, h.consent, h.stages, addDays(today(), -1)).find((s) => s.stairwellId === target.properties.id)!;
    expect(yesterday.passed).toBe(false);
  });

  it('shows the campaign growing day by day from nothing but the pilot lifts', async () => {
    const h = await loadHistory(server.db, 1);
    const days = Array.from({ length: 62 }, (_, i) => addDays('2026-09-24', i));
    const series = progressByDay(h.flats, h.consent, h.stages, days);
    // Only the three pilot lifts, built in 2024–25, stand before the campaign's first signature.
    expect(series[0]).toEqual({ date: '2026-09-24', stairwellsConfirmed: 3, stairwellsRuleMet: 0, flatsSigned: 0 });
    for (let i = 1; i < series.length; i++) expect(series[i]!.flatsSigned).toBeGreaterThanOrEqual(series[i - 1]!.flatsSigned);
    expect(series.at(-1)!.stairwellsConfirmed + series.at(-1)!.stairwellsRuleMet).toBeGreaterThanOrEqual(20);
  });
});
