import { countCampaign } from '../campaign/index.ts';
import { evaluateStairwell, type HouseholdStatus } from '../consent/index.ts';
import { mapColorKey } from '../palette/index.ts';
import type { Stage } from '../stages/stages.ts';
import type { HistoryConsentEvent, HistoryFlat, HistoryStageEvent, StairwellAt } from './history-events.ts';

export interface DayState {
  date: string;
  stairwells: StairwellAt[];
  /** Confirmed by staff (征询通过 and later), from geo/campaign's one count. */
  stairwellsConfirmed: number;
  /** Meeting the rule on signed votes but not yet confirmed (已达标). */
  stairwellsRuleMet: number;
  flatsSigned: number;
}

/**
 * The campaign at the end of each of `days` (ascending YYYY-MM-DD), replayed
 * in one pass: each day applies only that day's events and re-evaluates only
 * the stairwells they touched. Gives exactly `stateAt` for every day; this is
 * what the progress chart and the time-lapse draw. Events must be sorted by `at`.
 */
export function replayDays(
  flats: readonly HistoryFlat[],
  consent: readonly HistoryConsentEvent[],
  stages: readonly HistoryStageEvent[],
  days: readonly string[],
): DayState[] {
  const byStairwell = new Map<number, HistoryFlat[]>();
  for (const f of flats) byStairwell.set(f.stairwellId, [...(byStairwell.get(f.stairwellId) ?? []), f]);
  const stairwellOfFlat = new Map(flats.map((f) => [f.flatId, f.stairwellId]));
  const status = new Map<number, HouseholdStatus>();
  const stageOf = new Map<number, Stage>();
  const current = new Map<number, StairwellAt>();
  const dirty = new Set(byStairwell.keys());
  let c = 0;
  let s = 0;
  return days.map((date) => {
    const end = `${date}T23:59:59+08:00`;
    for (; c < consent.length && consent[c]!.at <= end; c++) {
      const e = consent[c]!;
      status.set(e.flatId, e.to);
      const stairwellId = stairwellOfFlat.get(e.flatId);
      if (stairwellId !== undefined) dirty.add(stairwellId);
    }
    for (; s < stages.length && stages[s]!.at <= end; s++) {
      stageOf.set(stages[s]!.stairwellId, stages[s]!.to);
      dirty.add(stages[s]!.stairwellId);
    }
    for (const stairwellId of dirty) {
      const list = byStairwell.get(stairwellId);
      if (!list) continue;
      const evaluation = evaluateStairwell(
        list.map((f) => ({ flatId: String(f.flatId), voterId: String(f.voterId), areaM2: f.areaM2, status: status.get(f.flatId) ?? 'unvisited' })),
      );
      const stage = stageOf.get(stairwellId) ?? 'canvassing';
      current.set(stairwellId, {
        stairwellId,
        stage,
        colorKey: mapColorKey(stage, evaluation.bin),
        passed: evaluation.complete && evaluation.result.passed,
        flatsSigned: evaluation.flatsSigned,
      });
    }
    dirty.clear();
    const stairwells = [...current.values()];
    const counts = countCampaign(stairwells.map((x) => ({ stage: x.stage, ruleMet: x.passed, areaMissing: x.colorKey === 'incomplete' })));
    return {
      date,
      stairwells,
      stairwellsConfirmed: counts.confirmed,
      stairwellsRuleMet: counts.ruleMet,
      flatsSigned: stairwells.reduce((n, x) => n + x.flatsSigned, 0),
    };
  });
}

/** Every calendar date from `from` to `to` inclusive (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; ) {
    days.push(d);
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    d = new Date(Date.UTC(y, m - 1, day + 1)).toISOString().slice(0, 10);
  }
  return days;
}
