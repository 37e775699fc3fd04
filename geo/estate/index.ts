export { FEATURE_KINDS, type FeatureKind } from './feature-kinds.ts';
export { FEATURE_SCHEMAS } from './feature-schemas.ts';
export type { LineGeometry, PolygonGeometry } from './geometry-schemas.ts';
export type { EstateLayout, Extra } from './estate-layout.ts';
export { parseEstateGeoJSON, type ParseResult } from './parse-estate-geojson.ts';
export { splitBuilding } from './split-building.ts';
export { doorLabel } from './door-label.ts';
export { doorRanges } from './door-ranges.ts';
