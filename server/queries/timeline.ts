import { daysBetween, replayDays } from '../../geo/history/index.ts';
import type { MapColorKey } from '../../geo/palette/index.ts';
import { addDays, shanghaiDay } from '../../geo/time/index.ts';

/** Days the progress chart and replay cover at most (five years). */
export const MAX_DAYS = 5 * 366;
import type { Db } from '../db/database.ts';
import { loadHistory } from './history.ts';

export interface TimelineDay {
  date: string;
  stairwellsConfirmed: number;
  stairwellsRuleMet: number;
  flatsSigned: number;
}
export interface ReplayDay extends TimelineDay {
  /** Stairwells whose colour or pass changed that day: [stairwellId, colour key, passed]. */
  changes: [number, MapColorKey, boolean][];
}

/**
 * The campaign replayed day by day from its first consent event to `now`
 * (Shanghai dates): figures per day, and with `changes` what each day changed
 * on the map. Aggregates and colours only; no flat is named.
 */
export function timeline(db: Db, estateId: number, now: Date, withChanges: true): Promise<{ from: string; to: string; days: ReplayDay[] }>;
export function timeline(db: Db, estateId: number, now: Date, withChanges: false): Promise<{ from: string; to: string; days: TimelineDay[] }>;
export async function timeline(db: Db, estateId: number, now: Date, withChanges: boolean) {
  const h = await loadHistory(db, estateId);
  const to = shanghaiDay(now);
  // From the first signature: a pilot stairwell's lift built years before the campaign is already there on day one.
  const first = h.consent[0]?.at ?? h.stages[0]?.at;
  // At most MAX_DAYS back: a stray early date cannot grow the chart without bound.
  const earliest = addDays(to, -MAX_DAYS);
  const from = first && first.slice(0, 10) < to ? (first.slice(0, 10) < earliest ? earliest : first.slice(0, 10)) : to;
  // The day before the first event: every stairwell as it started, so day one's changes are changes.
  const previous = new Map<number, string>();
  const days = replayDays(h.flats, h.consent, h.stages, daysBetween(from, to)).map((d) => {
    const base = { date: d.date, stairwellsConfirmed: d.stairwellsConfirmed, stairwellsRuleMet: d.stairwellsRuleMet, flatsSigned: d.flatsSigned };
    if (!withChanges) return base;
    const changes: ReplayDay['changes'] = [];
    for (const s of d.stairwells) {
      const key = `${s.colorKey}|${s.passed}`;
      if (previous.get(s.stairwellId) !== key) changes.push([s.stairwellId, s.colorKey, s.passed]);
      previous.set(s.stairwellId, key);
    }
    return { ...base, changes };
  });
  return { from, to, days };
}
