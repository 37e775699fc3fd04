/** What a feature of an estate's import GeoJSON is (SPEC §7 `properties.kind`). */
export const FEATURE_KINDS = [
  'boundary',
  'building',
  'stairwell',
  'elevator_site',
  'road',
  'fire_lane',
  'parking',
  'green',
] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];
