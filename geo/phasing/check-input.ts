import { PhasingInputError } from './phasing-input-error.ts';
import type { PhasingInput } from './phasing-types.ts';

/** Checks the planner's parameters and ids at the top, with messages naming the field. */
export function checkInput(input: PhasingInput): void {
  const positiveInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v > 0;
  if (!positiveInt(input.crews)) throw new PhasingInputError(`crews: expected a whole number ≥ 1, got ${String(input.crews)}`);
  if (!positiveInt(input.phaseDays)) throw new PhasingInputError(`phaseDays: expected a whole number of days ≥ 1, got ${String(input.phaseDays)}`);
  const max = input.maxParkingLossPerPhase;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 0)
    throw new PhasingInputError(`maxParkingLossPerPhase: expected a whole number ≥ 0, got ${String(max)}`);
  const seen = new Set<string>();
  input.stairwells.forEach((s, i) => {
    if (typeof s.id !== 'string' || s.id === '') throw new PhasingInputError(`stairwells[${i}].id: expected a non-empty string`);
    if (seen.has(s.id)) throw new PhasingInputError(`stairwells[${i}].id: ${s.id} appears twice`);
    seen.add(s.id);
    if (typeof s.readyDay !== 'number' || !Number.isFinite(s.readyDay) || s.readyDay < 0)
      throw new PhasingInputError(`stairwells[${i}].readyDay (${s.id}): expected a day ≥ 0, got ${String(s.readyDay)}`);
    if (typeof s.weight !== 'number' || !Number.isFinite(s.weight) || s.weight < 0)
      throw new PhasingInputError(`stairwells[${i}].weight (${s.id}): expected a weight ≥ 0, got ${String(s.weight)}`);
    if (s.zone?.type !== 'Polygon') throw new PhasingInputError(`stairwells[${i}].zone (${s.id}): expected a GeoJSON Polygon`);
  });
  input.fireLanes.forEach((l, i) => {
    if (l.line?.type !== 'LineString') throw new PhasingInputError(`fireLanes[${i}].line (${l.id}): expected a GeoJSON LineString`);
    if (!(l.clearWidthM > 0) || !(l.roadWidthM > 0))
      throw new PhasingInputError(`fireLanes[${i}] (${l.id}): expected positive roadWidthM and clearWidthM`);
  });
}
