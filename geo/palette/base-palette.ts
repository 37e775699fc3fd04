/** Colours of the estate's own base layers, for a dark wall and a light page alike. */
export const BASE_PALETTE = {
  background: '#1d2430',
  boundaryFill: '#252e3c',
  boundaryLine: '#8fa3bf',
  green: '#2d4a36',
  road: '#4b5566',
  fireLane: '#e0533d',
  parking: '#6b778a',
  parkingLine: '#9aa6b8',
  building: '#39414f',
  buildingLine: '#0f141b',
  stairwellLine: '#0f141b',
  selected: '#ffffff',
  /** The wall's moment: a stairwell that has just passed. */
  celebrate: '#ffd166',
  /** Stairwells a focus view or a slide points at. */
  focus: '#ffffff',
  elevatorSite: '#e8e8e8',
  label: '#000000',
} as const;
