import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAgreement, fenFromText, ledger, maintenanceShares, splitFen, subsidyFen, yuan, type LedgerFlat } from '../../geo/cost/index.ts';
import { seededDatabase, type SeededDatabase } from '../support/test-server.ts';
import { callerAs } from '../support/caller.ts';
import { callerApi, verifyWrittenVotes } from '../support/evidence.ts';
import { refusal } from '../support/refusal.ts';

describe('the ledger in fen', () => {
  const flats: LedgerFlat[] = [1, 2, 3, 4, 5, 6].flatMap((floor) => [1, 2].map((n) => ({ flatId: floor * 10 + n, room: `${floor}0${n}`, floor, areaCentiM2: n === 1 ? 5_000 : 6_500 })));

  it('reads and prints yuan as whole fen, never through a float', () => {
    expect(['1,234.5', '¥1234.50', '0.07', '550000', ' 12.3 '].map(fenFromText)).toEqual([123_450, 123_450, 7, 55_000_000, 1_230]);
    expect(['', '-5', '1.234', '1,23.00', 'abc', '1e5'].map(fenFromText)).toEqual([null, null, null, null, null, null]);
    expect(yuan(123_450)).toBe('¥1,234.50');
  });

  it('splits into whole fen that add up to the whole, never a fen lost', () => {
    expect(splitFen(100, [1, 1, 1])).toEqual([34, 33, 33]);
    for (const total of [1, 99, 33_000_000, 55_000_001]) {
      const parts = splitFen(total, [0, 10, 15, 20, 25, 30, 7.5]);
      expect(parts.every(Number.isInteger)).toBe(true);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
    }
  });

  it('owes by floor coefficients and area, advances the subsidy until it arrives, then owes the advance back', () => {
    const agreement = { method: 'floor_coefficients' as const, agreedOn: '2027-01-10', liftCostFen: 55_000_000, coefficients: [0, 10, 15, 20, 25, 30] };
    expect(subsidyFen(55_000_000)).toBe(22_000_000);
    expect(subsidyFen(80_000_000)).toBe(28_000_000);
    const before = ledger(flats, agreement, [], { claimedFen: null, receivedFen: null });
    expect(before.ownersShareFen).toBe(33_000_000);
    expect(before.lines.reduce((s, l) => s + l.dueFen, 0)).toBe(33_000_000);
    expect(before.lines.reduce((s, l) => s + l.advanceFen, 0)).toBe(22_000_000);
    // The ground floor pays nothing; floor 6's larger flat pays the most.
    expect(before.lines.filter((l) => l.floor === 1).map((l) => l.dueFen + l.advanceFen)).toEqual([0, 0]);
    const top = before.lines.find((l) => l.room === '602')!;
    expect(top.dueFen).toBe(Math.round((33_000_000 * 0.3 * 6_500) / 11_500));
    // 602 pays its due and advance in two instalments, one from 住房公积金; once the subsidy arrives its advance is owed back.
    const entries = [
      { flatId: top.flatId, kind: 'payment' as const, amountFen: 5_000_000 },
      { flatId: top.flatId, kind: 'provident_fund' as const, amountFen: top.dueFen + top.advanceFen - 5_000_000 },
    ];
    const paid = ledger(flats, agreement, entries, { claimedFen: 22_000_000, receivedFen: null }).lines.find((l) => l.room === '602')!;
    expect(paid).toMatchObject({ outstandingFen: 0, refundFen: 0, providentFundFen: top.dueFen + top.advanceFen - 5_000_000 });
    const after = ledger(flats, agreement, entries, { claimedFen: 22_000_000, receivedFen: 22_000_000 }).lines.find((l) => l.room === '602')!;
    expect(after).toMatchObject({ outstandingFen: 0, refundFen: top.advanceFen });
  });

  it('splits the yearly maintenance fee as the cost was split (the ground floor nothing), or by area without a split', () => {
    const agreed = maintenanceShares(flats, { method: 'floor_coefficients', coefficients: [0, 10, 15, 20, 25, 30] }, 360_000);
    expect(agreed.reduce((n, f) => n + f.feeFen, 0)).toBe(360_000);
    expect(agreed.filter((f) => f.floor === 1).map((f) => f.feeFen)).toEqual([0, 0]);
    const byArea = maintenanceShares(flats, null, 360_000);
    expect(byArea.reduce((n, f) => n + f.feeFen, 0)).toBe(360_000);
    expect(byArea.find((f) => f.flatId === 11)!.feeFen).toBeGreaterThan(0);
  });

  it('refuses a split that does not add up, or a cost out of bounds, naming the field', () => {
    expect(checkAgreement(flats, { method: 'floor_coefficients', agreedOn: '2027-01-10', liftCostFen: 55_000_000, coefficients: [0, 10, 15, 20, 25, 25] })).toMatchObject({ field: 'coefficients', zh: expect.stringContaining('合计 95%') as string });
    expect(checkAgreement(flats, { method: 'by_area', agreedOn: '2027-01-10', liftCostFen: 5_000 })).toMatchObject({ field: 'liftCostFen' });
    const custom = Object.fromEntries(flats.map((f) => [String(f.flatId), 2_750_000]));
    expect(checkAgreement(flats, { method: 'custom', agreedOn: '2027-01-10', liftCostFen: 55_000_000, custom })).toBeNull();
    expect(checkAgreement(flats, { method: 'custom', agreedOn: '2027-01-10', liftCostFen: 55_000_000, custom: { ...custom, '11': 2_750_001 } })).toMatchObject({ field: 'custom', zh: expect.stringContaining('与业主承担总额 330000.00 元不符') as string });
    expect(checkAgreement(flats, { method: 'custom', agreedOn: '2027-01-10', liftCostFen: 55_000_000, custom: { ...custom, '11': -1, '12': 2_750_001 + 2_750_000 } })).toMatchObject({ field: 'custom' });
  });
});

