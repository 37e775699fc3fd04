import { buffer, convex, featureCollection, polygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { ParkingAllocation, ParkingSpace } from './parking-types.ts';

/**
 * A priority zone per group (stairwell or building): the outline around the
 * spaces assigned to its claimants, 1.5 m wide of them, so property staff see
 * at a glance which stretch of kerb is whose.
 */
export function priorityZones(
  allocation: ParkingAllocation,
  spaces: readonly ParkingSpace[],
  groupOf: (flatId: string) => string,
): Feature<Polygon | MultiPolygon, { group: string; spaces: number }>[] {
  const polygonOf = new Map(spaces.map((s) => [s.id, s.polygon]));
  const byGroup = new Map<string, Polygon[]>();
  for (const a of allocation.assignments) {
    const g = groupOf(a.flatId);
    byGroup.set(g, [...(byGroup.get(g) ?? []), polygonOf.get(a.spaceId)!]);
  }
  return [...byGroup].flatMap(([group, polys]) => {
    const hull = convex(featureCollection(polys.map((p) => polygon(p.coordinates))));
    const zone = hull && buffer(hull, 1.5, { units: 'meters', steps: 4 });
    return zone ? [{ type: 'Feature' as const, geometry: zone.geometry, properties: { group, spaces: polys.length } }] : [];
  });
}
