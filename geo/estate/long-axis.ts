import { centroid, polygon as turfPolygon } from '@turf/turf';
import { createLocalFrame, type LngLat, type LocalFrame, type Metres2 } from '../geometry/local-frame.ts';
import type { PolygonGeometry } from './geometry-schemas.ts';

/** A footprint measured along its long axis (the direction of its longest edge) and across it, in metres. */
export interface LongAxis {
  frame: LocalFrame;
  /** Unit vector of the long axis in the local frame (east, north). */
  cos: number;
  sin: number;
  /** Extent along the axis (u) and across it (v), metres from the frame's origin. */
  u0: number;
  u1: number;
  v0: number;
  v1: number;
  lengthM: number;
  depthM: number;
}

/**
 * The long axis of a building footprint: walk-up blocks are long and thin,
 * their stairwells side by side along it.
 *
 * @example longAxis(rectangle68x11m).lengthM // ≈ 68
 */
export function longAxis(footprint: PolygonGeometry): LongAxis {
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
  const [u0, u1, v0, v1] = [Math.min(...along), Math.max(...along), Math.min(...across), Math.max(...across)];
  return { frame, cos, sin, u0, u1, v0, v1, lengthM: u1 - u0, depthM: v1 - v0 };
}
