import { distance } from '@turf/turf';
import gcoord from 'gcoord';
import type { LngLat } from '../geometry/local-frame.ts';

/** The datums Chinese web maps trace in: WGS-84 (GPS, OSM, Tianditu), GCJ-02 (AMap/Gaode, Tencent), BD-09 (Baidu). */
export const DATUMS = ['wgs84', 'gcj02', 'bd09'] as const;
/** The datums a basemap can be drawn in (LIFTMAP_BASEMAP_DATUM): the map shifts the stored WGS-84 to it. */
export const DISPLAY_DATUMS = ['wgs84', 'gcj02'] as const;
export type DisplayDatum = (typeof DISPLAY_DATUMS)[number];
export type Datum = (typeof DATUMS)[number];

const CRS = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

export function isDatum(value: unknown): value is Datum {
  return typeof value === 'string' && (DATUMS as readonly string[]).includes(value);
}

/** One position from one datum to another (gcoord; outside China positions are returned unchanged). */
export function convertPosition(p: LngLat, from: Datum, to: Datum): LngLat {
  if (from === to) return p;
  const [lng, lat] = gcoord.transform<[number, number]>([p[0], p[1]], CRS[from], CRS[to]);
  return [Math.round(lng * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];
}

/** Every [lng, lat] position in nested GeoJSON coordinates through `f`; extra ordinates (height) are kept. */
export function mapPositions<T>(value: T, f: (p: LngLat) => LngLat): T {
  if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number') return [...f([value[0], value[1]]), ...(value.slice(2) as number[])] as T;
  return (Array.isArray(value) ? value.map((v: unknown) => mapPositions(v, f)) : value) as T;
}

/**
 * A raw estate FeatureCollection with every position (geometries and the
 * `door` property) converted from `from` to WGS-84, the datum LiftMap stores.
 * Non-geometry properties are left as they are.
 */
export function featureCollectionToWgs84(input: unknown, from: Datum): unknown {
  if (from === 'wgs84') return input;
  const fc = input as { features?: unknown[] };
  if (!Array.isArray(fc?.features)) return input;
  const f = (p: LngLat) => convertPosition(p, from, 'wgs84');
  return {
    ...fc,
    features: fc.features.map((raw) => {
      const feature = raw as { geometry?: { coordinates?: unknown }; properties?: Record<string, unknown> };
      const door = feature.properties?.door;
      return {
        ...feature,
        geometry: feature.geometry ? { ...feature.geometry, coordinates: mapPositions(feature.geometry.coordinates, f) } : feature.geometry,
        properties: feature.properties && door !== undefined ? { ...feature.properties, door: mapPositions(door, f) } : feature.properties,
      };
    }),
  };
}

/** Further than this from the reference, and the new geometry is not merely redrawn in place. */
const MIN_OFFSET_M = 100;

/**
 * Whether `candidate` (a new estate's centre, read as WGS-84) sits at the
 * GCJ-02 or BD-09 offset from `reference` (the same estate already stored, or
 * a point the user knows in WGS-84): it lies nearer to where that datum would
 * put the reference (within 30% of that datum's shift) than to the reference itself.
 *
 * @example datumOffset(gcj02OfFenghe, fenghe) // { datum: 'gcj02', offsetM: 489 }
 */
export function datumOffset(candidate: LngLat, reference: LngLat): { datum: Exclude<Datum, 'wgs84'>; offsetM: number } | null {
  const offsetM = distance(candidate, reference, { units: 'meters' });
  if (offsetM < MIN_OFFSET_M) return null;
  for (const datum of ['gcj02', 'bd09'] as const) {
    const shifted = convertPosition(reference, 'wgs84', datum);
    const shift = distance(reference, shifted, { units: 'meters' });
    // Within 30% of the datum's own shift (at least 150 m: a reference point need not be the estate's centre).
    if (distance(candidate, shifted, { units: 'meters' }) < Math.max(0.3 * shift, 150)) return { datum, offsetM: Math.round(offsetM) };
  }
  return null;
}

