import { evaluateStairwell, type HouseholdStatus } from '../consent/index.ts';
import { mapColorKey } from '../palette/index.ts';
import type { Stage } from '../stages/stages.ts';
import { replayDays } from './replay-days.ts';
import type { HistoryConsentEvent, HistoryFlat, HistoryStageEvent, StairwellAt } from './history-events.ts';

export type { HistoryConsentEvent, HistoryFlat, HistoryStageEvent, StairwellAt };

/**
 * The campaign as it stood at the end of `date` (YYYY-MM-DD, Shanghai): each
 * stairwell's stage and map colour from replaying the consent and stage events
 * up to that date, and nothing else. Events must be sorted by `at`.
 *
 * @example stateAt(flats, consentEvents, stageEvents, '2026-10-15').filter((s) => s.passed).length
 */
export function stateAt(
  flats: readonly HistoryFlat[],
  consent: readonly HistoryConsentEvent[],
  stages: readonly HistoryStageEvent[],
  date: string,
): StairwellAt[] {
  const end = `${date}T23:59:59+08:00`;
  const status = new Map<number, HouseholdStatus>();
  for (const e of consent) {
    if (e.at > end) break;
    status.set(e.flatId, e.to);
  }
  const stageOf = new Map<number, Stage>();
  for (const e of stages) {
    if (e.at > end) break;
    stageOf.set(e.stairwellId, e.to);
  }
  const byStairwell = new Map<number, HistoryFlat[]>();
  for (const f of flats) byStairwell.set(f.stairwellId, [...(byStairwell.get(f.stairwellId) ?? []), f]);
  return [...byStairwell].map(([stairwellId, list]) => {
    const consentNow = evaluateStairwell(
      list.map((f) => ({ flatId: String(f.flatId), voterId: String(f.voterId), areaM2: f.areaM2, status: status.get(f.flatId) ?? 'unvisited' })),
    );
    const stage = stageOf.get(stairwellId) ?? 'canvassing';
    return {
      stairwellId,
      stage,
      colorKey: mapColorKey(stage, consentNow.bin),
      passed: consentNow.complete && consentNow.result.passed,
      flatsSigned: consentNow.flatsSigned,
    };
  });
}

/** Stairwells confirmed, stairwells meeting the rule unconfirmed, and flats signed at the end of each of `days`, for the progress chart. */
export function progressByDay(
  flats: readonly HistoryFlat[],
  consent: readonly HistoryConsentEvent[],
  stages: readonly HistoryStageEvent[],
  days: readonly string[],
): { date: string; stairwellsConfirmed: number; stairwellsRuleMet: number; flatsSigned: number }[] {
  return replayDays(flats, consent, stages, days).map(({ date, stairwellsConfirmed, stairwellsRuleMet, flatsSigned }) => ({ date, stairwellsConfirmed, stairwellsRuleMet, flatsSigned }));
}
