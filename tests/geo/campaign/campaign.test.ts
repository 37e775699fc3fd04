import { describe, expect, it } from 'vitest';
import { CAMPAIGN_WORDS, countCampaign, deadlines, ruleMetSince, sumCampaign, type DeadlineStairwell } from '../../../geo/campaign/index.ts';
import { noticeWindows } from '../../../geo/stages/index.ts';

describe('countCampaign', () => {
  it('keeps 已达标 and 征询通过 apart, and its steps add up to the total', () => {
    const c = countCampaign([
      { stage: 'canvassing', ruleMet: false },
      { stage: 'canvassing', ruleMet: true },
      { stage: 'consent_passed', ruleMet: true },
      // A confirmed stairwell whose votes later changed is still confirmed: the result was posted.
      { stage: 'public_notice', ruleMet: false },
      { stage: 'in_service', ruleMet: true },
      { stage: 'suspended', ruleMet: true },
    ]);
    expect(c).toMatchObject({ total: 6, ruleMet: 1, confirmed: 3, inService: 1, suspended: 1 });
    expect(Object.values(c.steps).reduce((a, b) => a + b, 0)).toBe(6);
    expect(sumCampaign([c, c])).toMatchObject({ total: 12, ruleMet: 2, confirmed: 6 });
    expect([CAMPAIGN_WORDS.ruleMet.zh, CAMPAIGN_WORDS.confirmed.zh]).toEqual(['已达标', '征询通过']);
  });
});

describe('campaign steps of an estate imported without its register', () => {
  it('counts a stairwell whose areas are missing as 面积不全, as the map legend does, not as canvassing', () => {
    const counts = countCampaign([
      { stage: 'canvassing', ruleMet: false, areaMissing: true },
      { stage: 'canvassing', ruleMet: false, areaMissing: true },
      { stage: 'canvassing', ruleMet: false },
    ]);
    expect([counts.steps.incomplete, counts.steps.canvassing]).toEqual([2, 1]);
  });
});

describe('ruleMetSince', () => {
  const flats = [1, 2, 3].map((i) => ({ flatId: `f${i}`, voterId: `v${i}`, areaM2: 50 }));
  it('gives the day the rule was met without a break since', () => {
    // Two of three voters and areas signed meets both two-thirds tests.
    const events = [
      { flatId: 'f1', to: 'signed' as const, at: '2026-11-01T10:00:00+08:00' },
      { flatId: 'f2', to: 'signed' as const, at: '2026-11-03T10:00:00+08:00' },
    ];
    expect(ruleMetSince(flats, events)).toBe('2026-11-03');
    // Broken by a withdrawal, met again later: the later day counts.
    const broken = [...events, { flatId: 'f2', to: 'undecided' as const, at: '2026-11-06T10:00:00+08:00' }, { flatId: 'f3', to: 'signed' as const, at: '2026-11-09T10:00:00+08:00' }];
    expect(ruleMetSince(flats, broken)).toBe('2026-11-09');
    expect(ruleMetSince(flats, events.slice(0, 1))).toBeNull();
  });
});

describe('deadlines', () => {
  const base: DeadlineStairwell = { stairwellId: 1, doorNumber: '3号', stage: 'canvassing', ruleMetSince: null, windows: null, openObjections: 0 };
  it('lists what is due, overdue first', () => {
    const due = deadlines(
      [
        { ...base, stairwellId: 1, doorNumber: '1号', stage: 'public_notice', windows: noticeWindows('2026-12-01') },
        { ...base, stairwellId: 2, doorNumber: '2号', stage: 'in_service', stageDates: { accepted: '2026-09-20', in_service: '2026-10-01' }, legal: { technical_file: '2026-09-25' } },
        { ...base, stairwellId: 3, doorNumber: '3号', ruleMetSince: '2026-11-20' },
        { ...base, stairwellId: 4, doorNumber: '4号', ruleMetSince: '2026-12-01' },
        { ...base, stairwellId: 5, doorNumber: '5号', stage: 'public_notice', windows: noticeWindows('2026-11-01'), openObjections: 2 },
      ],
      '2026-12-05',
    );
    expect(due.map((d) => [d.doorNumber, d.kind, d.overdue])).toEqual([
      ['2号', 'registration_overdue', true],
      ['5号', 'objections_open', true],
      ['3号', 'unconfirmed', true],
      ['1号', 'notice_closing', false],
    ]);
    expect(due.find((d) => d.kind === 'notice_closing')).toMatchObject({ due: '2026-12-10', daysLeft: 5 });
  });
});
