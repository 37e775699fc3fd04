/** Residents' concerns a canvasser can tag (issue: 因户施策). */
export const CONCERN_TAGS = [
  'property_value',
  'noise',
  'light',
  'maintenance_cost',
  'parking',
  'drying_space',
  'cost_share',
  'other',
] as const;
export type ConcernTag = (typeof CONCERN_TAGS)[number];
