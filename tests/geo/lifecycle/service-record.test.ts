import { describe, expect, it } from 'vitest';
import {
  arrivalMinutes,
  checkFaultTimes,
  checkRepairApproval,
  lifecycleSummary,
  liftHealth,
  nextVisitDue,
  type FaultTimes,
} from '../../../geo/lifecycle/index.ts';
import { HEALTH_PALETTE, MAP_PALETTE } from '../../../geo/palette/index.ts';

const NOW = '2027-06-10T12:00:00+08:00';
const rescue = (over: Partial<FaultTimes> = {}): FaultTimes => ({
  kind: 'entrapment',
  alarmAt: '2027-06-10T08:00:00+08:00',
  arrivedAt: '2027-06-10T08:22:00+08:00',
  releasedAt: '2027-06-10T08:31:00+08:00',
  resolvedAt: '2027-06-10T10:05:00+08:00',
  ...over,
});

describe('faults and trapped-passenger rescues', () => {
  it('accepts times in order, and measures arrival against the 30-minute standard', () => {
    expect(checkFaultTimes(rescue(), NOW)).toBeNull();
    expect(arrivalMinutes(rescue())).toEqual({ minutes: 22, late: false });
    expect(arrivalMinutes(rescue({ arrivedAt: '2027-06-10T08:41:00+08:00', releasedAt: '2027-06-10T08:50:00+08:00' }))).toEqual({ minutes: 41, late: true });
    // A breakdown without passengers is not held to the rescue standard.
    expect(arrivalMinutes(rescue({ kind: 'fault', releasedAt: null, arrivedAt: '2027-06-10T09:30:00+08:00' }))).toEqual({ minutes: 90, late: false });
  });

  it('refuses a release before the alarm, an arrival before the alarm, a repair before the arrival, and a time in the future', () => {
    expect(checkFaultTimes(rescue({ releasedAt: '2027-06-10T07:59:00+08:00' }), NOW)).toMatchObject({ field: 'releasedAt', zh: '解困时间早于报警时间' });
    expect(checkFaultTimes(rescue({ arrivedAt: '2027-06-10T07:30:00+08:00' }), NOW)).toMatchObject({ field: 'arrivedAt' });
    expect(checkFaultTimes(rescue({ resolvedAt: '2027-06-10T08:10:00+08:00' }), NOW)).toMatchObject({ field: 'resolvedAt', zh: '恢复运行时间早于到场时间' });
    expect(checkFaultTimes(rescue({ alarmAt: '2027-06-10T13:00:00+08:00', arrivedAt: null, releasedAt: null, resolvedAt: null }), NOW)).toMatchObject({ field: 'alarmAt' });
    expect(checkFaultTimes(rescue({ kind: 'fault' }), NOW)).toMatchObject({ field: 'releasedAt' });
    expect(checkFaultTimes(rescue({ releasedAt: null }), NOW)).toMatchObject({ field: 'releasedAt', zh: '困人事件须先登记解困时间' });
  });
});

describe('visits, repairs and health', () => {
  it('a visit is due 15 days after the last, or after the lift was put into use', () => {
    expect(nextVisitDue(null, '2027-01-05')).toBe('2027-01-20');
    expect(nextVisitDue('2027-06-01', '2027-01-05')).toBe('2027-06-16');
  });

  it('a repair from the maintenance fund is approved only after 7 days of notice', () => {
    expect(checkRepairApproval('2027-06-01', '2027-06-07', '2027-06-10')).toMatchObject({ field: 'approvedOn', zh: expect.stringContaining('2027-06-08 起才能批准') as string });
    expect(checkRepairApproval('2027-06-01', '2027-06-08', '2027-06-10')).toBeNull();
    expect(checkRepairApproval('2027-06-01', '2027-06-11', '2027-06-10')).toMatchObject({ field: 'approvedOn' });
  });

  it('takes the worst problem first', () => {
    const service = { termTo: '2029-12-31', inspectionValidUntil: '2028-01-04' };
    const base = { inServiceOn: '2027-01-05', service, lastVisitOn: '2027-06-01', openFaults: 0 };
    expect(liftHealth(base, '2027-06-10', 60)).toBe('ok');
    expect(liftHealth(base, '2027-06-17', 60)).toBe('visit_overdue');
    expect(liftHealth({ ...base, openFaults: 1 }, '2027-06-17', 60)).toBe('fault_open');
    expect(liftHealth({ ...base, service: null }, '2027-06-10', 60)).toBe('no_contract');
    expect(liftHealth({ ...base, service: { ...service, termTo: '2027-07-01' } }, '2027-06-10', 60)).toBe('contract_expiring');
    expect(liftHealth({ ...base, lastVisitOn: '2028-01-01' }, '2028-01-05', 60)).toBe('inspection_overdue');
  });

  it('sums the lifecycle panel: visits this month, open faults, mean arrival over 12 months', () => {
    const s = lifecycleSummary(
      ['ok', 'ok', 'fault_open'],
      ['2027-06-01', '2027-06-09', '2027-05-30'],
      [rescue(), rescue({ arrivedAt: '2027-06-10T08:40:00+08:00', releasedAt: '2027-06-10T08:45:00+08:00', resolvedAt: null }), rescue({ alarmAt: '2026-01-01T08:00:00+08:00', arrivedAt: '2026-01-01T10:00:00+08:00', releasedAt: '2026-01-01T10:10:00+08:00' })],
      '2027-06-10',
    );
    expect(s).toMatchObject({ inService: 3, visitsThisMonth: 2, openFaults: 1, meanArrivalMinutes: 31, lateRescues: 1 });
    expect(s.byHealth).toMatchObject({ ok: 2, fault_open: 1 });
  });

  it('colours a healthy lift as 运行维保 and each problem apart from it', () => {
    expect(HEALTH_PALETTE.ok.color).toBe(MAP_PALETTE.in_service.color);
    const colours = Object.values(HEALTH_PALETTE).map((e) => e.color);
    expect(new Set(colours).size).toBe(colours.length);
    const stageFills = new Set(Object.values(MAP_PALETTE).map((e) => e.color));
    for (const [k, e] of Object.entries(HEALTH_PALETTE)) if (k !== 'ok') expect(stageFills.has(e.color), k).toBe(false);
  });
});
