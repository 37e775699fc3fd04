import { convertPosition, mapPositions, type DisplayDatum } from '../../geo/estate/datum.ts';
import type { LngLat } from '../../geo/geometry/local-frame.ts';
import type { EstateMap } from '../wire.ts';

export type { DisplayDatum };

/** A GeoJSON collection shifted to the basemap's datum, for drawing only. */
export function collectionToDatum<C extends GeoJSON.FeatureCollection>(fc: C, datum: DisplayDatum): C {
  if (datum === 'wgs84') return fc;
  const f = (p: LngLat) => convertPosition(p, 'wgs84', datum);
  return {
    ...fc,
    features: fc.features.map((feature) => ({ ...feature, geometry: { ...feature.geometry, coordinates: mapPositions((feature.geometry as GeoJSON.Point).coordinates, f) } })),
  };
}

/**
 * The estate as drawn over a GCJ-02 basemap (AMap/Gaode): every layer shifted
 * by the maintained conversion (gcoord). Stored data stays WGS-84; only the
 * map sees this.
 */
export function estateMapToDatum(data: EstateMap, datum: DisplayDatum): EstateMap {
  if (datum === 'wgs84') return data;
  const layers = Object.fromEntries(Object.entries(data.layers).map(([k, fc]) => [k, collectionToDatum(fc as GeoJSON.FeatureCollection, datum)])) as unknown as EstateMap['layers'];
  const f = (p: LngLat) => convertPosition(p, 'wgs84', datum);
  return {
    ...data,
    estate: {
      ...data.estate,
      center: f(data.estate.center),
      boundary: { ...data.estate.boundary, coordinates: mapPositions((data.estate.boundary as GeoJSON.Polygon).coordinates, f) } as EstateMap['estate']['boundary'],
    },
    layers,
  };
}
