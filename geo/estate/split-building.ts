import { featureCollection, intersect, polygon as turfPolygon } from '@turf/turf';
import type { LngLat } from '../geometry/local-frame.ts';
import type { PolygonGeometry } from './geometry-schemas.ts';
import { longAxis } from './long-axis.ts';

/**
 * Splits a building footprint into `count` equal slices across its long axis
 * (the direction of its longest edge), for registers that give a building's
 * stairwell count but no stairwell outlines.
 *
 * @example splitBuilding(rectangle68x11m, 4).length // 4, each ~17 m wide
 */
export function splitBuilding(footprint: PolygonGeometry, count: number): PolygonGeometry[] {
  const axis = longAxis(footprint);
  const { frame, cos, sin, u0, u1 } = axis;
  const [v0, v1] = [axis.v0 - 1, axis.v1 + 1];
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
