import type { Stage } from '../stages/stages.ts';
import { MAP_PALETTE } from './map-palette.ts';
import type { PaletteEntry } from './palette-entry.ts';

/**
 * Charts on the dark wall and the slides: series take the map's own colours
 * (stairwells passed = the map's "rule met" green, flats signed = its mid
 * canvassing orange), so a chart and the map tell one story.
 */
export const CHART_PALETTE = {
  text: '#eef2f7',
  muted: '#a9b4c4',
  grid: '#324056',
  passed: MAP_PALETTE.passed.color,
  signed: MAP_PALETTE.p50.color,
} as const;

/** A stage's colour in the funnel: its map colour; canvassing takes the mid canvassing colour. */
export function stageEntry(stage: Stage): PaletteEntry {
  return stage === 'canvassing' ? { ...MAP_PALETTE.p50, zh: '意见征询', en: 'Canvassing' } : MAP_PALETTE[stage];
}
