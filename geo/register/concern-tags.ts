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

/** Each concern as the canvass screen and a committee's register name it. */
export const CONCERN_ZH: Record<ConcernTag, string> = {
  property_value: '房价',
  noise: '噪音',
  light: '采光',
  maintenance_cost: '维保费用',
  parking: '停车',
  drying_space: '晾晒',
  cost_share: '出资分摊',
  other: '其他',
};