describe('money.* on the demo estate', () => {
  let store: SeededDatabase;
  let clock = new Date('2027-01-04T10:00:00+08:00');
  const setDay = (day: string) => (clock = new Date(`${day}T10:00:00+08:00`));
  let staff: Awaited<ReturnType<typeof callerAs>>;
  beforeAll(async () => {
    store = await seededDatabase();
    staff = await callerAs(store.db, 'planner', { now: () => clock });
  });
  afterAll(() => store?.close());

  it('a split agreed, partly paid, a 公积金 withdrawal, the subsidy claimed after acceptance and received', async () => {
    const map = await staff.estate.map({ estateId: 1 });
    const s = map.layers.stairwells.features.map((f) => f.properties).find((p) => p.stage === 'canvassing' && p.passed)!;
    // Before the consultation passes there is nothing to split.
    expect((await refusal(staff.money.agree({ stairwellId: s.id, method: 'by_area', agreedOn: '2027-01-04', liftCostFen: 55_000_000 }))).message).toContain('征询通过后才能登记出资分摊协议');
    await verifyWrittenVotes(callerApi(staff), s.id, clock);
    await staff.stages.set({ stairwellId: s.id, to: 'consent_passed' });
    setDay('2027-01-10');
    expect(await refusal(staff.money.agree({ stairwellId: s.id, method: 'floor_coefficients', agreedOn: '2027-01-10', liftCostFen: 55_000_000, coefficients: [0, 10, 15, 20, 25, 20] }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('coefficients：') as string,
    });
    const heldBefore = (await staff.estate.map({ estateId: 1 })).headline.moneyHeld;
    await staff.money.agree({ stairwellId: s.id, method: 'floor_coefficients', agreedOn: '2027-01-10', liftCostFen: 55_000_000, coefficients: [0, 10, 15, 20, 25, 30] });
    await staff.stages.set({ stairwellId: s.id, to: 'agreement_signed' });
    // Signed and not yet paid: the wall counts it as held up by money, apart from the votes.
    expect((await staff.estate.map({ estateId: 1 })).headline.moneyHeld).toBe(heldBefore! + 1);

    let money = await staff.money.ofStairwell({ stairwellId: s.id });
    expect(money.ledger!.outstandingFen).toBe(55_000_000 - money.ledger!.lines.filter((l) => l.floor === 1).reduce((n, l) => n + l.dueFen + l.advanceFen, 0));
    const top = money.ledger!.lines.at(-1)!;
    await staff.money.record({ stairwellId: s.id, flatId: top.flatId, kind: 'payment', amountFen: 3_000_000, on: '2027-01-10' });
    expect((await refusal(staff.money.record({ stairwellId: s.id, flatId: top.flatId, kind: 'provident_fund', amountFen: 1_000_000, on: '2027-01-10' }))).message).toContain('公积金提取请注明提取人');
    await staff.money.record({ stairwellId: s.id, flatId: top.flatId, kind: 'provident_fund', amountFen: 1_000_000, on: '2027-01-10', note: '业主本人公积金账户，2027-01-08 提取' });
    // Negative, over the lift's cost, or for another stairwell's flat: refused, nothing written.
    expect((await refusal(staff.money.record({ stairwellId: s.id, flatId: top.flatId, kind: 'payment', amountFen: -5, on: '2027-01-10' }))).code).toBe('BAD_REQUEST');
    expect((await refusal(staff.money.record({ stairwellId: s.id, flatId: top.flatId, kind: 'payment', amountFen: 60_000_000, on: '2027-01-10' }))).message).toContain('金额超过本门洞电梯造价');
    const [other] = await store.sql<{ id: number }>('SELECT id FROM flats WHERE stairwell_id <> ? LIMIT 1', s.id);
    expect((await refusal(staff.money.record({ stairwellId: s.id, flatId: other!.id, kind: 'payment', amountFen: 100, on: '2027-01-10' }))).message).toContain('没有这一户');
    money = await staff.money.ofStairwell({ stairwellId: s.id });
    expect(money.entries).toHaveLength(2);
    const line = money.ledger!.lines.find((l) => l.flatId === top.flatId)!;
    expect(line).toMatchObject({ paidFen: 4_000_000, providentFundFen: 1_000_000, outstandingFen: top.dueFen + top.advanceFen - 4_000_000 });

    // The subsidy waits for acceptance.
    expect((await refusal(staff.money.subsidy({ stairwellId: s.id, appliedOn: '2027-01-10', claimedFen: 22_000_000 }))).message).toContain('补贴在竣工验收后申请');
    await store.sql("INSERT INTO stage_events (stairwell_id, from_stage, to_stage, at, effective_on) VALUES (?, 'agreement_signed', 'accepted', '2027-05-06T10:00:00+08:00', '2027-05-06')", s.id);
    await store.sql("UPDATE stairwells SET stage = 'accepted' WHERE id = ?", s.id);
    setDay('2027-05-20');
    expect((await refusal(staff.money.subsidy({ stairwellId: s.id, appliedOn: '2027-05-10', claimedFen: 22_000_001 }))).message).toContain('申请额超过可得补贴 220000.00 元');
    await staff.money.subsidy({ stairwellId: s.id, appliedOn: '2027-05-10', claimedFen: 22_000_000 });
    expect((await refusal(staff.money.subsidy({ stairwellId: s.id, appliedOn: '2027-05-10', claimedFen: 22_000_000, receivedOn: '2027-05-09', receivedFen: 22_000_000 }))).message).toContain('早于申请日期');
    await staff.money.subsidy({ stairwellId: s.id, appliedOn: '2027-05-10', claimedFen: 22_000_000, receivedOn: '2027-05-20', receivedFen: 22_000_000 });
    money = await staff.money.ofStairwell({ stairwellId: s.id });
    expect(money.subsidy).toMatchObject({ receivedFen: 22_000_000, receivedOn: '2027-05-20' });
    // Received: nobody advances the subsidy any more; 602 owes only its final share.
    expect(money.ledger!.lines.find((l) => l.flatId === top.flatId)!.outstandingFen).toBe(Math.max(0, top.dueFen - 4_000_000));
  });

  it('is for staff only', async () => {
    const canvasser = await callerAs(store.db, 'canvasser', {}, 'C01', 1);
    expect((await refusal(canvasser.money.ofStairwell({ stairwellId: 1 }))).code).toBe('FORBIDDEN');
  });
});
