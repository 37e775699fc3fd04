export type { PaletteEntry } from './palette-entry.ts';
export { MAP_PALETTE, MAP_LEGEND_ORDER, type MapColorKey } from './map-palette.ts';
export { STATUS_PALETTE } from './status-palette.ts';
export { BASE_PALETTE, LIGHT_BASE_PALETTE } from './base-palette.ts';
export { mapColorKey } from './map-color-key.ts';
export { DIFF_PALETTE, DISTINCT_PHASE_COLORS, phaseColor, phaseTextColor } from './phase-palette.ts';
export { PARKING_PALETTE, PARKING_STATES, type ParkingState } from './parking-palette.ts';
export { CHART_PALETTE, LIGHT_CHART_PALETTE, stageEntry, type ChartPalette } from './chart-palette.ts';
export { HEALTH_PALETTE } from './health-palette.ts';
