import { centroid, featureCollection, intersect, polygon as turfPolygon } from '@turf/turf';
import { createLocalFrame, type LngLat, type Metres2 } from '../geometry/local-frame.ts';
import type { PolygonGeometry } from './geometry-schemas.ts';

/**
 * Splits a building footprint into `count` equal slices across its long axis
 * (the direction of its longest edge), for registers that give a building's
 * stairwell count but no stairwell outlines.
 *
 * @example splitBuilding(rectangle68x11m, 4).length // 4, each ~17 m wide
 */
export function splitBuilding(footprint: PolygonGeometry, count: number): PolygonGeometry[] {
  const centre = centroid(turfPolygon(footprint.coordinates)).geometry.coordinates as LngLat;
  const frame = createLocalFrame(centre);
  const ring = (footprint.coordinates[0] ?? []).map((p) => frame.toMetres(p));
  let angle = 0;
  let longest = -1;
  ring.slice(1).forEach(([x, y], i) => {
    const [px, py] = ring[i] as Metres2;
    const length = Math.hypot(x - px, y - py);
    if (length > longest) [longest, angle] = [length, Math.atan2(y - py, x - px)];
  });
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const along = ring.map(([x, y]) => x * cos + y * sin);
  const across = ring.map(([x, y]) => -x * sin + y * cos);
  const [u0, u1] = [Math.min(...along), Math.max(...along)];
  const [v0, v1] = [Math.min(...across) - 1, Math.max(...across) + 1];
  const fromUV = (u: number, v: number): LngLat => frame.toLngLat([u * cos - v * sin, u * sin + v * cos]);

  const slices: PolygonGeometry[] = [];
  for (let i = 0; i < count; i++) {
    const a = u0 + ((u1 - u0) * i) / count - (i === 0 ? 1 : 0);
    const b = u0 + ((u1 - u0) * (i + 1)) / count + (i === count - 1 ? 1 : 0);
    const strip = turfPolygon([[fromUV(a, v0), fromUV(b, v0), fromUV(b, v1), fromUV(a, v1), fromUV(a, v0)]]);
    const piece = intersect(featureCollection([turfPolygon(footprint.coordinates), strip]));
    // Rounded to 1e-7° (~1 cm) like every stored coordinate.
    if (piece?.geometry.type === 'Polygon')
      slices.push({
        type: 'Polygon',
        coordinates: piece.geometry.coordinates.map((ring) => ring.map(([x, y]) => [Math.round((x ?? 0) * 1e7) / 1e7, Math.round((y ?? 0) * 1e7) / 1e7] as LngLat)),
      });
  }
  return slices;
}
