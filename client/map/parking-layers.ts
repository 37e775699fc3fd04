import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';

export const PARKING_SOURCES = ['parkingZones', 'parkingLinks'] as const;

/** Parking view layers: each space in its state colour, the priority zone per stairwell outlined. */
export function parkingLayers(): (LayerSpecification & { source: string })[] {
  return [
    {
      id: 'parking-state',
      type: 'fill',
      source: 'parking',
      paint: {
        'fill-color': ['coalesce', ['feature-state', 'color'], '#9a9a9a'],
        'fill-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 1, 0.9],
        'fill-outline-color': ['case', ['boolean', ['feature-state', 'selected'], false], '#ffffff', '#1d2430'],
      },
    },
    {
      id: 'parking-selected',
      type: 'line',
      source: 'parking',
      paint: { 'line-color': '#ffffff', 'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, 0] },
    },
    {
      // A line from each assigned space to the door of the household it serves.
      id: 'parking-links',
      type: 'line',
      source: 'parkingLinks',
      paint: { 'line-color': '#ffd166', 'line-width': ['case', ['boolean', ['get', 'selected'], false], 3, 1.2], 'line-opacity': 0.85 },
    },
    {
      // Each space's number once zoomed to a stairwell (2.5 m wide: ~20 px at zoom 20), as the property company's list names it.
      id: 'parking-numbers',
      type: 'symbol',
      source: 'parking',
      minzoom: 18.8,
      layout: {
        'text-field': ['get', 'mapLabel'],
        'text-size': ['interpolate', ['exponential', 2], ['zoom'], 18.8, 9, 20, 20, 22, 56],
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#0d1219', 'text-halo-color': '#ffffff', 'text-halo-width': 1 },
    },
    {
      id: 'parking-zones',
      type: 'line',
      source: 'parkingZones',
      paint: { 'line-color': '#7fd1ff', 'line-width': 1.5, 'line-dasharray': [2, 2] },
    },
  ];
}
