import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUSEHOLD_STATUSES } from '../../../geo/consent/index.ts';
import { daysBetween, replayDays, stateAt, type HistoryConsentEvent, type HistoryFlat, type HistoryStageEvent } from '../../../geo/history/index.ts';


const campaign = fc
  .record({
    stairwells: fc.integer({ min: 1, max: 6 }),
    flatsEach: fc.integer({ min: 2, max: 12 }),
    events: fc.array(fc.record({ flat: fc.nat(), to: fc.constantFrom(...HOUSEHOLD_STATUSES), day: fc.integer({ min: 0, max: 20 }), minute: fc.integer({ min: 0, max: 1439 }) }), { maxLength: 120 }),
    stageDays: fc.array(fc.record({ stairwell: fc.nat(), day: fc.integer({ min: 0, max: 20 }) }), { maxLength: 4 }),
  })
  .map(({ stairwells, flatsEach, events, stageDays }) => {
    const flats: HistoryFlat[] = Array.from({ length: stairwells * flatsEach }, (_, i) => ({
      flatId: i + 1,
      stairwellId: Math.floor(i / flatsEach) + 1,
      voterId: i + 1,
      areaM2: 50 + (i % 5) * 7,
    }));
    const at = (day: number, minute: number) =>
      `2026-10-${String(day + 1).padStart(2, '0')}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+08:00`;
    const consent: HistoryConsentEvent[] = events
      .map((e) => ({ flatId: (e.flat % flats.length) + 1, to: e.to, at: at(e.day, e.minute) }))
      .sort((a, b) => a.at.localeCompare(b.at));
    const stages: HistoryStageEvent[] = stageDays
      .map((s) => ({ stairwellId: (s.stairwell % stairwells) + 1, to: 'suspended' as const, at: at(s.day, 600) }))
      .sort((a, b) => a.at.localeCompare(b.at));
    return { flats, consent, stages };
  });

describe('replaying day by day', () => {
  it('gives exactly the from-scratch replay for every day', () => {
    fc.assert(
      fc.property(campaign, ({ flats, consent, stages }) => {
        const days = daysBetween('2026-09-30', '2026-10-22');
        for (const day of replayDays(flats, consent, stages, days)) {
          const byId = (xs: { stairwellId: number }[]) => [...xs].sort((a, b) => a.stairwellId - b.stairwellId);
          expect(byId(day.stairwells)).toEqual(byId(stateAt(flats, consent, stages, day.date)));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('lists every date between two dates across a month end', () => {
    expect(daysBetween('2026-10-30', '2026-11-02')).toEqual(['2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02']);
    expect(daysBetween('2026-11-02', '2026-11-01')).toEqual([]);
  });
});
