import { centroid, distance, polygon } from '@turf/turf';
import RBush from 'rbush';
import type { Claimant, ParkingSpace } from './parking-types.ts';

export interface Reach {
  /** Per claimant (input order): reachable spaces (input order of spaces) with walking metres. */
  edges: { space: number; walkM: number }[][];
}

const M_PER_DEG_LAT = 111_320;

/**
 * Straight-line metres from each claimant's door to the centroid of every
 * available space within `maxWalkM` (SPEC §6), found through an R-tree.
 */
export function walkingDistances(spaces: readonly ParkingSpace[], claimants: readonly Claimant[], maxWalkM: number, unavailable: ReadonlySet<string>): Reach {
  const tree = new RBush<{ minX: number; minY: number; maxX: number; maxY: number; index: number; at: [number, number] }>();
  tree.load(
    spaces.flatMap((s, index) => {
      if (unavailable.has(s.id)) return [];
      const at = centroid(polygon(s.polygon.coordinates)).geometry.coordinates as [number, number];
      return [{ minX: at[0], minY: at[1], maxX: at[0], maxY: at[1], index, at }];
    }),
  );
  const edges = claimants.map((c) => {
    const [lng, lat] = c.door.coordinates as [number, number];
    const dLat = (maxWalkM / M_PER_DEG_LAT) * 1.01;
    const dLng = dLat / Math.max(0.01, Math.cos((lat * Math.PI) / 180));
    return tree
      .search({ minX: lng - dLng, minY: lat - dLat, maxX: lng + dLng, maxY: lat + dLat })
      .map((hit) => ({ space: hit.index, walkM: distance([lng, lat], hit.at, { units: 'meters' }) }))
      .filter((e) => e.walkM <= maxWalkM)
      .sort((a, b) => a.space - b.space);
  });
  return { edges };
}
