import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { perChange } from '../../server/queries/per-change-cache.ts';
import { callerAs } from '../support/caller.ts';
import { seededDatabase, type SeededDatabase } from '../support/test-server.ts';

let server: SeededDatabase;
beforeAll(async () => {
  server = await seededDatabase();
});
afterAll(() => server.close());

describe('a public result computed once per change of its estate', () => {
  it('is shared by every request until a visit, a stage or another process changes the estate, or the day turns', async () => {
    let computed = 0;
    const cached = perChange((_db, estateId) => Promise.resolve({ estateId, n: ++computed }));
    const now = new Date('2026-12-07T10:00:00+08:00');
    const answers = await Promise.all(Array.from({ length: 20 }, () => cached(server.db, 1, now)));
    expect(new Set(answers.map((a) => a.n))).toEqual(new Set([1]));
    expect(computed).toBe(1);

    const planner = await callerAs(server.db, 'planner');
    const flat = (await server.sql<{ id: number; version: number }>('SELECT id, version FROM flats WHERE status = ? LIMIT 1', 'unvisited'))[0]!;
    await planner.canvass.recordVisit({ flatId: flat.id, expectedVersion: flat.version, clientId: 'cache-visit-1', outcome: 'talked', status: 'undecided', concerns: [], compensation: [] });
    expect((await cached(server.db, 1, now)).n).toBe(2);
    expect((await cached(server.db, 1, now)).n).toBe(2);
    // Written by another process straight into the database: the revision triggers move it too.
    await server.sqlElsewhere('UPDATE flats SET note = ? WHERE id = ?', '另一进程', flat.id);
    expect((await cached(server.db, 1, now)).n).toBe(3);
    expect((await cached(server.db, 1, new Date('2026-12-08T10:00:00+08:00'))).n).toBe(4);
  });

  it('does not keep a refusal: an estate that does not exist yet is asked again', async () => {
    let calls = 0;
    const cached = perChange(() => {
      calls += 1;
      return Promise.reject(new Error('no such estate'));
    });
    await expect(cached(server.db, 999, new Date())).rejects.toThrow('no such estate');
    await expect(cached(server.db, 999, new Date())).rejects.toThrow('no such estate');
    expect(calls).toBe(2);
  });
});
