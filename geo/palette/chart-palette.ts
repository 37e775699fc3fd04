import type { CampaignStep } from '../campaign/campaign-counts.ts';
import { MAP_PALETTE } from './map-palette.ts';
import type { PaletteEntry } from './palette-entry.ts';

/**
 * Charts on the dark wall and the slides: series take the map's own colours
 * (stairwells confirmed = the map's 征询通过 blue, meeting the rule unconfirmed
 * = its 已达标 green, flats signed = its mid canvassing orange), so a chart and
 * the map tell one story.
 */
export const CHART_PALETTE = {
  text: '#eef2f7',
  muted: '#a9b4c4',
  grid: '#324056',
  confirmed: MAP_PALETTE.consent_passed.color,
  ruleMet: MAP_PALETTE.passed.color,
  signed: MAP_PALETTE.p50.color,
} as const;

/** The same charts on paper (the printed deck): dark text and grid on white, the same series colours. */
export const LIGHT_CHART_PALETTE = { ...CHART_PALETTE, text: '#111111', muted: '#444444', grid: '#c8ced8' } as const;

export type ChartPalette = { readonly [K in keyof typeof CHART_PALETTE]: string };

/** A step's colour in the stage chart: its map colour; canvassing takes the mid canvassing colour, 已达标 the map's rule-met green. */
export function stageEntry(step: CampaignStep): PaletteEntry {
  if (step === 'canvassing') return { ...MAP_PALETTE.p50, zh: '意见征询', en: 'Canvassing' };
  if (step === 'rule_met') return MAP_PALETTE.passed;
  return MAP_PALETTE[step];
}
