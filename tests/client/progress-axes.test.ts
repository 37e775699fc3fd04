import { describe, expect, it } from 'vitest';
import { niceAxis, progressOption } from '../../client/charts/progress-option.ts';

describe('the progress chart’s axes', () => {
  it('end on a tick at or above the highest value, in round steps', () => {
    expect(niceAxis(17)).toEqual({ max: 20, interval: 5 });
    expect(niceAxis(1008)).toEqual({ max: 1200, interval: 300 });
    expect(niceAxis(80)).toEqual({ max: 80, interval: 20 });
    expect(niceAxis(0)).toEqual({ max: 4, interval: 1 });
    for (const v of [1, 3, 9, 21, 99, 101, 555, 1920, 8000]) {
      const a = niceAxis(v);
      expect(a.max).toBeGreaterThanOrEqual(v);
      expect(a.max / a.interval).toBe(4);
      // Never more than twice the data: the line uses at least half the chart's height.
      expect(a.max).toBeLessThanOrEqual(Math.max(4, 2 * v));
    }
  });

  it('names both axes and gives both four steps, so their grid lines are shared', () => {
    const days = [
      { date: '2026-11-01', stairwellsConfirmed: 3, stairwellsRuleMet: 2, flatsSigned: 400 },
      { date: '2026-11-02', stairwellsConfirmed: 17, stairwellsRuleMet: 9, flatsSigned: 1008 },
    ];
    const option = progressOption(days, { confirmed: '征询通过', ruleMet: '已达标待确认', signed: '已签字户数', stairwellAxis: '门洞', flatAxis: '户' }, 24) as { yAxis: { name: string; max: number; interval: number }[] };
    expect(option.yAxis.map((a) => [a.name, a.max, a.interval])).toEqual([
      ['门洞', 20, 5],
      ['户', 1200, 300],
    ]);
  });

  it('keeps only the steps whose labels fit a short chart, the same number on both axes', () => {
    const days = [{ date: '2026-11-02', stairwellsConfirmed: 17, stairwellsRuleMet: 9, flatsSigned: 1008 }];
    const labels = { confirmed: '征询通过', ruleMet: '已达标待确认', signed: '已签字户数', stairwellAxis: '门洞', flatAxis: '户' };
    const steps = (height: number) => (progressOption(days, labels, 24, undefined, 800, height) as { yAxis: { max: number; interval: number }[] }).yAxis.map((a) => a.max / a.interval);
    // 24 px type: the legend and axis names take 3.6 units, the dates 1.6; each step needs 1.8 (43 px).
    expect(steps(400)).toEqual([4, 4]);
    expect(steps(230)).toEqual([2, 2]);
    expect(steps(150)).toEqual([1, 1]);
  });
});
