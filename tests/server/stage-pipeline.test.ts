import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../../server/db/database.ts';
import { boundSql, seededDatabase, type SeededDatabase } from '../support/test-server.ts';
import { callerAs } from '../support/caller.ts';
import { callerApi, verifyWrittenVotes } from '../support/evidence.ts';
import { refusal } from '../support/refusal.ts';

let store: SeededDatabase;
/** The clock the commands read: moved forward by the test, never today's date. */
let clock = new Date('2027-01-04T10:00:00+08:00');
const setDay = (day: string) => (clock = new Date(`${day}T10:00:00+08:00`));
const sql = <T>(q: string, ...params: unknown[]) => rawRows<T>(store.db, boundSql(q, params));
let staff: Awaited<ReturnType<typeof callerAs>>;

beforeAll(async () => {
  store = await seededDatabase();
  staff = await callerAs(store.db, 'planner', { now: () => clock });
});
afterAll(() => store?.close());

async function stairwellWhere(test: (p: { stage: string; passed: boolean }) => boolean, skip = 0) {
  const map = await staff.estate.map({ estateId: 1 });
  return map.layers.stairwells.features.map((f) => f.properties).filter(test)[skip]!;
}
const eventsOf = async (id: number) => Number((await sql<{ n: number | string }>('SELECT count(*) AS n FROM stage_events WHERE stairwell_id = ?', id))[0]!.n);
const stageOf = async (id: number) => (await sql<{ stage: string }>('SELECT stage FROM stairwells WHERE id = ?', id))[0]!.stage;

