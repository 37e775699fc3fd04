import { centroid, polygon as turfPolygon } from '@turf/turf';
import type { PolygonGeometry } from '../estate/geometry-schemas.ts';
import { createLocalFrame, type LngLat, type LocalFrame, type Metres2 } from '../geometry/local-frame.ts';

/** A local metric frame at a polygon's centre: edits measure and turn in metres, not degrees. */
export const frameAt = (p: PolygonGeometry): LocalFrame => createLocalFrame(centroid(turfPolygon(p.coordinates)).geometry.coordinates as LngLat);

/** A polygon turned by `degrees` anticlockwise about its centre. */
export function rotatePolygon(p: PolygonGeometry, degrees: number): PolygonGeometry {
  const frame = frameAt(p);
  const a = (degrees * Math.PI) / 180;
  const turn = ([x, y]: Metres2): Metres2 => [x * Math.cos(a) - y * Math.sin(a), x * Math.sin(a) + y * Math.cos(a)];
  return { type: 'Polygon', coordinates: p.coordinates.map((ring) => ring.map((q) => frame.toLngLat(turn(frame.toMetres(q))))) };
}

/** The same offset on every position (within a centimetre): a polygon dragged whole, not reshaped. Null for a reshape. */
export function translationBetween(before: PolygonGeometry, after: PolygonGeometry): LngLat | null {
  const a = before.coordinates.flat();
  const b = after.coordinates.flat();
  if (a.length !== b.length || a.length === 0) return null;
  const d: LngLat = [b[0]![0] - a[0]![0], b[0]![1] - a[0]![1]];
  return a.every((p, i) => Math.abs(b[i]![0] - p[0] - d[0]) < 1e-7 && Math.abs(b[i]![1] - p[1] - d[1]) < 1e-7) ? d : null;
}

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

/** Every position of a geometry moved by an offset in degrees, rounded like every stored coordinate. */
export function shift<G extends { coordinates: unknown }>(g: G, [dLng, dLat]: LngLat): G {
  const move = (c: unknown): unknown => (Array.isArray(c) && typeof c[0] === 'number' ? [round7(c[0] + dLng), round7((c[1] as number) + dLat)] : Array.isArray(c) ? c.map(move) : c);
  return { ...g, coordinates: move(g.coordinates) };
}
