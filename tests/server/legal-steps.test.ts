import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededDatabase, type SeededDatabase } from '../support/test-server.ts';
import { callerAs } from '../support/caller.ts';
import { callerApi, verifyWrittenVotes } from '../support/evidence.ts';
import { refusal } from '../support/refusal.ts';

/**
 * 公示 as two real Pudong scheme notices ran it, on the demo estate seeded as
 * of August 2022:
 * - 永泰路775弄28号: posted 2022-09-09 to 09-18 (10 days), objections until
 *   09-25 (7 days); a letter from 101室; the planning bureau replied on
 *   2022-10-13, 18 days after the window;
 * - 香桂园22号: notice of 2023-10-26 addressed to adjacent residents, posted
 *   ten days, objections for seven more, "以寄出邮戳为准".
 */
let store: SeededDatabase;
let clock = new Date('2022-08-26T10:00:00+08:00');
const setDay = (day: string) => (clock = new Date(`${day}T10:00:00+08:00`));
let staff: Awaited<ReturnType<typeof callerAs>>;

beforeAll(async () => {
  store = await seededDatabase({ anchorDay: '2022-08-25' });
  staff = await callerAs(store.db, 'planner', { now: () => clock });
});
afterAll(() => store?.close());

/** A stairwell that meets the rule, confirmed and agreed, posted for 公示 on `start`. */
async function postedOn(start: string, skip: number) {
  const map = await staff.estate.map({ estateId: 1 });
  const s = map.layers.stairwells.features.map((f) => f.properties).filter((p) => p.stage === 'canvassing' && p.passed)[skip]!;
  const before = (d: number) => new Date(Date.parse(`${start}T10:00:00+08:00`) - d * 86_400_000).toISOString().slice(0, 10);
  setDay(before(10));
  await verifyWrittenVotes(callerApi(staff), s.id, clock);
  await staff.stages.set({ stairwellId: s.id, to: 'consent_passed' });
  setDay(before(5));
  await staff.stages.set({ stairwellId: s.id, to: 'agreement_signed' });
  setDay(start);
  await staff.stages.set({ stairwellId: s.id, to: 'public_notice', on: start });
  return s;
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

describe('公示 by the law: the post counts, neighbours object, the bureau answers', () => {
  it('永泰路775弄28号 (2022): a letter from 101室, the bureau’s reply 18 days after the window, and only then the next step', async () => {
    const s = await postedOn('2022-09-09', 0);
    const pipeline = await staff.stages.pipeline({ estateId: 1 });
    expect(pipeline.stairwells.find((x) => x.id === s.id)!.windows).toMatchObject({ postedUntil: '2022-09-18', objectionsUntil: '2022-09-25', closedOn: '2022-09-26' });

    setDay('2022-09-21');
    const letter = await staff.stages.recordObjection({ stairwellId: s.id, room: '101', content: '担心采光和噪音，不同意加装', postmarkedOn: '2022-09-19', receivedOn: '2022-09-21' });
    // The window has closed and the post is checked, but no reply from the bureau yet: refused, saying so.
    setDay('2022-10-10');
    await staff.stages.resolveObjection({ objectionId: letter.id, outcome: 'overruled', note: '经解释、说服未能达成一致，按规定不予采纳', resolvedOn: '2022-10-08' });
    await staff.stages.recordLegal({ stairwellId: s.id, kind: 'post_checked', on: '2022-09-30' });
    expect((await refusal(staff.stages.set({ stairwellId: s.id, to: 'design_approved' }))).message).toContain('公示期间收到 1 份书面异议：请先登记规划资源局的异议答复');
    // The reply answers every objection, one by one.
    setDay('2022-10-13');
    expect((await refusal(staff.stages.recordLegal({ stairwellId: s.id, kind: 'bureau_reply', on: '2022-10-13', reference: '浦东规划资源局 2022-10-13 答复' }))).message).toContain('规划资源局的答复须逐份说明（本门洞收到 1 份书面异议，填写了 0 份）');
    await staff.stages.recordLegal({
      stairwellId: s.id,
      kind: 'bureau_reply',
      on: '2022-10-13',
      reference: '浦东规划资源局 2022-10-13 答复',
      answers: [{ objectionId: letter.id, answer: '公示有异议，请街道、居委会与推进小组做好解释、说服工作；无需办理规划审批手续' }],
    });
    expect(daysBetween('2022-09-25', '2022-10-13')).toBe(18);
    const moved = await staff.stages.set({ stairwellId: s.id, to: 'design_approved' });
    expect(moved).toMatchObject({ changed: true, to: 'design_approved', on: '2022-10-13' });
    const after = (await staff.stages.pipeline({ estateId: 1 })).stairwells.find((x) => x.id === s.id)!;
    expect(after.objections).toEqual([expect.objectContaining({ room: '101', postmarkedOn: '2022-09-19', bureauAnswer: expect.stringContaining('无需办理规划审批手续') as string })]);
    expect(after.legal.map((r) => [r.kind, r.on])).toEqual([
      ['post_checked', '2022-09-30'],
      ['bureau_reply', '2022-10-13'],
    ]);
  });

  it('香桂园22号 (2023): a neighbour across the way objects by post; postmarked on the last day counts, a day later does not; the stairwell waits for the post', async () => {
    const s = await postedOn('2023-10-26', 0);
    const w = (await staff.stages.pipeline({ estateId: 1 })).stairwells.find((x) => x.id === s.id)!.windows!;
    expect(w).toMatchObject({ postedUntil: '2023-11-04', objectionsUntil: '2023-11-11', closedOn: '2023-11-12' });

    // The day the window closes, nothing has come: the next stage waits for letters still in the post.
    setDay('2023-11-12');
    expect((await refusal(staff.stages.set({ stairwellId: s.id, to: 'design_approved' }))).message).toContain('以寄出邮戳为准，2023-11-11 前寄出的异议信件可能仍在途中：请先登记“异议信件已查收”，或 2023-11-17 起再进入下一阶段');
    const due = (await staff.stages.deadlines({ estateId: 1 })).filter((d) => d.stairwellId === s.id);
    expect(due.map((d) => d.kind)).toEqual(['post_check']);

    // A neighbour, not a room of the stairwell: by address and distance.
    setDay('2023-11-14');
    expect((await refusal(staff.stages.recordObjection({ stairwellId: s.id, room: '909', content: '遮挡采光', receivedOn: '2023-11-14', postmarkedOn: '2023-11-11' }))).message).toContain('相邻楼栋的异议请填写地址');
    expect((await refusal(staff.stages.recordObjection({ stairwellId: s.id, fromAddress: '育海路88弄香桂园21号302室', content: '遮挡采光', receivedOn: '2023-11-14', postmarkedOn: '2023-11-11' }))).message).toContain('distanceM');
    // Posted on the last day, delivered three days later: it counts.
    const neighbour = await staff.stages.recordObjection({ stairwellId: s.id, fromAddress: '育海路88弄香桂园21号302室', distanceM: 18, content: '电梯井道遮挡我家南向采光', receivedOn: '2023-11-14', postmarkedOn: '2023-11-11' });
    expect(neighbour).toMatchObject({ room: null, fromAddress: '育海路88弄香桂园21号302室' });
    // Posted a day late, or handed in late without a postmark: refused, naming the field.
    expect(await refusal(staff.stages.recordObjection({ stairwellId: s.id, fromAddress: '育海路88弄香桂园23号101室', distanceM: 25, content: '反对', receivedOn: '2023-11-14', postmarkedOn: '2023-11-12' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('postmarkedOn：异议期至 2023-11-11，邮戳 2023-11-12 已过期') as string,
    });
    expect((await refusal(staff.stages.recordObjection({ stairwellId: s.id, room: '201', content: '反对', receivedOn: '2023-11-13' }))).message).toContain('邮寄的信件以寄出邮戳为准，请填写邮戳日期');
    // A postmark after the day it arrived is a typing slip.
    expect((await refusal(staff.stages.recordObjection({ stairwellId: s.id, room: '201', content: '反对', receivedOn: '2023-11-08', postmarkedOn: '2023-11-09' }))).message).toContain('postmarkedOn：邮戳日期应在公示开始 2023-10-26 至收到日期 2023-11-08 之间');

    const rows = await store.sql<{ n: number | string }>('SELECT count(*) AS n FROM objections WHERE stairwell_id = ?', s.id);
    expect(Number(rows[0]!.n)).toBe(1);
    const listed = (await staff.stages.pipeline({ estateId: 1 })).stairwells.find((x) => x.id === s.id)!.objections;
    expect(listed).toEqual([expect.objectContaining({ room: null, fromAddress: '育海路88弄香桂园21号302室', distanceM: 18, postmarkedOn: '2023-11-11', receivedOn: '2023-11-14', status: 'mediating' })]);
  });

  it('refuses a legal record out of order or without its document, and records each once', async () => {
    const s = await postedOn('2024-03-01', 0);
    setDay('2024-03-05');
    expect((await refusal(staff.stages.recordLegal({ stairwellId: s.id, kind: 'construction_notice', on: '2024-03-05', reference: '沪特告 1' }))).message).toContain('施工告知须在“施工许可”之后登记，本门洞现为“公示”');
    expect((await refusal(staff.stages.recordLegal({ stairwellId: s.id, kind: 'post_checked', on: '2024-03-05' }))).message).toContain('异议信件已查收日期 2024-03-05 早于异议期结束后的第一天（2024-03-18）');
    expect((await refusal(staff.stages.recordLegal({ stairwellId: s.id, kind: 'bureau_reply', on: '2024-03-05', reference: 'X' }))).message).toContain('没有收到书面异议，无需登记异议答复');
    expect((await refusal(staff.stages.recordLegal({ stairwellId: s.id, kind: 'post_checked', on: '2024-03-30' }))).message).toContain('晚于今天');
    setDay('2024-03-18');
    await staff.stages.recordLegal({ stairwellId: s.id, kind: 'post_checked', on: '2024-03-18' });
    expect(await refusal(staff.stages.recordLegal({ stairwellId: s.id, kind: 'post_checked', on: '2024-03-18' }))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('异议信件已查收已登记（2024-03-18）') as string });
    // Without objections and with the post checked, the stairwell moves on the day the windows close.
    await staff.stages.set({ stairwellId: s.id, to: 'design_approved' });
    // A neighbour's objection names where it comes from; nothing is written for a refused one.
    const count = await store.sql<{ n: number | string }>('SELECT count(*) AS n FROM legal_records WHERE stairwell_id = ?', s.id);
    expect(Number(count[0]!.n)).toBe(1);
  });
});
