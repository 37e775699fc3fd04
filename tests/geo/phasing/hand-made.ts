import type { Polygon } from 'geojson';
import { createLocalFrame, type Metres2 } from '../../../geo/geometry/index.ts';
import type { PhasingInput, PhasingStairwell } from '../../../geo/phasing/index.ts';

/** Hand-made geometry in metres around Fenghe Garden, for one constraint at a time. */
const frame = createLocalFrame([121.4, 31.227]);
export const rect = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]].map((p) => frame.toLngLat(p as Metres2))],
});
export const line = (...points: Metres2[]) => ({ type: 'LineString' as const, coordinates: points.map((p) => frame.toLngLat(p)) });

/** A 14.6 × 16.5 m construction zone whose south-west corner is at (x, y). */
export function site(id: string, x: number, y = 0, more: Partial<PhasingStairwell> = {}): PhasingStairwell {
  return { id, buildingId: more.buildingId ?? `b-${id}`, readyDay: 0, weight: 1, zone: rect(x, y, x + 14.6, y + 16.5), ...more };
}

export function input(more: Partial<PhasingInput>): PhasingInput {
  return { stairwells: [], fireLanes: [], parkingSpaces: [], crews: 10, phaseDays: 60, maxParkingLossPerPhase: 10, ...more };
}
