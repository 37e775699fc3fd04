import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerAs } from '../support/caller.ts';
import { seededDatabase, type SeededDatabase } from '../support/test-server.ts';

let store: SeededDatabase;
let staff: Awaited<ReturnType<typeof callerAs>>;
beforeAll(async () => {
  store = await seededDatabase();
  staff = await callerAs(store.db, 'planner');
});
afterAll(() => store?.close());

describe('the per-flat 征询意见表 and the phone', () => {
  it('print the same share for each flat: its own, not its floor’s total', async () => {
    const [s] = await store.sql<{ id: number }>("SELECT id FROM stairwells WHERE stage = 'canvassing' ORDER BY id LIMIT 1");
    const papers = await staff.stages.papers({ stairwellId: s!.id });
    const phone = await staff.canvass.register({ stairwellId: s!.id });
    const onPhone = new Map(phone.register.map((f) => [f.id, f.cost?.flatPaysYuan ?? null]));
    expect(papers.flats.length).toBe(24);
    for (const f of papers.flats) expect(f.paysYuan, f.room).toBe(onPhone.get(f.id));
    // Four flats share a floor: each pays a part of the floor's total, never the whole.
    const floor2 = papers.cost.floors.find((x) => x.floor === 2)!;
    for (const f of papers.flats.filter((x) => x.floor === 2)) expect(f.paysYuan!).toBeLessThan(floor2.floorPaysYuan);
  });
});
