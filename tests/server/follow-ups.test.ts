import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerAs } from '../support/caller.ts';
import { refusal } from '../support/refusal.ts';
import { seededDatabase, type SeededDatabase } from '../support/test-server.ts';

/** 因户施策 on the demo estate: its seeded follow-ups run from a week before 2026-11-24 to a few days after. */
describe('follow-ups: today’s list, a flat’s history, who calls next, 不再上门, what worked', () => {
  let store: SeededDatabase;
  const clock = new Date('2026-11-24T09:00:00+08:00');
  let canvasser: Awaited<ReturnType<typeof callerAs>>;
  let staff: Awaited<ReturnType<typeof callerAs>>;
  let mine: Awaited<ReturnType<Awaited<ReturnType<typeof callerAs>>['canvass']['followUps']>>;

  beforeAll(async () => {
    store = await seededDatabase();
    canvasser = await callerAs(store.db, 'canvasser', { now: () => clock }, 'C01', 1);
    staff = await callerAs(store.db, 'planner', { now: () => clock });
    mine = await canvasser.canvass.followUps({});
  });
  afterAll(() => store.close());

  it('lists a canvasser’s flats due today or overdue, those that would pass their stairwell first, then the longest waiting', async () => {
    expect(mine.length).toBeGreaterThan(3);
    expect(mine.every((f) => f.nextVisitOn <= '2026-11-24' && f.status !== 'signed')).toBe(true);
    const firstOutside = mine.findIndex((f) => !f.inMinimalSet);
    if (firstOutside >= 0) expect(mine.slice(firstOutside).every((f) => !f.inMinimalSet)).toBe(true);
    const rest = mine.slice(firstOutside < 0 ? mine.length : firstOutside).map((f) => f.nextVisitOn);
    expect(rest).toEqual([...rest].sort());
    // Staff see the whole estate's, with the party groups answering for each stairwell; more than one canvasser's.
    const all = await staff.canvass.followUps({ estateId: 1 });
    expect(all.length).toBeGreaterThan(mine.length);
    expect(all.some((f) => f.partyGroups.length > 0)).toBe(true);
    // Nothing personal in the list: rooms and reasons, no names or phones.
    const [voter] = await store.sql<{ name: string }>('SELECT v.name FROM voters v JOIN flats f ON f.voter_id = v.id WHERE f.id = ?', mine[0]!.flatId);
    expect(JSON.stringify(mine)).not.toContain(voter!.name);
  });

  it('hands a flat to its daughter: it leaves the list; a visit brings the history; 不再上门 is respected by every list', async () => {
    const flat = mine[0]!;
    const before = await canvasser.canvass.flatHistory({ flatId: flat.flatId });
    expect(before.room).toBe(flat.room);
    await canvasser.canvass.setFollowUp({ flatId: flat.flatId, nextVisitOn: '2026-11-28', visitor: { kind: 'person', note: '女儿（在浦东工作）周末打电话' }, reason: '老人听女儿的' });
    const after = await canvasser.canvass.followUps({});
    expect(after.map((f) => f.flatId)).not.toContain(flat.flatId);
    expect(await canvasser.canvass.flatHistory({ flatId: flat.flatId })).toMatchObject({ nextVisitorNote: '女儿（在浦东工作）周末打电话', nextVisitReason: '老人听女儿的', nextVisitOn: '2026-11-28' });
    // 不再上门: off every list, staff's too.
    const other = after[0]!;
    await canvasser.canvass.setFollowUp({ flatId: other.flatId, visitor: { kind: 'anyone' }, doNotContact: true, reason: '本人要求' });
    expect((await canvasser.canvass.followUps({})).map((f) => f.flatId)).not.toContain(other.flatId);
    expect((await staff.canvass.followUps({ estateId: 1 })).map((f) => f.flatId)).not.toContain(other.flatId);
    expect((await canvasser.canvass.flatHistory({ flatId: other.flatId })).doNotContactOn).toBe('2026-11-24');
  });

  it('refuses a follow-up on another canvasser’s stairwell, a day in the past, a canvasser of no estate of this flat', async () => {
    const [foreign] = await store.sql<{ id: number }>(
      "SELECT f.id FROM flats f WHERE f.stairwell_id NOT IN (SELECT cs.stairwell_id FROM canvasser_stairwells cs JOIN canvassers c ON c.id = cs.canvasser_id WHERE c.external_id = 'C01') ORDER BY f.id LIMIT 1",
    );
    expect((await refusal(canvasser.canvass.setFollowUp({ flatId: foreign!.id, nextVisitOn: '2026-11-28', visitor: { kind: 'anyone' } }))).code).toBe('FORBIDDEN');
    expect((await refusal(canvasser.canvass.flatHistory({ flatId: foreign!.id }))).code).toBe('FORBIDDEN');
    const flat = mine.at(-1)!;
    expect((await refusal(canvasser.canvass.setFollowUp({ flatId: flat.flatId, nextVisitOn: '2026-11-20', visitor: { kind: 'anyone' } }))).message).toContain('nextVisitOn：');
    expect((await refusal(canvasser.canvass.setFollowUp({ flatId: flat.flatId, nextVisitOn: '2026-11-28', visitor: { kind: 'canvasser', canvasserId: 999_999 } }))).message).toContain('不是本小区的包干人');
  });

  it('records what worked when a flat signs, and only then; the wall counts overdue follow-ups per stairwell without a name', async () => {
    const flat = (await canvasser.canvass.followUps({}))[0]!;
    const reg = await canvasser.canvass.register({ stairwellId: flat.stairwellId });
    const row = reg.register.find((f) => f.id === flat.flatId)!;
    const visit = { flatId: flat.flatId, expectedVersion: row.version, outcome: 'talked' as const, concerns: [], compensation: [] };
    expect((await refusal(canvasser.canvass.recordVisit({ ...visit, clientId: 'what-worked-1', status: 'undecided', whatWorked: ['family'] }))).message).toContain('whatWorked');
    await canvasser.canvass.recordVisit({ ...visit, clientId: 'what-worked-2', status: 'signed', whatWorked: ['neighbour', 'model_lift'], whatWorkedNote: '对门吴阿姨陪着去看了 3 号样板梯' });
    const history = await canvasser.canvass.flatHistory({ flatId: flat.flatId });
    expect(history.visits[0]).toMatchObject({ statusAfter: 'signed', whatWorked: ['neighbour', 'model_lift'], whatWorkedNote: '对门吴阿姨陪着去看了 3 号样板梯' });
    expect((await canvasser.canvass.followUps({})).map((f) => f.flatId)).not.toContain(flat.flatId);
    const due = await staff.stages.deadlines({ estateId: 1 });
    const late = due.filter((d) => d.kind === 'followups_overdue');
    expect(late.length).toBeGreaterThan(0);
    expect(late[0]!.zh).toMatch(/^长风二村 \d+号 有 \d+ 户约定回访已逾期$/);
  });
});
