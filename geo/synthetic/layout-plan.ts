/** Dimensions of the schematic layout, in metres (SPEC §7's typical values). */
export const LAYOUT = {
  stairwellWidthM: 17.5,
  buildingDepthM: 11,
  rowGapM: 20,
  /** The gap holding the east–west fire lane. */
  fireLaneGapM: 28,
  columnGapM: 16,
  westEastMarginM: 14,
  southMarginM: 16,
  northMarginM: 23,
  siteWidthM: 2.6,
  siteDepthM: 4.5,
  spaceLengthM: 5.3,
  spaceDepthM: 2.5,
  spacesPerSideAndColumn: 14,
  roadWidthM: 5,
  fireLaneRoadWidthM: 6,
  fireLaneClearWidthM: 4,
} as const;

export interface LayoutPlan {
  name: string;
  /** e.g. '长风二村': door numbers are `${doorPrefix} ${n}号`. */
  doorPrefix: string;
  /** WGS-84 centre of the estate. */
  centre: [lng: number, lat: number];
  /** Stairwells per building, row by row from the south, west to east. */
  rows: number[][];
  /** Row index after which the wide gap with the east–west fire lane lies; -1 for none. */
  fireLaneAfterRow: number;
}

/** Fenghe Garden (风荷苑): 20 buildings, 80 stairwells, north of Changfeng Park (schematic). */
export const FENGHE_PLAN: LayoutPlan = {
  name: '风荷苑',
  doorPrefix: '长风二村',
  centre: [121.4, 31.227],
  rows: [
    [4, 5, 3, 4],
    [5, 4, 4, 3],
    [3, 4, 5, 4],
    [4, 4, 4, 4],
    [4, 3, 4, 5],
  ],
  fireLaneAfterRow: 2,
};
