import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { BASE_PALETTE as B } from '../../geo/palette/index.ts';

export const PLAN_SOURCES = ['zones', 'hulls'] as const;
export type PlanSourceId = (typeof PLAN_SOURCES)[number];

const phaseColor: ExpressionSpecification = ['coalesce', ['feature-state', 'color'], '#5a5a5a'];
const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

/** Layers /plan adds over the estate: zones by phase, a hull per phase, lost spaces and narrowed lanes of the selected phase. */
export function planLayers(): (LayerSpecification & { source: string })[] {
  return [
    {
      id: 'lost-parking',
      type: 'fill',
      source: 'parking',
      paint: { 'fill-color': '#ff4d6d', 'fill-opacity': ['case', ['boolean', ['feature-state', 'lost'], false], 0.95, 0] },
    },
    {
      id: 'narrowed-lanes',
      type: 'line',
      source: 'fireLanes',
      paint: { 'line-color': '#ff4d6d', 'line-width': 6, 'line-opacity': ['case', ['boolean', ['feature-state', 'narrowed'], false], 0.9, 0] },
    },
    {
      id: 'zones',
      type: 'fill',
      source: 'zones',
      paint: { 'fill-color': phaseColor, 'fill-opacity': ['case', selected, 0.85, 0.45] },
    },
    {
      id: 'zones-outline',
      type: 'line',
      source: 'zones',
      paint: {
        'line-color': ['case', ['boolean', ['get', 'blocked'], false], '#ff4d6d', selected, B.selected, phaseColor],
        'line-width': ['case', ['boolean', ['get', 'blocked'], false], 3, selected, 3, 1],
        'line-dasharray': [2, 1],
      },
    },
    {
      id: 'hulls',
      type: 'line',
      source: 'hulls',
      // Phases mix sites across the estate: only the selected phase's hull is drawn, never lines across the estate.
      paint: { 'line-color': ['coalesce', ['feature-state', 'color'], '#ffffff'], 'line-width': 4, 'line-opacity': ['case', selected, 0.95, 0] },
    },
    {
      id: 'zone-numbers',
      type: 'symbol',
      source: 'zones',
      filter: ['>=', ['get', 'phase'], 0],
      // The batch number on every site: colours repeat past twenty batches, numbers do not.
      layout: {
        'text-field': ['to-string', ['+', ['get', 'phase'], 1]],
        'text-size': ['interpolate', ['exponential', 2], ['zoom'], 15, 3, 19, 44, 21, 56],
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#ffffff', 'text-halo-color': '#000000', 'text-halo-width': 2 },
    },
  ];
}
