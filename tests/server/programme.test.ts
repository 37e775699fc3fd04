import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../geo/time/index.ts';
import { loadStairwellStates } from '../../server/queries/stairwell-states.ts';
import { callerAs } from '../support/caller.ts';
import { callerApi, verifyWrittenVotes } from '../support/evidence.ts';
import { refusal } from '../support/refusal.ts';
import { seededDatabase, type SeededDatabase } from '../support/test-server.ts';

let store: SeededDatabase;
/** The clock every command and query reads, moved forward by the test; never today's date. */
let clock = new Date('2026-12-20T10:00:00+08:00');
const setDay = (day: string) => (clock = new Date(`${day}T10:00:00+08:00`));
let staff: Awaited<ReturnType<typeof callerAs>>;
/** Two stairwells whose signed votes meet the rule: A goes through 公示 and into construction, B is only confirmed. */
let a: number;
let b: number;

beforeAll(async () => {
  store = await seededDatabase();
  staff = await callerAs(store.db, 'planner', { now: () => clock });
  const ready = (await loadStairwellStates(store.db, 1)).filter((s) => s.row.stage === 'canvassing' && s.row.elevatorSite && s.consent.complete && s.consent.result.passed);
  [a, b] = [ready[0]!.row.id, ready[1]!.row.id];
  // Every counted vote signed and verified first, as confirming needs.
  for (const id of [a, b]) await verifyWrittenVotes(callerApi(staff), id, clock);
  await staff.stages.set({ stairwellId: a, to: 'consent_passed', on: '2026-12-01' });
  await staff.stages.set({ stairwellId: a, to: 'agreement_signed', on: '2026-12-03' });
  await staff.stages.set({ stairwellId: a, to: 'public_notice', on: '2026-12-05', noticeDays: 10, objectionDays: 7, postGraceDays: 0 });
  await staff.stages.set({ stairwellId: b, to: 'consent_passed', on: '2026-12-10' });
});
afterAll(() => store?.close());

const params = { crews: 4, phaseDays: 70, startDate: '2027-01-04', zoneM: 6, maxParkingLossPerPhase: 12, include: 'passed' as const };

