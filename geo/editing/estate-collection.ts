import type { EstateFeature } from '../estate/layout-to-geojson.ts';
import { problem, type Problem } from '../problems/index.ts';

/** An estate in the import format of SPEC §7: what the editor changes and saves through the import's checks. */
export type EstateCollection = { type: 'FeatureCollection'; features: EstateFeature[] };

/** The outcome of an edit: the new estate, or why the edit cannot be made (nothing changed). */
export type EditResult = { ok: true; estate: EstateCollection } | { ok: false; problem: Problem };

/**
 * A stable key for each feature the editor draws: kind and the property that
 * names it (building code, door number, space id, lane name), or its place
 * in the file for the unnamed (roads, green).
 *
 * @example featureKey(buildingFeature) // 'building:12幢'
 */
export function featureKey(f: EstateFeature, index: number): string {
  const p = f.properties;
  const name: unknown =
    p.kind === 'building' ? p.code : p.kind === 'stairwell' || p.kind === 'elevator_site' ? p.doorNumber : p.kind === 'parking' ? p.spaceId : p.kind === 'fire_lane' ? p.name : p.kind === 'boundary' ? '' : index;
  return `${p.kind}:${typeof name === 'string' || typeof name === 'number' ? name : index}`;
}

export const withFeatures = (estate: EstateCollection, features: EstateFeature[]): EditResult => ({ ok: true, estate: { ...estate, features } });

export const refused = (zh: string, en: string): EditResult => ({ ok: false, problem: problem(zh, en) });

/** The estate with the feature under `key` given a new geometry; refused when there is none. */
export function withGeometry(estate: EstateCollection, key: string, geometry: EstateFeature['geometry']): EditResult {
  const at = estate.features.findIndex((f, i) => featureKey(f, i) === key);
  if (at < 0) return refused(`找不到要修改的要素 ${key}`, `no feature ${key} to change`);
  return withFeatures(
    estate,
    estate.features.map((f, i) => (i === at ? { ...f, geometry } : f)),
  );
}
