import { describe, expect, it } from 'vitest';
import { evaluateStairwell, progressBin, type HouseholdStatus, type RegisterFlat } from '../../../geo/consent/index.ts';

const flats = (statuses: HouseholdStatus[]): RegisterFlat[] =>
  statuses.map((status, i) => ({ flatId: `f${i}`, voterId: `v${i}`, areaM2: 50, status }));
const times = (n: number, s: HouseholdStatus): HouseholdStatus[] => Array<HouseholdStatus>(n).fill(s);

describe('evaluateStairwell', () => {
  it('is incomplete, never zero, while an area is unknown', () => {
    const list = flats([...times(20, 'signed'), ...times(4, 'unvisited')]);
    list[3] = { ...list[3]!, areaM2: null };
    const e = evaluateStairwell(list);
    expect(e).toMatchObject({ complete: false, bin: 'incomplete', missingAreaFlatIds: ['f3'], flatsSigned: 20 });
  });

  it('counts only signatures as agreement, and verbal intent only in the forecast', () => {
    const e = evaluateStairwell(flats([...times(10, 'signed'), ...times(10, 'intent'), ...times(4, 'unvisited')]));
    if (!e.complete) throw new Error('expected complete');
    expect(e.result.passed).toBe(false);
    expect(e.forecastPassed).toBe(true);
    expect(e.tests.votersParticipation).toMatchObject({ met: false, share: 10 / 24 });
    expect(e.tests.votersAgreement).toMatchObject({ met: true, share: 1 });
  });

  it('bins progress by the share of needed signatures collected', () => {
    // 16 of 24 must take part: 8 signed, 8 more needed → 50%.
    const e = evaluateStairwell(flats([...times(8, 'signed'), ...times(16, 'unvisited')]));
    expect(e.complete && e.progress).toBe(0.5);
    expect(e.bin).toBe('p50');
    expect(evaluateStairwell(flats([...times(16, 'signed'), ...times(8, 'unvisited')])).bin).toBe('passed');
    expect(evaluateStairwell(flats([...times(12, 'opposed'), ...times(12, 'unvisited')])).bin).toBe('impossible');
  });

  it('maps progress shares onto bins at the quarter marks', () => {
    expect([0, 0.249, 0.25, 0.5, 0.75, 0.999, 1].map(progressBin)).toEqual(['p0', 'p0', 'p25', 'p50', 'p75', 'p75', 'passed']);
  });
});
