import { buffer, polygon } from '@turf/turf';
import type { Polygon } from 'geojson';

/** Default clearance around an elevator site during construction (SPEC §2). */
export const CONSTRUCTION_ZONE_M = 6;

/**
 * The construction zone: the elevator site grown by `marginM` metres.
 *
 * @example constructionZone(site).type // 'Polygon'
 */
export function constructionZone(site: Polygon, marginM = CONSTRUCTION_ZONE_M): Polygon {
  const grown = buffer(polygon(site.coordinates), marginM, { units: 'meters', steps: 4 });
  if (grown?.geometry.type !== 'Polygon') throw new Error('constructionZone: expected the grown site to be one polygon');
  return grown.geometry;
}
