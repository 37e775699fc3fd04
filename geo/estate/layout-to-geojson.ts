import type { EstateLayout, Extra } from './estate-layout.ts';
import type { FeatureKind } from './feature-kinds.ts';
import { doorFields } from './gis-properties.ts';

export type EstateFeature = GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.LineString, { kind: FeatureKind } & Record<string, unknown>>;

function feature(kind: FeatureKind, geometry: EstateFeature['geometry'], extra: Extra, properties: Record<string, unknown> = {}): EstateFeature {
  // The known keys last, so an extra property can never shadow them.
  return { type: 'Feature', geometry, properties: { ...extra, kind, ...properties } };
}

/**
 * An estate's layout in the import format of SPEC §7, the inverse of
 * `parseEstateGeoJSON`: every stairwell with its door and elevator site
 * written out, so parsing the result gives the same layout back.
 *
 * @example parseEstateGeoJSON(layoutToGeoJSON(layout)) // { ok: true, layout } equal to the input
 */
export function layoutToGeoJSON(layout: EstateLayout): GeoJSON.FeatureCollection<EstateFeature['geometry'], EstateFeature['properties']> {
  return {
    type: 'FeatureCollection',
    features: [
      feature('boundary', layout.boundary, {}, { name: layout.name, schematic: layout.schematic }),
      ...layout.buildings.map((b) => feature('building', b.footprint, b.extra, { code: b.code, floors: b.floors })),
      // The door also as two numbers: GeoPackage and Shapefile have no coordinate lists (gis-properties.ts).
      ...layout.stairwells.map((s) => feature('stairwell', s.footprint, s.extra, { doorNumber: s.doorNumber, buildingCode: s.buildingCode, door: s.door, ...doorFields(s.door) })),
      ...layout.stairwells.flatMap((s) => (s.elevatorSite ? [feature('elevator_site', s.elevatorSite, {}, { doorNumber: s.doorNumber })] : [])),
      ...layout.roads.map((r) => feature('road', r.line, r.extra, { widthM: r.widthM })),
      ...layout.fireLanes.map((f) => feature('fire_lane', f.line, f.extra, { name: f.code, roadWidthM: f.roadWidthM, clearWidthM: f.clearWidthM })),
      ...layout.parking.map((p) => feature('parking', p.polygon, p.extra, { spaceId: p.spaceId, accessible: p.accessible })),
      ...layout.green.map((g) => feature('green', g.polygon, g.extra)),
    ],
  };
}
