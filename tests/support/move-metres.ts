import { centroid, polygon as turfPolygon } from '@turf/turf';
import type { PolygonGeometry } from '../../geo/estate/index.ts';
import { createLocalFrame, type LngLat } from '../../geo/geometry/index.ts';

/** A position or polygon moved `east` and `north` metres (local frame, ~1 cm). */
export function moveMetres<T extends LngLat | PolygonGeometry>(p: T, east: number, north: number): T {
  const origin: LngLat = Array.isArray(p) ? p : (centroid(turfPolygon(p.coordinates)).geometry.coordinates as LngLat);
  const frame = createLocalFrame(origin);
  const shift = (c: LngLat): LngLat => {
    const [x, y] = frame.toMetres(c);
    return frame.toLngLat([x + east, y + north]);
  };
  if (Array.isArray(p)) return shift(p) as T;
  return { type: 'Polygon', coordinates: p.coordinates.map((r) => r.map(shift)) } as T;
}
