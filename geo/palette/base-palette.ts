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
  /** A building's name, drawn once beside it on the ground (an imported estate's units carry only their number). */
  buildingLabel: '#dfe7f2',
} as const;

/** The same base layers for paper: a light page, dark outlines, labels still black on the stairwell colours. */
export const LIGHT_BASE_PALETTE: Record<keyof typeof BASE_PALETTE, string> = {
  background: '#ffffff',
  boundaryFill: '#f2f2f2',
  boundaryLine: '#5a6b85',
  green: '#d5e8d4',
  road: '#c9ced6',
  fireLane: '#c8371f',
  parking: '#b9c0cc',
  parkingLine: '#8c95a3',
  building: '#dcdcdc',
  buildingLine: '#333333',
  stairwellLine: '#222222',
  selected: '#000000',
  celebrate: '#c98a00',
  focus: '#000000',
  elevatorSite: '#555555',
  label: '#000000',
  buildingLabel: '#111111',
};
