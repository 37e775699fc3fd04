import type { LineGeometry, PolygonGeometry } from '../estate/geometry-schemas.ts';
import type { EstateFeature } from '../estate/layout-to-geojson.ts';
import { createLocalFrame, type LngLat } from '../geometry/local-frame.ts';
import { featureKey, refused, withFeatures, type EditResult, type EstateCollection } from './estate-collection.ts';

/** A parking space of SPEC §7: 2.5 m along the kerb, 5.3 m deep. */
export const SPACE_WIDTH_M = 2.5;
export const SPACE_DEPTH_M = 5.3;

/**
 * A row of parking spaces along a kerb drawn from its first to its last
 * point, on its left or right: `count` spaces of 2.5 × 5.3 m (as many as
 * fit when null), side by side from the first point.
 *
 * @example parkingRow([a, b], null, 'left').length // ⌊|ab| / 2.5 m⌋
 */
export function parkingRow(kerb: LngLat[], count: number | null, side: 'left' | 'right'): PolygonGeometry[] {
  const [a, b] = [kerb[0]!, kerb[kerb.length - 1]!];
  const frame = createLocalFrame(a);
  const [bx, by] = frame.toMetres(b);
  const length = Math.hypot(bx, by);
  if (length < SPACE_WIDTH_M) return [];
  const [ux, uy] = [bx / length, by / length];
  const s = side === 'left' ? 1 : -1;
  const [nx, ny] = [-uy * s, ux * s];
  const n = Math.min(count ?? Math.floor(length / SPACE_WIDTH_M), 200);
  const at = (along: number, out: number) => frame.toLngLat([ux * along + nx * out, uy * along + ny * out]);
  return Array.from({ length: n }, (_, i) => {
    const [u0, u1] = [i * SPACE_WIDTH_M, (i + 1) * SPACE_WIDTH_M];
    return { type: 'Polygon', coordinates: [[at(u0, 0), at(u1, 0), at(u1, SPACE_DEPTH_M), at(u0, SPACE_DEPTH_M), at(u0, 0)]] };
  });
}

/** A row of spaces added to the estate, numbered after the last P-number it has. */
export function addParkingRow(estate: EstateCollection, kerb: LngLat[], count: number | null, side: 'left' | 'right'): EditResult {
  const spaces = parkingRow(kerb, count, side);
  if (spaces.length === 0) return refused(`路沿线太短，放不下一个车位（至少 ${SPACE_WIDTH_M} 米）`, `the kerb line is too short for a space (at least ${SPACE_WIDTH_M} m)`);
  const numbers = estate.features.filter((f) => f.properties.kind === 'parking').map((f) => /^P(\d+)$/.exec(String(f.properties.spaceId))?.[1]).map(Number).filter(Number.isFinite);
  let next = Math.max(0, ...numbers) + 1;
  const added: EstateFeature[] = spaces.map((geometry) => ({ type: 'Feature', geometry, properties: { kind: 'parking', spaceId: `P${next++}`, accessible: false } }));
  return withFeatures(estate, [...estate.features, ...added]);
}

/** A fire lane drawn on the map with its road width and the clear width it must keep (GB 50016: at least 4 m). */
export function addFireLane(estate: EstateCollection, line: LineGeometry, lane: { name: string; roadWidthM: number; clearWidthM: number }): EditResult {
  const name = lane.name.trim();
  if (!name) return refused('请填写消防车道名称', 'the fire lane needs a name');
  if (estate.features.some((f) => f.properties.kind === 'fire_lane' && f.properties.name === name)) return refused(`已有名为 ${name} 的消防车道`, `a fire lane named ${name} already exists`);
  if (!(lane.clearWidthM >= 4 && lane.clearWidthM <= lane.roadWidthM && lane.roadWidthM <= 30))
    return refused('净宽应不小于 4 米且不大于路宽（路宽不超过 30 米）', 'the clear width must be at least 4 m and no wider than the road (at most 30 m)');
  const feature: EstateFeature = { type: 'Feature', geometry: line, properties: { kind: 'fire_lane', name, roadWidthM: lane.roadWidthM, clearWidthM: lane.clearWidthM } };
  return withFeatures(estate, [...estate.features, feature]);
}

/** A parking space or fire lane taken off the map (buildings go with removeBuilding, with their stairwells). */
export function removeFeature(estate: EstateCollection, key: string): EditResult {
  const at = estate.features.findIndex((f, i) => featureKey(f, i) === key);
  const kind = estate.features[at]?.properties.kind;
  if (kind !== 'parking' && kind !== 'fire_lane') return refused(`只能在这里删除车位和消防车道（${key}）`, `only parking spaces and fire lanes are removed here (${key})`);
  return withFeatures(
    estate,
    estate.features.filter((_, i) => i !== at),
  );
}