describe('the construction programme (施工计划) against the recorded dates', () => {
  let scenarioId: number;

  it('dates each stairwell’s ready day from its real stage dates plus the lead times still to run', async () => {
    const plan = await staff.plan.compute({ estateId: 1, params, moves: [] });
    const site = (id: number) => plan.sites.find((s) => s.stairwellId === id)!;
    // A: 公示 from 5 Dec closes on 22 Dec; then 21 days of design review and filing.
    expect(site(a).readyDate).toBe('2027-01-12');
    expect(site(a).readyDay).toBe(daysBetween(params.startDate, '2027-01-12'));
    // B: confirmed 10 Dec; 28 + 7 + 17 + 21 days to go.
    expect(site(b).readyDate).toBe(addDays('2026-12-10', 73));
    // Phases never start before their stairwells are ready.
    for (const p of plan.phases) for (const id of p.stairwellIds) expect(p.startDate >= plan.sites.find((s) => s.stairwellId === id)!.readyDate).toBe(true);
  });

  it('adopts a saved scenario; one that breaks a constraint is refused and the adopted one stays', async () => {
    ({ scenarioId } = await staff.plan.save({ estateId: 1, name: '施工计划 2027', params, moves: [] }));
    expect(await staff.plan.programme({ estateId: 1 })).toBeNull();
    await staff.plan.adopt({ estateId: 1, scenarioId });
    const programme = (await staff.plan.programme({ estateId: 1 }))!;
    expect(programme.scenario).toMatchObject({ id: scenarioId, name: '施工计划 2027' });
    const saved = await staff.plan.get({ scenarioId });
    expect(programme.sites.map((s) => [s.stairwellId, s.phase, s.planned.start])).toEqual(saved.plan.phases.flatMap((p) => p.stairwellIds.map((id) => [id, p.index, p.startDate])));
    expect(programme.sites.every((s) => s.status === 'on_time' && s.actual.start === null)).toBe(true);

    // Five sites in one phase for four crews.
    const first = saved.plan.phases.flatMap((p) => p.stairwellIds).slice(0, 5);
    const { scenarioId: crowded } = await staff.plan.save({ estateId: 1, name: '挤在一批', params, moves: first.map((stairwellId) => ({ stairwellId, toPhase: 0 })) });
    const r = await refusal(staff.plan.adopt({ estateId: 1, scenarioId: crowded }));
    expect(r.code).toBe('PRECONDITION_FAILED');
    expect(r.message).toMatch(/^“挤在一批”违反 \d+ 项约束（第 1 批 施工队不足：.+），不能作为施工计划/);
    expect((await staff.plan.programme({ estateId: 1 }))!.scenario.id).toBe(scenarioId);
    expect((await staff.plan.list({ estateId: 1 })).filter((s) => s.adoptedAt !== null).map((s) => s.id)).toEqual([scenarioId]);
  });

  it('flags slippage: a late start counted from its planned day, a site that started late by the days it was late', async () => {
    const before = (await staff.plan.programme({ estateId: 1 }))!;
    const planA = before.sites.find((s) => s.stairwellId === a)!;
    setDay(addDays(planA.planned.start, 20));
    await staff.stages.set({ stairwellId: a, to: 'design_approved', on: '2026-12-28' });
    await staff.stages.set({ stairwellId: a, to: 'permitted', on: '2026-12-30', permitNumber: '沪建备2026-0301' });
    await staff.stages.recordLegal({ stairwellId: a, kind: 'construction_notice', on: addDays(planA.planned.start, 8), reference: '沪特告2026-0301' });
    await staff.stages.set({ stairwellId: a, to: 'under_construction', on: addDays(planA.planned.start, 9) });
    const programme = (await staff.plan.programme({ estateId: 1 }))!;
    expect(programme.sites.find((s) => s.stairwellId === a)).toMatchObject({ status: 'started_late', slipDays: 9, slipped: true, actual: { start: addDays(planA.planned.start, 9), end: null } });
    // Sites of the same phase that have not started are 20 days late at least.
    const waiting = programme.sites.filter((s) => s.phase === planA.phase && s.stairwellId !== a);
    expect(waiting.length).toBeGreaterThan(0);
    for (const s of waiting) expect(s).toMatchObject({ status: 'late_start', slipped: true, slipDays: expect.any(Number) as number });
    for (const s of waiting) expect(s.slipDays).toBeGreaterThanOrEqual(20);
    expect(programme.slipped).toBeGreaterThanOrEqual(waiting.length + 1);
  });

  it('re-planning keeps a started site in its phase, and a move of it is refused naming it', async () => {
    const programme = (await staff.plan.programme({ estateId: 1 }))!;
    const phaseA = programme.sites.find((s) => s.stairwellId === a)!.phase;
    const replanned = await staff.plan.compute({ estateId: 1, params: { ...params, crews: 6 }, moves: [] });
    expect(replanned.programme).toEqual({ id: scenarioId, name: '施工计划 2027' });
    expect(replanned.sites.find((s) => s.stairwellId === a)).toMatchObject({ phase: phaseA, pinned: true, stage: 'under_construction' });
    const door = (await loadStairwellStates(store.db, 1)).find((s) => s.row.id === a)!.row.doorNumber;
    const r = await refusal(staff.plan.compute({ estateId: 1, params, moves: [{ stairwellId: a, toPhase: phaseA + 1 }] }));
    expect(r).toEqual({ code: 'BAD_REQUEST', message: `第 1 项调整：${door} 已按施工计划开工，保持在第 ${phaseA + 1} 批（moves.0.toPhase: ${door} has started under the adopted programme and stays in phase ${phaseA + 1}）` });
  });

  it('a canvasser cannot adopt a programme', async () => {
    const canvasser = await callerAs(store.db, 'canvasser', { now: () => clock }, 'C01');
    expect((await refusal(canvasser.plan.adopt({ estateId: 1, scenarioId }))).code).toBe('FORBIDDEN');
  });
});
