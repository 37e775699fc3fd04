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

describe('the demo campaign’s notices', () => {
  it('mark every counted vote verified in every seeded stairwell at 征询通过 or later, so none says 通过 above 未核验 rows', async () => {
    const confirmed = await store.sql<{ id: number; door: string }>("SELECT id, door_number AS door FROM stairwells WHERE stage NOT IN ('canvassing', 'suspended') ORDER BY id");
    expect(confirmed.length).toBeGreaterThanOrEqual(15);
    for (const s of confirmed) {
      const papers = await staff.stages.papers({ stairwellId: s.id });
      expect([s.door, papers.unverifiedRooms], s.door).toEqual([s.door, 0]);
      expect(papers.result?.passed, s.door).toBe(true);
      expect(papers.flats.filter((f) => f.vote !== 'none').every((f) => f.verified && f.verifiedBy !== null), s.door).toBe(true);
    }
  });

  it('leave the 已达标待确认 stairwells a queue to verify (待核验), not votes without evidence, so staff can confirm them at once', async () => {
    const queue = await staff.evidence.queue({ estateId: 1 });
    const map = await staff.estate.map({ estateId: 1 });
    const ruleMet = map.layers.stairwells.features.map((f) => f.properties).filter((p) => p.stage === 'canvassing' && p.passed);
    expect(ruleMet.length).toBeGreaterThan(0);
    for (const p of ruleMet) {
      const line = queue.stairwells.find((s) => s.stairwellId === p.id)!;
      expect(line.missing, p.doorNumber).toEqual([]);
    }
    expect(ruleMet.some((p) => queue.stairwells.find((s) => s.stairwellId === p.id)!.pending.length > 0)).toBe(true);
    // Elsewhere a few votes still need their evidence (待补证), as a campaign has.
    expect(queue.stairwells.some((s) => s.missing.length > 0)).toBe(true);
  });
});

describe('/admin’s stage table (stages.pipeline)', () => {
  it('says before anyone tries how many votes a 已达标 stairwell still needs verified, and flags a confirmed one whose vote was sent back', async () => {
    const before = await staff.stages.pipeline({ estateId: 1 });
    const confirmed = before.stairwells.filter((s) => s.stage !== 'canvassing' && s.stage !== 'suspended');
    expect(confirmed.every((s) => s.unverifiedVotes === 0)).toBe(true);
    const waiting = before.stairwells.filter((s) => s.stage === 'canvassing' && s.ruleMet);
    expect(waiting.some((s) => s.unverifiedVotes > 0)).toBe(true);

    // Staff cannot send back a confirmed stairwell's vote (they undo 征询通过 first); a campaign's older records can still
    // hold one confirmed before its votes were verified, as this one now does.
    const target = confirmed[0]!;
    const [vote] = await store.sql<{ id: number }>(`SELECT id FROM vote_evidence WHERE stairwell_id = ${target.id} AND review = 'verified' ORDER BY id LIMIT 1`);
    await expect(staff.evidence.review({ evidenceId: vote!.id, verdict: 'rejected', note: '签名与名册不符' })).rejects.toThrow(/门洞已确认征询通过，凭证不能退回/);
    await store.sql(`UPDATE vote_evidence SET review = 'rejected', review_note = '签名与名册不符' WHERE id = ${vote!.id}`);
    const after = await staff.stages.pipeline({ estateId: 1 });
    expect(after.stairwells.find((s) => s.id === target.id)!.unverifiedVotes).toBe(1);
    const papers = await staff.stages.papers({ stairwellId: target.id });
    expect(papers.unverifiedRooms).toBe(1);
  });
});
