import { describe, expect, it } from 'vitest';
import { checkStageChange, effectiveHistory, noticeWindows, standing, type StageChange } from '../../../geo/stages/index.ts';

const TODAY = '2026-12-20';
const change = (c: Partial<StageChange> & Pick<StageChange, 'from' | 'to'>): StageChange => ({ on: TODAY, today: TODAY, fromOn: null, consentPassed: true, ...c });
const code = (c: Partial<StageChange> & Pick<StageChange, 'from' | 'to'>) => checkStageChange(change(c))?.code ?? null;

describe('checkStageChange', () => {
  it('confirms a stairwell only when the rule passes on signed votes', () => {
    expect(code({ from: 'canvassing', to: 'consent_passed', consentPassed: false })).toBe('consent_not_passed');
    expect(checkStageChange(change({ from: 'canvassing', to: 'consent_passed', consentPassed: false }))?.zh).toBe('不能进入征询通过：按已签字的表决，征询规则尚未通过');
    expect(code({ from: 'canvassing', to: 'consent_passed' })).toBeNull();
  });

  it('advances one stage at a time and never back (going back is an undo)', () => {
    expect(code({ from: 'consent_passed', to: 'public_notice' })).toBe('not_next_stage');
    expect(code({ from: 'consent_passed', to: 'agreement_signed' })).toBeNull();
    expect(code({ from: 'consent_passed', to: 'canvassing' })).toBe('backwards');
    expect(checkStageChange(change({ from: 'permitted', to: 'public_notice' }))?.zh).toContain('撤销上一步');
  });

  it('refuses a date before the current stage’s or after today, naming both dates', () => {
    const before = checkStageChange(change({ from: 'agreement_signed', to: 'public_notice', on: '2026-12-01', fromOn: '2026-12-05' }));
    expect(before).toMatchObject({ code: 'date_before_previous', field: 'on' });
    expect(before?.zh).toBe('日期 2026-12-01 早于当前阶段“签订加梯协议”的日期 2026-12-05');
    expect(code({ from: 'agreement_signed', to: 'public_notice', on: '2026-12-21' })).toBe('date_in_future');
    expect(code({ from: 'agreement_signed', to: 'public_notice', on: '2026-12-05', fromOn: '2026-12-05' })).toBeNull();
  });

  it('posts 公示 for at least 10 days and then 7 for objections', () => {
    expect(checkStageChange(change({ from: 'agreement_signed', to: 'public_notice', details: { noticeDays: 9, objectionDays: 7 } }))).toMatchObject({ code: 'notice_too_short', field: 'noticeDays' });
    expect(checkStageChange(change({ from: 'agreement_signed', to: 'public_notice', details: { noticeDays: 10, objectionDays: 5 } }))).toMatchObject({ code: 'notice_too_short', field: 'objectionDays' });
    expect(code({ from: 'agreement_signed', to: 'public_notice', details: { noticeDays: 10, objectionDays: 7 } })).toBeNull();
  });

  it('leaves 公示 only after both windows closed and every objection resolved', () => {
    const notice = { start: '2026-12-01', noticeDays: 10, objectionDays: 7 };
    expect(noticeWindows('2026-12-01')).toEqual({ start: '2026-12-01', postedUntil: '2026-12-10', objectionsFrom: '2026-12-11', objectionsUntil: '2026-12-17', closedOn: '2026-12-18' });
    const early = checkStageChange(change({ from: 'public_notice', to: 'design_approved', on: '2026-12-17', fromOn: '2026-12-01', notice }));
    expect(early).toMatchObject({ code: 'windows_open', field: 'on' });
    expect(early?.zh).toBe('公示期至 2026-12-10、书面异议期至 2026-12-17，2026-12-18 起才能进入下一阶段');
    // A letter postmarked by 12-17 may still be in the post: staff check it, or wait the grace days.
    expect(code({ from: 'public_notice', to: 'design_approved', on: '2026-12-18', fromOn: '2026-12-01', notice })).toBe('post_not_checked');
    expect(code({ from: 'public_notice', to: 'design_approved', on: '2026-12-23', today: '2026-12-23', fromOn: '2026-12-01', notice })).toBeNull();
    expect(code({ from: 'public_notice', to: 'design_approved', on: '2026-12-18', fromOn: '2026-12-01', notice: { ...notice, postGraceDays: 0 } })).toBeNull();
    const checked = { post_checked: '2026-12-18' };
    expect(code({ from: 'public_notice', to: 'design_approved', on: '2026-12-18', fromOn: '2026-12-01', notice, legal: checked, openObjections: 1, objectionsReceived: 1 })).toBe('objections_open');
    // An objection received (even resolved) needs the planning bureau's reply.
    expect(code({ from: 'public_notice', to: 'design_approved', on: '2026-12-18', fromOn: '2026-12-01', notice, legal: checked, openObjections: 0, objectionsReceived: 1 })).toBe('bureau_reply_required');
    expect(code({ from: 'public_notice', to: 'design_approved', on: '2026-12-18', fromOn: '2026-12-01', notice, legal: { ...checked, bureau_reply: '2026-12-18' }, objectionsReceived: 1 })).toBeNull();
    expect(code({ from: 'public_notice', to: 'design_approved', on: '2026-12-18', fromOn: '2026-12-01', notice, legal: checked, openObjections: 0 })).toBeNull();
  });

  it('needs a permit number, 施工告知 before 施工 and 监督检验 before 投入使用; registration follows use', () => {
    expect(code({ from: 'design_approved', to: 'permitted' })).toBe('permit_number_required');
    expect(code({ from: 'design_approved', to: 'permitted', details: { permitNumber: '  ' } })).toBe('permit_number_required');
    expect(code({ from: 'design_approved', to: 'permitted', details: { permitNumber: '沪徐建备2026-118' } })).toBeNull();
    expect(code({ from: 'permitted', to: 'under_construction' })).toBe('construction_notice_required');
    expect(code({ from: 'permitted', to: 'under_construction', on: '2026-12-05', legal: { construction_notice: '2026-12-06' } })).toBe('construction_notice_required');
    expect(code({ from: 'permitted', to: 'under_construction', on: '2026-12-06', legal: { construction_notice: '2026-12-06' } })).toBeNull();
    expect(code({ from: 'accepted', to: 'in_service' })).toBe('inspection_required');
    expect(code({ from: 'accepted', to: 'in_service', legal: { supervision_inspection: '2026-12-01' } })).toBeNull();
  });

  it('suspends from any stage with a reason, and resumes only to where it was', () => {
    expect(code({ from: 'public_notice', to: 'suspended' })).toBe('reason_required');
    expect(code({ from: 'public_notice', to: 'suspended', reason: '书面异议，调解中' })).toBeNull();
    expect(code({ from: 'canvassing', to: 'suspended', reason: '业主要求暂缓', consentPassed: false })).toBeNull();
    expect(code({ from: 'suspended', to: 'suspended', reason: 'again' })).toBe('already_suspended');
    expect(code({ from: 'suspended', to: 'public_notice', resumeStage: 'public_notice' })).toBeNull();
    expect(code({ from: 'suspended', to: 'design_approved', resumeStage: 'public_notice' })).toBe('resume_elsewhere');
  });
});

describe('effectiveHistory', () => {
  const ev = (id: number, fromStage: StageChange['from'], toStage: StageChange['to'], undoes: number | null = null) => ({ id, fromStage, toStage, at: `2026-12-0${id}T10:00:00+08:00`, effectiveOn: null, details: null, undoes });

  it('takes back undone steps without deleting them, and resumes a suspension where it left', () => {
    const events = [ev(1, 'canvassing', 'consent_passed'), ev(2, 'consent_passed', 'agreement_signed'), ev(3, 'agreement_signed', 'suspended'), ev(4, 'suspended', 'agreement_signed', 3)];
    expect(standing(effectiveHistory(events)).stage).toBe('agreement_signed');
    expect(standing(effectiveHistory(events.slice(0, 3)))).toMatchObject({ stage: 'suspended', resumeStage: 'agreement_signed', on: '2026-12-03' });
    const twice = [...events, ev(5, 'agreement_signed', 'consent_passed', 2)];
    expect(effectiveHistory(twice).map((s) => s.event.id)).toEqual([1]);
  });
});
