import { describe, expect, it } from 'vitest';
import { progressAgainstPlan, readyDateFrom } from '../../../geo/phasing/index.ts';

const planned = { start: '2027-03-01', end: '2027-05-10' };
const at = (actual: { start: string | null; end: string | null }, today: string, readyDate: string | null = null) => progressAgainstPlan({ planned, actual, readyDate }, today);

describe('progressAgainstPlan: a stairwell of the programme against its planned bar', () => {
  it('is on time before its start when ready, at risk when it cannot be ready by then', () => {
    expect(at({ start: null, end: null }, '2027-02-01', '2027-02-20')).toEqual({ status: 'on_time', slipDays: 0, slipped: false });
    expect(at({ start: null, end: null }, '2027-02-01', '2027-03-11')).toEqual({ status: 'at_risk', slipDays: 10, slipped: true });
  });

  it('counts a missed start to today, or to its ready day when that is later', () => {
    expect(at({ start: null, end: null }, '2027-03-08', '2027-02-20')).toEqual({ status: 'late_start', slipDays: 7, slipped: true });
    expect(at({ start: null, end: null }, '2027-03-08', '2027-03-20')).toEqual({ status: 'late_start', slipDays: 19, slipped: true });
  });

  it('while building: on time, started late by the days it started late, or overrunning its end', () => {
    expect(at({ start: '2027-03-01', end: null }, '2027-04-01')).toEqual({ status: 'building', slipDays: 0, slipped: false });
    expect(at({ start: '2027-03-15', end: null }, '2027-04-01')).toEqual({ status: 'started_late', slipDays: 14, slipped: true });
    expect(at({ start: '2027-03-01', end: null }, '2027-05-20')).toEqual({ status: 'overrun', slipDays: 10, slipped: true });
  });

  it('once accepted: done, or done late by the days after its planned end', () => {
    expect(at({ start: '2027-03-01', end: '2027-05-10' }, '2027-06-01')).toEqual({ status: 'done', slipDays: 0, slipped: false });
    expect(at({ start: '2027-03-01', end: '2027-05-13' }, '2027-06-01')).toEqual({ status: 'done_late', slipDays: 3, slipped: true });
  });
});

describe('readyDateFrom: the earliest construction start from real stage dates', () => {
  it('adds the lead times still to run to the day the stage was entered', () => {
    // 征询通过 on 1 Nov: 28 + 7 + 17 + 21 days to go.
    expect(readyDateFrom({ stage: 'consent_passed', enteredOn: '2026-11-01' }, '2026-11-20')).toBe('2027-01-13');
    expect(readyDateFrom({ stage: 'design_approved', enteredOn: '2026-11-01' }, '2026-11-05')).toBe('2026-11-22');
  });

  it('in 公示, counts from the day both windows close', () => {
    expect(readyDateFrom({ stage: 'public_notice', enteredOn: '2026-11-01', noticeClosedOn: '2026-11-25' }, '2026-11-05')).toBe('2026-12-16');
  });

  it('never before today, from today when there is no date, and none once building', () => {
    expect(readyDateFrom({ stage: 'permitted', enteredOn: '2026-01-01' }, '2026-11-05')).toBe('2026-11-05');
    // Still canvassing: 56 + 28 + 7 + 17 + 21 = 129 days from today.
    expect(readyDateFrom({ stage: 'canvassing', enteredOn: null }, '2026-11-05')).toBe('2027-03-14');
    expect(readyDateFrom({ stage: 'under_construction', enteredOn: '2026-10-01' }, '2026-11-05')).toBeNull();
    expect(readyDateFrom({ stage: 'suspended', enteredOn: '2026-10-01' }, '2026-11-05')).toBeNull();
  });
});
