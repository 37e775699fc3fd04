import type { PolygonGeometry } from '../estate/geometry-schemas.ts';
import { longAxis } from '../estate/long-axis.ts';
import type { EstateFeature } from '../estate/layout-to-geojson.ts';
import { northDoorAndSite } from '../estate/north-side.ts';
import { splitBuilding } from '../estate/split-building.ts';
import type { LngLat } from '../geometry/local-frame.ts';
import { refused, withFeatures, type EditResult, type EstateCollection } from './estate-collection.ts';
import { shift, translationBetween } from './metric.ts';

const isBuilding = (f: EstateFeature, code: string) => f.properties.kind === 'building' && f.properties.code === code;
const doorsOf = (estate: EstateCollection, code: string) =>
  new Set(estate.features.filter((f) => f.properties.kind === 'stairwell' && f.properties.buildingCode === code).map((f) => String(f.properties.doorNumber)));

/** Where a stairwell lies along its building's long axis, to keep door numbers in order when a building is re-split. */
function alongAxis(building: PolygonGeometry, stairwell: PolygonGeometry): number {
  const axis = longAxis(building);
  const [x, y] = axis.frame.toMetres(stairwell.coordinates[0]!.reduce<LngLat>((s, p, _, all) => [s[0] + p[0] / all.length, s[1] + p[1] / all.length], [0, 0]));
  return x * axis.cos + y * axis.sin;
}

/**
 * A building moved or reshaped on the map. Dragged whole, its stairwells,
 * doors and elevator sites move with it; reshaped, it is split again into
 * as many stairwells, which keep their door numbers in order along the
 * block, with doors and sites on the north side again.
 */
export function placeBuilding(estate: EstateCollection, code: string, footprint: PolygonGeometry): EditResult {
  const building = estate.features.find((f) => isBuilding(f, code));
  if (!building || building.geometry.type !== 'Polygon') return refused(`找不到楼栋 ${code}`, `no building ${code}`);
  const doors = doorsOf(estate, code);
  const offset = translationBetween(building.geometry as PolygonGeometry, footprint);
  if (offset) {
    return withFeatures(
      estate,
      estate.features.map((f) => {
        const p = f.properties;
        if (isBuilding(f, code)) return { ...f, geometry: footprint };
        if ((p.kind === 'stairwell' || p.kind === 'elevator_site') && doors.has(String(p.doorNumber))) {
          const door = Array.isArray(p.door) ? shift({ coordinates: p.door as LngLat }, offset).coordinates : p.door;
          return { ...f, geometry: shift(f.geometry, offset), properties: p.kind === 'stairwell' ? { ...p, door } : p };
        }
        return f;
      }),
    );
  }
  // Reshaped: the same number of stairwells, in the same order along the block.
  const stairwells = estate.features.filter((f) => f.properties.kind === 'stairwell' && doors.has(String(f.properties.doorNumber)));
  const ordered = stairwells
    .map((f) => ({ f, u: alongAxis(building.geometry as PolygonGeometry, f.geometry as PolygonGeometry) }))
    .sort((a, b) => a.u - b.u)
    .map(({ f }) => f);
  const slices = splitBuilding(footprint, Math.max(1, ordered.length)).sort((a, b) => alongAxis(footprint, a) - alongAxis(footprint, b));
  if (slices.length !== Math.max(1, ordered.length)) return refused(`${code} 的新轮廓无法分成 ${ordered.length} 个门洞`, `the new outline of ${code} cannot be split into ${ordered.length} stairwells`);
  const replaced = new Map<string, { footprint: PolygonGeometry; door: LngLat; site: PolygonGeometry }>();
  ordered.forEach((f, i) => {
    const { door, elevatorSite } = northDoorAndSite(slices[i]!);
    replaced.set(String(f.properties.doorNumber), { footprint: slices[i]!, door, site: elevatorSite });
  });
  return withFeatures(
    estate,
    estate.features.map((f) => {
      const p = f.properties;
      const again = replaced.get(String(p.doorNumber));
      if (isBuilding(f, code)) return { ...f, geometry: footprint };
      if (p.kind === 'stairwell' && again) return { ...f, geometry: again.footprint, properties: { ...p, door: again.door } };
      if (p.kind === 'elevator_site' && again) return { ...f, geometry: again.site };
      return f;
    }),
  );
}

/** A new building drawn on the map: the import splits it into its stairwells with doors and sites on the north side. */
export function addBuilding(estate: EstateCollection, footprint: PolygonGeometry, building: { code: string; floors: number; stairwellCount: number }): EditResult {
  const code = building.code.trim();
  if (!code) return refused('请填写新楼的楼号', 'the new building needs a code');
  if (estate.features.some((f) => isBuilding(f, code))) return refused(`楼号 ${code} 已有，请换一个`, `building code ${code} is already used`);
  const feature: EstateFeature = { type: 'Feature', geometry: footprint, properties: { kind: 'building', code, floors: building.floors, stairwellCount: building.stairwellCount } };
  return withFeatures(estate, [...estate.features, feature]);
}

/** A building taken off the map with its stairwells and sites (the import refuses it while a stairwell has a register). */
export function removeBuilding(estate: EstateCollection, code: string): EditResult {
  if (!estate.features.some((f) => isBuilding(f, code))) return refused(`找不到楼栋 ${code}`, `no building ${code}`);
  const doors = doorsOf(estate, code);
  return withFeatures(
    estate,
    estate.features.filter((f) => !isBuilding(f, code) && !((f.properties.kind === 'stairwell' || f.properties.kind === 'elevator_site') && doors.has(String(f.properties.doorNumber)))),
  );
}
