import { area, intersect, featureCollection, polygon as turfPolygon } from '@turf/turf';
import { firstCrossing } from '../geometry/index.ts';
import type { PolygonGeometry } from './geometry-schemas.ts';

/** Share of a stairwell that must lie inside its building: digitising slack, not a different building. */
export const INSIDE_SHARE = 0.95;

/** A ring that crosses itself, named by where it first crosses. */
export function selfCrossing(p: PolygonGeometry, name: string): string[] {
  const at = firstCrossing(p.coordinates);
  return at ? [`${name}: a ring crosses itself at (${at[0].toFixed(7)}, ${at[1].toFixed(7)}); redraw it as a simple polygon`] : [];
}

/** A stairwell drawn (mostly) outside the building it names. */
export function outsideBuilding(stairwell: PolygonGeometry, building: PolygonGeometry, name: string, buildingCode: string): string[] {
  const s = turfPolygon(stairwell.coordinates);
  const own = area(s);
  if (own === 0) return [`${name}: the footprint has no area`];
  const inside = intersect(featureCollection([s, turfPolygon(building.coordinates)]));
  const share = inside ? area(inside) / own : 0;
  return share >= INSIDE_SHARE ? [] : [`${name}: lies outside its building ${buildingCode} (${Math.round(share * 100)}% inside, at least ${INSIDE_SHARE * 100}% expected)`];
}
