import { centroid, polygon as turfPolygon } from '@turf/turf';
import { createLocalFrame, type LngLat, type Metres2 } from '../geometry/local-frame.ts';
import type { PolygonGeometry } from './geometry-schemas.ts';

/** A lift shaft's usual footprint beside a walk-up's stairwell, metres. */
const SITE_WIDTH_M = 2.4;
const SITE_DEPTH_M = 2.4;

const round7 = ([lng, lat]: LngLat): LngLat => [Math.round(lng * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];

/**
 * For a stairwell split from a building: its door at the middle of the
 * footprint's most north-facing edge (Shanghai walk-ups have their stair
 * doors on the north), and an elevator site of 2.4 × 2.4 m just outside it.
 * Planners adjust both afterwards.
 */
export function northDoorAndSite(footprint: PolygonGeometry): { door: LngLat; elevatorSite: PolygonGeometry } {
  const frame = createLocalFrame(centroid(turfPolygon(footprint.coordinates)).geometry.coordinates as LngLat);
  const ring = (footprint.coordinates[0] ?? []).map((p) => frame.toMetres(p));
  // Counter-clockwise rings have their outside on the right of each edge.
  let twiceArea = 0;
  for (let i = 1; i < ring.length; i++) twiceArea += ring[i - 1]![0] * ring[i]![1] - ring[i]![0] * ring[i - 1]![1];
  const ccw = twiceArea > 0;
  let best = { north: -Infinity, mid: [0, 0] as Metres2, normal: [0, 1] as Metres2, along: [1, 0] as Metres2 };
  for (let i = 1; i < ring.length; i++) {
    const [x0, y0] = ring[i - 1]!;
    const [x1, y1] = ring[i]!;
    const length = Math.hypot(x1 - x0, y1 - y0);
    if (length < 0.5) continue;
    const along: Metres2 = [(x1 - x0) / length, (y1 - y0) / length];
    const normal: Metres2 = ccw ? [along[1], -along[0]] : [-along[1], along[0]];
    // Prefer the edge facing north; among near-equals, the longer one.
    const north = normal[1] + length * 1e-3;
    if (north > best.north) best = { north, mid: [(x0 + x1) / 2, (y0 + y1) / 2], normal, along };
  }
  const { mid, normal, along } = best;
  const at = (u: number, v: number): LngLat => round7(frame.toLngLat([mid[0] + along[0] * u + normal[0] * v, mid[1] + along[1] * u + normal[1] * v]));
  const w = SITE_WIDTH_M / 2;
  return {
    door: at(0, 0),
    elevatorSite: { type: 'Polygon', coordinates: [[at(-w, 0), at(w, 0), at(w, SITE_DEPTH_M), at(-w, SITE_DEPTH_M), at(-w, 0)]] },
  };
}