describe('the campaign pipeline, one stairwell from 意见征询 to 运行维保', () => {
  it('walks every stage with its dates, numbers and objections, refusing each wrong step by name', async () => {
    const s = await stairwellWhere((p) => p.stage === 'canvassing' && p.passed);
    const id = s.id;
    const door = s.doorNumber;
    setDay('2027-01-04');
    await verifyWrittenVotes(callerApi(staff), id, clock);
    const confirmed = await staff.stages.set({ stairwellId: id, to: 'consent_passed' });
    expect(confirmed).toMatchObject({ changed: true, on: '2027-01-04' });
    const [event] = await sql<{ details: string | object }>("SELECT details FROM stage_events WHERE stairwell_id = ? AND to_stage = 'consent_passed'", id);
    const details = (typeof event!.details === 'string' ? JSON.parse(event!.details) : event!.details) as { consent: { voters: { total: number; agreeing: number }; area: { agreeing: number } } };
    expect(details.consent.voters.total).toBeGreaterThan(0);
    expect(details.consent.voters.agreeing / details.consent.voters.total).toBeGreaterThanOrEqual(2 / 3);

    // Skipping a step and going back are refused; the stage and its events stay as they were.
    const before = await eventsOf(id);
    expect(await refusal(staff.stages.set({ stairwellId: id, to: 'public_notice' }))).toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining(`${door}：不能从征询通过跳到公示`) as string });
    expect((await refusal(staff.stages.set({ stairwellId: id, to: 'canvassing' }))).message).toContain('撤销上一步');
    expect(await eventsOf(id)).toBe(before);

    setDay('2027-01-11');
    await staff.stages.set({ stairwellId: id, to: 'agreement_signed', on: '2027-01-08' });
    // A date before the previous stage's, and a notice shorter than the law's windows.
    expect((await refusal(staff.stages.set({ stairwellId: id, to: 'public_notice', on: '2027-01-07' }))).message).toContain('日期 2027-01-07 早于当前阶段“签订加梯协议”的日期 2027-01-08');
    expect((await refusal(staff.stages.set({ stairwellId: id, to: 'public_notice', on: '2027-01-11', noticeDays: 5 }))).message).toContain('公示期须为 10–60 天');
    expect((await refusal(staff.stages.set({ stairwellId: id, to: 'public_notice', on: '2027-01-11', objectionDays: 3 }))).message).toContain('书面异议期须为 7–30 天');
    expect(await stageOf(id)).toBe('agreement_signed');
    await staff.stages.set({ stairwellId: id, to: 'public_notice', on: '2027-01-11' });

    // An objection from a room the stairwell does not have is refused naming it; one from a real room goes to mediation.
    const flats = await sql<{ room: string }>('SELECT room FROM flats WHERE stairwell_id = ? ORDER BY floor, room', id);
    expect(await refusal(staff.stages.recordObjection({ stairwellId: id, room: '909', content: '遮挡采光', receivedOn: '2027-01-12' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining(`room：${door} 没有 909 室`) as string,
    });
    setDay('2027-01-15');
    const objection = await staff.stages.recordObjection({ stairwellId: id, room: flats[0]!.room, content: '担心电梯噪音和遮挡采光', receivedOn: '2027-01-14' });
    const pipeline = await staff.stages.pipeline({ estateId: 1 });
    const mine = pipeline.stairwells.find((x) => x.id === id)!;
    expect(mine.windows).toMatchObject({ postedUntil: '2027-01-20', objectionsUntil: '2027-01-27', closedOn: '2027-01-28' });
    expect(mine.objections).toEqual([expect.objectContaining({ room: flats[0]!.room, status: 'mediating', receivedOn: '2027-01-14' })]);
    expect(pipeline.deadlines.filter((d) => d.stairwellId === id).map((d) => d.kind)).toEqual(['notice_closing', 'objections_open']);

    // The windows must close, and the objection be resolved, before 联合审查.
    expect((await refusal(staff.stages.set({ stairwellId: id, to: 'design_approved', on: '2027-01-15' }))).message).toContain('2027-01-28 起才能进入下一阶段');
    setDay('2027-01-29');
    // A letter postmarked by 01-27 may still be in the post: staff check it, or wait the grace days (5).
    expect((await refusal(staff.stages.set({ stairwellId: id, to: 'design_approved' }))).message).toContain('以寄出邮戳为准，2027-01-27 前寄出的异议信件可能仍在途中');
    await staff.stages.recordLegal({ stairwellId: id, kind: 'post_checked', on: '2027-01-29', note: '街道、居委信箱已查，无新信件' });
    expect((await refusal(staff.stages.set({ stairwellId: id, to: 'design_approved' }))).message).toContain('还有 1 份书面异议在调解中');
    expect((await refusal(staff.stages.resolveObjection({ objectionId: objection.id, outcome: 'overruled', resolvedOn: '2027-01-28' }))).message).toContain('note');
    await staff.stages.resolveObjection({ objectionId: objection.id, outcome: 'mediated', note: '调整外墙位置，业主同意', resolvedOn: '2027-01-28' });
    expect((await refusal(staff.stages.resolveObjection({ objectionId: objection.id, outcome: 'withdrawn', resolvedOn: '2027-01-28' }))).code).toBe('CONFLICT');
    // An objection was received: the planning bureau's reply, answering it, comes first.
    expect((await refusal(staff.stages.set({ stairwellId: id, to: 'design_approved' }))).message).toContain('请先登记规划资源局的异议答复');
    await staff.stages.recordLegal({ stairwellId: id, kind: 'bureau_reply', on: '2027-01-29', reference: '普规划资源 (2027) 12 号', answers: [{ objectionId: objection.id, answer: '已调解，外墙位置调整' }] });
    await staff.stages.set({ stairwellId: id, to: 'design_approved' });

    expect((await refusal(staff.stages.set({ stairwellId: id, to: 'permitted' }))).message).toContain('请填写开工备案或施工许可编号');
    await staff.stages.set({ stairwellId: id, to: 'permitted', permitNumber: '沪徐建备2027-0042' });
    setDay('2027-02-15');
    // The installer's written notice to market supervision comes before installing.
    expect((await refusal(staff.stages.set({ stairwellId: id, to: 'under_construction', on: '2027-02-15' }))).message).toContain('请先登记“施工告知”');
    await staff.stages.recordLegal({ stairwellId: id, kind: 'construction_notice', on: '2027-02-12', reference: '沪特告 2027-0312' });
    await staff.stages.set({ stairwellId: id, to: 'under_construction', on: '2027-02-15' });
    // Suspended from any stage with a reason, and resumed where it was.
    expect((await refusal(staff.stages.set({ stairwellId: id, to: 'suspended' }))).message).toContain('暂缓门洞需要填写原因');
    await staff.stages.set({ stairwellId: id, to: 'suspended', reason: '管线迁移待燃气公司' });
    expect((await refusal(staff.stages.set({ stairwellId: id, to: 'accepted' }))).message).toContain('只能恢复到暂缓前的阶段“施工”');
    await staff.stages.set({ stairwellId: id, to: 'under_construction' });
    setDay('2027-05-10');
    await staff.stages.set({ stairwellId: id, to: 'accepted', on: '2027-05-06' });
    // Accepted: the technical file is handed over within 30 days.
    let due = (await staff.stages.deadlines({ estateId: 1 })).filter((d) => d.stairwellId === id);
    expect(due).toEqual([expect.objectContaining({ kind: 'technical_file_due', due: '2027-06-05', overdue: false })]);
    // Put into use only after 监督检验; registration is then due within 30 days of use, a deadline rather than a gate.
    setDay('2027-06-01');
    expect((await refusal(staff.stages.set({ stairwellId: id, to: 'in_service', on: '2027-06-01' }))).message).toContain('请先登记“监督检验”');
    expect((await refusal(staff.stages.recordLegal({ stairwellId: id, kind: 'supervision_inspection', on: '2027-05-20' }))).message).toContain('请填写监督检验报告编号');
    await staff.stages.recordLegal({ stairwellId: id, kind: 'supervision_inspection', on: '2027-05-20', reference: '沪特检 DT2027-5531' });
    await staff.stages.recordLegal({ stairwellId: id, kind: 'technical_file', on: '2027-05-25', note: '移交曹杨物业' });
    const served = await staff.stages.set({ stairwellId: id, to: 'in_service', on: '2027-06-01' });
    expect(served.warnings.map((w) => w.zh)).toEqual([`${door}：电梯 2027-06-01 投入使用，使用登记须于 2027-07-01 前办理`]);
    expect(await stageOf(id)).toBe('in_service');
    setDay('2027-07-05');
    due = (await staff.stages.deadlines({ estateId: 1 })).filter((d) => d.stairwellId === id);
    expect(due.map((d) => [d.kind, d.due, d.overdue])).toEqual([
      ['service_missing', '2027-06-01', true],
      ['registration_overdue', '2027-07-01', true],
    ]);
    await staff.stages.recordLegal({ stairwellId: id, kind: 'registration', on: '2027-07-05', reference: '梯11沪FX0123(27)' });
    // In service without a maintenance agreement: flagged until the 使用管理单位 and its maintainer are recorded.
    expect((await staff.stages.deadlines({ estateId: 1 })).filter((d) => d.stairwellId === id).map((d) => [d.kind, d.zh])).toEqual([['service_missing', `${door} 电梯已投入使用，尚未登记使用管理单位和维保合同`]]);
    const service = {
      stairwellId: id,
      userUnit: '曹杨物业',
      maintainer: '上海某电梯维保有限公司',
      maintainerLicence: 'TS3431001-2027',
      maintainerPhone: '021-6201 0000',
      priceFenPerYear: 360_000,
      termFrom: '2027-06-01',
      termTo: '2032-05-31',
      guarantor: '曹杨物业托底',
      inspectionValidUntil: '2028-05-31',
    };
    expect((await refusal(staff.stages.setLiftService({ ...service, termTo: '2027-05-01' }))).message).toContain('termTo：');
    expect((await refusal(staff.stages.setLiftService({ ...service, priceFenPerYear: -1 }))).message).toContain('每台每年维保价格应在 0 至 10 万元之间');
    await staff.stages.setLiftService(service);
    // In use since 06-01 with no maintenance visit: one was due every 15 days.
    expect((await staff.stages.deadlines({ estateId: 1 })).filter((d) => d.stairwellId === id).map((d) => [d.kind, d.due])).toEqual([['visit_overdue', '2027-06-16']]);
    // The maintainer's visit, recorded by scanning the lift's QR code (the sticker made with the agreement).
    const maintainer = await callerAs(store.db, 'maintainer', { now: () => clock }, undefined, undefined, service.maintainerLicence);
    const tag = new URL((await staff.upkeep.sticker({ stairwellId: id })).path, 'http://x').searchParams.get('tag')!;
    await maintainer.upkeep.recordVisit({ stairwellId: id, tag, kind: 'half_month' });
    expect((await staff.stages.deadlines({ estateId: 1 })).filter((d) => d.stairwellId === id)).toEqual([]);
    // A month before the inspection certificate runs out, the request is due; after it, the lift may not be used (no visit since July, either).
    setDay('2028-05-01');
    expect((await staff.stages.deadlines({ estateId: 1 })).filter((d) => d.stairwellId === id).map((d) => [d.kind, d.due])).toEqual([['visit_overdue', '2027-07-20'], ['inspection_request', '2028-04-30']]);
    setDay('2028-06-02');
    expect((await staff.stages.deadlines({ estateId: 1 })).filter((d) => d.stairwellId === id).map((d) => [d.kind, d.overdue])).toEqual([['visit_overdue', true], ['inspection_overdue', true]]);
    const pub = await staff.stages.publicStairwell({ stairwellId: id });
    expect(pub.service).toMatchObject({ maintainer: '上海某电梯维保有限公司', maintainerPhone: '021-6201 0000', emergency: '96333', inspectionValidUntil: '2028-05-31' });
    // No split recorded: the yearly fee is shared by area (Shanghai's default), floor by floor, totals only.
    expect(pub.service!.feesByFloor.map((f) => f.floor)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(pub.service!.feesByFloor.every((f) => f.minFen > 0 && f.minFen <= f.maxFen)).toBe(true);
    // Staff and each household's statement see every flat's fee; together they make the price.
    const money = await staff.money.ofStairwell({ stairwellId: id });
    expect(Object.values(money.maintenance!.byFlat).reduce((n, f) => n + f, 0)).toBe(360_000);
    setDay('2027-07-05');
    // The inspection cannot be taken back while the lift is in use.
    const inspection = (await staff.stages.pipeline({ estateId: 1 })).stairwells.find((x) => x.id === id)!.legal.find((r) => r.kind === 'supervision_inspection')!;
    expect((await refusal(staff.stages.withdrawLegal({ recordId: inspection.id, reason: '填错' }))).message).toContain('已进入后续阶段，不能撤销“监督检验”');

    // Undo is a new event: the stairwell goes back one step, nothing is deleted.
    const count = await eventsOf(id);
    const undone = await staff.stages.undo({ stairwellId: id, reason: '投入使用日期填错' });
    expect(undone).toMatchObject({ from: 'in_service', to: 'accepted' });
    expect(await eventsOf(id)).toBe(count + 1);
    expect(await stageOf(id)).toBe('accepted');
  });

  it('refuses to confirm a stairwell whose signed votes do not meet the rule', async () => {
    const s = await stairwellWhere((p) => p.stage === 'canvassing' && !p.passed);
    expect((await refusal(staff.stages.set({ stairwellId: s.id, to: 'consent_passed' }))).message).toContain(`${s.doorNumber}：不能进入征询通过：按已签字的表决，征询规则尚未通过`);
    expect(await stageOf(s.id)).toBe('canvassing');
  });

  it('moves a batch into 公示 on one day, or none of it when one stairwell is not ready', async () => {
    setDay('2027-03-01');
    const ready = (await staff.estate.map({ estateId: 1 })).layers.stairwells.features.map((f) => f.properties).filter((p) => p.stage === 'canvassing' && p.passed).slice(0, 5);
    expect(ready).toHaveLength(5);
    const ids = ready.map((r) => r.id);
    for (const id of ids.slice(0, 4)) await verifyWrittenVotes(callerApi(staff), id, clock);
    // The fifth's written votes are not verified yet: the batch is refused, naming it, and none is confirmed.
    expect((await refusal(staff.stages.setMany({ stairwellIds: ids, to: 'consent_passed', on: '2027-02-20' }))).message).toContain(`${ready[4]!.doorNumber}：不能进入征询通过：还有`);
    for (const id of ids) expect(await stageOf(id)).toBe('canvassing');
    await verifyWrittenVotes(callerApi(staff), ids[4]!, clock);
    await staff.stages.setMany({ stairwellIds: ids, to: 'consent_passed', on: '2027-02-20' });
    await staff.stages.setMany({ stairwellIds: ids, to: 'agreement_signed', on: '2027-02-25' });
    // One of the six is still canvassing: the whole batch is refused, naming it, and nothing moves.
    const laggard = await stairwellWhere((p) => p.stage === 'canvassing' && !p.passed);
    const refused = await refusal(staff.stages.setMany({ stairwellIds: [...ids, laggard.id], to: 'public_notice', on: '2027-03-01' }));
    expect(refused.message).toContain(`${laggard.doorNumber}：不能从意见征询跳到公示`);
    for (const id of ids) expect(await stageOf(id)).toBe('agreement_signed');
    const batch = await staff.stages.setMany({ stairwellIds: ids, to: 'public_notice', on: '2027-03-01' });
    expect(batch.changed).toBe(5);
    const windows = (await staff.stages.pipeline({ estateId: 1 })).stairwells.filter((s) => ids.includes(s.id)).map((s) => s.windows?.closedOn);
    expect(windows).toEqual(Array(5).fill('2027-03-18'));
  });

  it('flags a stairwell 已达标 for more than 7 days that nobody confirmed', async () => {
    setDay('2027-03-10');
    const due = await staff.stages.deadlines({ estateId: 1 });
    const unconfirmed = due.filter((d) => d.kind === 'unconfirmed');
    const map = await staff.estate.map({ estateId: 1 });
    expect(unconfirmed.length).toBe(map.headline.campaign.ruleMet);
    expect(unconfirmed[0]!.zh).toMatch(/已达标，超过 7 天尚未确认征询结果$/);
  });

  it('refuses a date that is not a day, naming the field', async () => {
    const s = await stairwellWhere((p) => p.stage === 'canvassing' && p.passed);
    expect(await refusal(staff.stages.set({ stairwellId: s.id, to: 'consent_passed', on: '2027-02-30' }))).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('on') as string });
    expect((await refusal(staff.stages.set({ stairwellId: s.id, to: 'consent_passed', on: '2099-01-01' }))).message).toContain('晚于今天');
  });
});
