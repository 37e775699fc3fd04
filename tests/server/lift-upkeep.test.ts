import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MAINTAINER } from '../../server/import/seed-lifecycle.ts';
import { callerAs } from '../support/caller.ts';
import { refusal } from '../support/refusal.ts';
import { seededDatabase, type SeededDatabase } from '../support/test-server.ts';

/**
 * A lift's life in service on the demo estate: its three pilot lifts (in use since 2024–25, seeded with legal steps,
 * an agreement, a QR tag and a maintenance history to 2026-11-23), maintained under DEMO_MAINTAINER's licence.
 */
describe('lifts in service: the maintainer, visits by QR, faults and rescues, fund repairs, health on the wall', () => {
  let store: SeededDatabase;
  let clock = new Date('2026-11-24T10:00:00+08:00');
  const setTime = (iso: string) => (clock = new Date(iso));
  let lifts: { id: number; door: string; tag: string }[];
  let staff: Awaited<ReturnType<typeof callerAs>>;
  let maintainer: Awaited<ReturnType<typeof callerAs>>;
  let rival: Awaited<ReturnType<typeof callerAs>>;
  const health = async () =>
    new Map((await staff.estate.map({ estateId: 1 })).layers.stairwells.features.filter((f) => f.properties.stage === 'in_service').map((f) => [f.properties.id, f.properties.health]));

  beforeAll(async () => {
    store = await seededDatabase();
    lifts = await store.sql<{ id: number; door: string; tag: string }>(
      "SELECT s.id, s.door_number AS door, t.tag FROM stairwells s JOIN lift_tags t ON t.stairwell_id = s.id WHERE s.stage = 'in_service' ORDER BY s.id",
    );
    staff = await callerAs(store.db, 'planner', { now: () => clock });
    maintainer = await callerAs(store.db, 'maintainer', { now: () => clock }, undefined, undefined, DEMO_MAINTAINER.licence);
    rival = await callerAs(store.db, 'maintainer', { now: () => clock }, undefined, undefined, 'TS3431999-2029');
  });
  afterAll(() => store.close());

  it('seeds three pilot lifts with two years of history, one overdue for a visit and one with a fault open', async () => {
    expect(lifts.map((l) => l.door)).toEqual(['长风二村 3号', '长风二村 20号', '长风二村 29号']);
    const [visits] = await store.sql<{ n: number }>('SELECT count(*) AS n FROM maintenance_visits');
    expect(Number(visits!.n)).toBeGreaterThan(70);
    expect([...(await health()).values()].sort()).toEqual(['fault_open', 'ok', 'visit_overdue']);
    const map = await staff.estate.map({ estateId: 1 });
    expect(map.lifecycle).toMatchObject({ inService: 3, openFaults: 1, byHealth: { ok: 1, visit_overdue: 1, fault_open: 1 } });
    expect(map.lifecycle!.meanArrivalMinutes).toBeGreaterThan(5);
    const due = (await staff.stages.deadlines({ estateId: 1 })).filter((d) => lifts.some((l) => l.id === d.stairwellId));
    expect(due.map((d) => d.kind).sort()).toEqual(['fault_open', 'visit_overdue']);
    // Residents' public page: the lift's recent service in counts and dates.
    const pub = await staff.stages.publicStairwell({ stairwellId: lifts[0]!.id });
    expect(pub.service!.recent.visitsLast12Months).toBeGreaterThan(20);
    expect(pub.service!.recent.lastVisitOn).toMatch(/^2026-11-/);
  });

  it('a maintainer sees only its own lifts and records a visit only with the lift’s own QR code', async () => {
    expect((await maintainer.upkeep.myLifts({})).map((l) => l.doorNumber).sort()).toEqual(lifts.map((l) => l.door).sort());
    expect(await rival.upkeep.myLifts({})).toEqual([]);
    const overdue = [...(await health())].find(([, h]) => h === 'visit_overdue')![0];
    const lift = lifts.find((l) => l.id === overdue)!;
    // Another maintainer's account is refused, and told nothing about whose lift it is.
    const refused = await refusal(rival.upkeep.recordVisit({ stairwellId: lift.id, tag: lift.tag, kind: 'half_month' }));
    expect(refused).toMatchObject({ code: 'FORBIDDEN' });
    expect(refused.message).toContain('不由贵单位维保');
    expect(refused.message).not.toContain(DEMO_MAINTAINER.name);
    expect((await refusal(rival.upkeep.lift({ stairwellId: lift.id }))).code).toBe('FORBIDDEN');
    // The code of another lift is not this lift's.
    const other = lifts.find((l) => l.id !== lift.id)!;
    expect((await refusal(maintainer.upkeep.recordVisit({ stairwellId: lift.id, tag: other.tag, kind: 'half_month' }))).message).toContain('tag：二维码与');
    const before = await store.sql<{ n: number }>('SELECT count(*) AS n FROM maintenance_visits WHERE stairwell_id = ?', lift.id);
    const saved = await maintainer.upkeep.recordVisit({ stairwellId: lift.id, tag: lift.tag, kind: 'quarterly', note: '更换门机皮带' });
    expect(saved.visitedAt).toBe('2026-11-24T10:00:00+08:00');
    // A second tap within the hour is refused; nothing more is written.
    expect((await refusal(maintainer.upkeep.recordVisit({ stairwellId: lift.id, tag: lift.tag, kind: 'half_month' }))).code).toBe('CONFLICT');
    const after = await store.sql<{ n: number }>('SELECT count(*) AS n FROM maintenance_visits WHERE stairwell_id = ?', lift.id);
    expect(Number(after[0]!.n)).toBe(Number(before[0]!.n) + 1);
    // The wall's colour follows: the lift is healthy again, and the deadline is gone.
    expect((await health()).get(lift.id)).toBe('ok');
    expect((await staff.stages.deadlines({ estateId: 1 })).filter((d) => d.stairwellId === lift.id)).toEqual([]);
    // A canvasser or a viewer reaches none of it.
    const viewer = await callerAs(store.db, 'viewer');
    expect((await refusal(viewer.upkeep.myLifts({}))).code).toBe('FORBIDDEN');
  });

  it('times a trapped-passenger rescue against the 30 minutes, refusing a release before the alarm, and sets each time once', async () => {
    const lift = lifts.find((l) => l.door === '长风二村 3号')!;
    setTime('2026-11-24T20:00:00+08:00');
    const bad = await refusal(maintainer.upkeep.reportFault({ stairwellId: lift.id, kind: 'entrapment', alarmAt: '2026-11-24T19:10', arrivedAt: '2026-11-24T19:30', releasedAt: '2026-11-24T19:05', description: '停电困人 1 人' }));
    expect(bad.message).toContain('releasedAt：');
    expect(bad.message).toContain('解困时间早于报警时间');
    expect((await refusal(maintainer.upkeep.reportFault({ stairwellId: lift.id, kind: 'fault', alarmAt: '2026-11-24T21:10', description: '停梯' }))).message).toContain('晚于现在');
    expect((await refusal(maintainer.upkeep.reportFault({ stairwellId: lift.id, kind: 'fault', alarmAt: '2026-11-24 19:10', description: '停梯' }))).message).toContain('alarmAt');
    const { id } = await maintainer.upkeep.reportFault({ stairwellId: lift.id, kind: 'entrapment', alarmAt: '2026-11-24T19:10', description: '停电困人 1 人' });
    await maintainer.upkeep.updateFault({ faultId: id, arrivedAt: '2026-11-24T19:44' });
    expect((await refusal(maintainer.upkeep.updateFault({ faultId: id, arrivedAt: '2026-11-24T19:30' }))).code).toBe('CONFLICT');
    expect((await refusal(maintainer.upkeep.updateFault({ faultId: id, resolvedAt: '2026-11-24T19:50' }))).message).toContain('困人事件须先登记解困时间');
    await maintainer.upkeep.updateFault({ faultId: id, releasedAt: '2026-11-24T19:52', resolvedAt: '2026-11-24T19:58' });
    const record = await maintainer.upkeep.lift({ stairwellId: lift.id });
    expect(record.faults.find((f) => f.id === id)).toMatchObject({ arrival: { minutes: 34, late: true }, releasedAt: '2026-11-24T19:52:00+08:00' });
    expect((await refusal(rival.upkeep.updateFault({ faultId: id, resolvedAt: '2026-11-24T19:59' }))).code).toBe('FORBIDDEN');
  });

  it('times the phone’s 现在到场 by the server’s clock, not the phone’s', async () => {
    const lift = lifts.find((l) => l.door === '长风二村 3号')!;
    setTime('2026-11-25T08:30:00+08:00');
    const { id } = await maintainer.upkeep.reportFault({ stairwellId: lift.id, kind: 'fault', alarmAt: '2026-11-25T08:10', description: '外呼按钮失灵' });
    setTime('2026-11-25T08:34:20+08:00');
    await maintainer.upkeep.updateFault({ faultId: id, now: 'arrivedAt' });
    expect((await maintainer.upkeep.lift({ stairwellId: lift.id })).faults.find((f) => f.id === id)).toMatchObject({ arrivedAt: '2026-11-25T08:34:00+08:00', arrival: { minutes: 24, late: false } });
    expect((await maintainer.upkeep.lift({ stairwellId: lift.id })).now).toBe('2026-11-25T08:34');
  });

  it('pays a repair from the maintenance fund only after 7 days of notice; staff only', async () => {
    const lift = lifts[0]!;
    setTime('2026-11-24T10:00:00+08:00');
    expect((await refusal(maintainer.upkeep.proposeRepair({ stairwellId: lift.id, description: '更换曳引机轴承', amountFen: 850_000, noticedOn: '2026-11-24' }))).code).toBe('FORBIDDEN');
    expect((await refusal(staff.upkeep.proposeRepair({ stairwellId: lift.id, description: '更换曳引机轴承', amountFen: -1, noticedOn: '2026-11-24' }))).message).toContain('amountFen');
    expect((await refusal(staff.upkeep.proposeRepair({ stairwellId: lift.id, description: '更换曳引机轴承', amountFen: 30_000_000, noticedOn: '2026-11-24' }))).message).toContain('amountFen');
    const { id } = await staff.upkeep.proposeRepair({ stairwellId: lift.id, description: '更换曳引机轴承', amountFen: 850_000, noticedOn: '2026-11-24' });
    setTime('2026-11-30T10:00:00+08:00');
    expect((await refusal(staff.upkeep.settleRepair({ repairId: id, approvedOn: '2026-11-30' }))).message).toContain('2026-12-01 起才能批准');
    expect((await refusal(staff.upkeep.settleRepair({ repairId: id, doneOn: '2026-11-30' }))).message).toContain('尚未批准');
    setTime('2026-12-02T10:00:00+08:00');
    await staff.upkeep.settleRepair({ repairId: id, approvedOn: '2026-12-01', doneOn: '2026-12-02' });
    expect((await staff.upkeep.lift({ stairwellId: lift.id })).repairs[0]).toMatchObject({ amountFen: 850_000, approvedOn: '2026-12-01', doneOn: '2026-12-02' });
  });

  it('keeps every resident’s name out of what a maintainer reads', async () => {
    const names = (await store.sql<{ name: string }>("SELECT name FROM voters WHERE name IS NOT NULL AND name <> '' LIMIT 200")).map((r) => r.name);
    const text = JSON.stringify([await maintainer.upkeep.myLifts({}), ...(await Promise.all(lifts.map((l) => maintainer.upkeep.lift({ stairwellId: l.id }))))]);
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((n) => text.includes(n))).toEqual([]);
  });
});
