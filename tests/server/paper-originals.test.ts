import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerAs } from '../support/caller.ts';
import { refusal } from '../support/refusal.ts';
import { seededDatabase, type SeededDatabase } from '../support/test-server.ts';

let store: SeededDatabase;
/** The commands' clock: fixed, never today's date. */
const clock = new Date('2027-01-04T10:00:00+08:00');
let staff: Awaited<ReturnType<typeof callerAs>>;
/** A stairwell that meets the rule on signed votes and is not yet confirmed, its written votes on paper: their phone evidence sent back. */
let target: { id: number; door: string };

type Flat = { id: number; room: string; status: string; voterId: number };
const flatsOf = (id: number) => store.sql<Flat>('SELECT id, room, status, voter_id AS "voterId" FROM flats WHERE stairwell_id = ? ORDER BY floor, room', id);
const written = (f: Flat) => ['signed', 'opposed', 'abstain'].includes(f.status);

beforeAll(async () => {
  store = await seededDatabase();
  staff = await callerAs(store.db, 'planner', { now: () => clock });
  const map = await staff.estate.map({ estateId: 1 });
  const s = map.layers.stairwells.features.map((f) => f.properties).find((p) => p.stage === 'canvassing' && p.passed)!;
  target = { id: s.id, door: s.doorNumber };
  // As a committee adopting the app finds it: the votes are on paper forms in a folder, nothing evidenced in the app.
  await store.sql("UPDATE vote_evidence SET review = 'rejected', review_note = '改用纸质原件', reviewed_by = recorded_by WHERE stairwell_id = ?", target.id);
});
afterAll(() => store?.close());

describe('纸质原件存档: votes signed on paper, verified against the originals', () => {
  it('records where each original is kept, verifies the votes at once, and lets the stairwell be confirmed', async () => {
    const flats = (await flatsOf(target.id)).filter(written);
    const refused = await refusal(staff.stages.set({ stairwellId: target.id, to: 'consent_passed', on: '2027-01-04' }));
    expect(refused.message).toMatch(/还有 \d+ 份计入的表决未经核验/);

    const rooms = flats.map((f, i) => ({ flatId: f.id, location: `档案盒 2 / ${target.door} / 第 ${i + 1} 页` }));
    const saved = await staff.evidence.recordOriginals({ stairwellId: target.id, rooms, checked: true });
    // One original per voter: a voter of two flats signed one form.
    expect(saved.recorded).toBe(new Set(flats.map((f) => f.voterId)).size);

    const record = await staff.evidence.ofStairwell({ stairwellId: target.id });
    const originals = record.evidence.filter((e) => e.method === 'paper_original');
    expect(originals).toHaveLength(saved.recorded);
    expect(originals.every((e) => e.review === 'verified' && e.reviewedBy !== null && !e.hasSignature && !e.hasPhoto)).toBe(true);
    expect(originals.map((e) => e.archiveLocation)).toContain(`档案盒 2 / ${target.door} / 第 1 页`);

    // Confirmed now; its 公告 says 通过 and marks every counted vote verified from its original.
    await staff.stages.set({ stairwellId: target.id, to: 'consent_passed', on: '2027-01-04' });
    const papers = await staff.stages.papers({ stairwellId: target.id });
    expect(papers.unverifiedRooms).toBe(0);
    const counted = papers.flats.filter((f) => f.vote !== 'none');
    expect(counted.every((f) => f.verified && f.verifiedBy === 'paper_original')).toBe(true);
  });

  it('refuses a room without a written vote, and a vote that already has evidence, naming the room; nothing is written', async () => {
    const map = await staff.estate.map({ estateId: 1 });
    const other = map.layers.stairwells.features.map((f) => f.properties).find((p) => p.stage === 'canvassing' && !p.passed && p.id !== target.id)!;
    const flats = await flatsOf(other.id);
    const count = async () => Number((await store.sql<{ n: number | string }>('SELECT count(*) AS n FROM vote_evidence'))[0]!.n);
    const before = await count();

    const open = flats.find((f) => !written(f))!;
    const none = await refusal(staff.evidence.recordOriginals({ stairwellId: other.id, rooms: [{ flatId: open.id, location: '档案盒 1' }], checked: true }));
    expect(none.code).toBe('PRECONDITION_FAILED');
    expect(none.message).toContain(`${other.doorNumber} ${open.room}：名册上这一户没有书面表决`);

    const [evidenced] = await store.sql<{ flatId: number; room: string }>(
      "SELECT e.flat_id AS \"flatId\", f.room FROM vote_evidence e JOIN flats f ON f.id = e.flat_id WHERE e.stairwell_id = ? AND e.review <> 'rejected' ORDER BY e.id LIMIT 1",
      other.id,
    );
    const twice = await refusal(staff.evidence.recordOriginals({ stairwellId: other.id, rooms: [{ flatId: evidenced!.flatId, location: '档案盒 1' }], checked: true }));
    expect(twice.code).toBe('CONFLICT');
    expect(twice.message).toContain('这一票已有书面凭证');

    // A flat of another stairwell, an unticked check, an empty place: refused before anything is read.
    const elsewhere = await refusal(staff.evidence.recordOriginals({ stairwellId: other.id, rooms: [{ flatId: (await flatsOf(target.id))[0]!.id, location: '档案盒 1' }], checked: true }));
    expect(elsewhere.message).toContain(`${other.doorNumber} 没有编号为`);
    await expect(refusal(staff.evidence.recordOriginals({ stairwellId: other.id, rooms: [{ flatId: open.id, location: '档案盒 1' }], checked: false as true }))).resolves.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(refusal(staff.evidence.recordOriginals({ stairwellId: other.id, rooms: [{ flatId: open.id, location: ' ' }], checked: true }))).resolves.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await count()).toBe(before);
  });

  it('sends an original back like any evidence before confirmation: the vote is 待补证 again, its record kept', async () => {
    const map = await staff.estate.map({ estateId: 1 });
    const s = map.layers.stairwells.features.map((f) => f.properties).find((p) => p.stage === 'canvassing' && p.id !== target.id)!;
    await store.sql("UPDATE vote_evidence SET review = 'rejected', review_note = '改用纸质原件', reviewed_by = recorded_by WHERE stairwell_id = ?", s.id);
    const flat = (await flatsOf(s.id)).find(written)!;
    await staff.evidence.recordOriginals({ stairwellId: s.id, rooms: [{ flatId: flat.id, location: '档案盒 5 / 第 3 页' }], checked: true });
    const original = (await staff.evidence.ofStairwell({ stairwellId: s.id })).evidence.find((e) => e.method === 'paper_original')!;
    await staff.evidence.review({ evidenceId: original.id, verdict: 'rejected', note: '原件上的日期看不清' });
    const after = (await staff.evidence.ofStairwell({ stairwellId: s.id })).evidence.find((e) => e.id === original.id)!;
    expect([after.review, after.reviewNote, after.archiveLocation]).toEqual(['rejected', '原件上的日期看不清', '档案盒 5 / 第 3 页']);
    const papers = await staff.stages.papers({ stairwellId: s.id });
    expect(papers.flats.find((f) => f.id === flat.id)!.verified).toBe(false);
  });
});
