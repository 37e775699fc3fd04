import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { BASE_PALETTE, HEALTH_PALETTE, MAP_PALETTE } from '../../geo/palette/index.ts';
import { metresWide, paletteMatch } from './style-expressions.ts';

/** The sources the battle map draws from; each is one layer collection of `estate.map`. */
export const SOURCES = ['boundary', 'green', 'roads', 'fireLanes', 'parking', 'buildings', 'stairwells', 'elevatorSites', 'doors'] as const;
export type SourceId = (typeof SOURCES)[number];

type Layer = LayerSpecification & { source: SourceId };

const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
const celebrating: ExpressionSpecification = ['boolean', ['feature-state', 'celebrate'], false];
const focused: ExpressionSpecification = ['boolean', ['feature-state', 'focus'], false];
/** The stairwell's colour key: the one a live change just announced (feature-state), else the data's. */
const colorKey: ExpressionSpecification = ['coalesce', ['feature-state', 'colorKey'], ['get', 'colorKey']];

/** A lift in service is drawn by its health (server: stairwell-properties), unless a live change just recoloured it to another stage. */
const inServiceHealth: ExpressionSpecification = ['all', ['==', colorKey, 'in_service'], ['has', 'health'], ['!=', ['get', 'health'], null]];
/** A lift with a problem (anything but 运行正常) also gets a ring, so it is told apart from a stage by more than hue (a filter reads no feature-state). */
const unhealthy: ExpressionSpecification = ['all', ['==', ['get', 'colorKey'], 'in_service'], ['has', 'health'], ['!=', ['get', 'health'], null], ['!=', ['get', 'health'], 'ok']];

/** Every layer of the battle map, bottom to top; colours from the palette only. */
export function battleMapLayers(latitude: number, fill: 'consent' | 'state' = 'consent', B: Record<keyof typeof BASE_PALETTE, string> = BASE_PALETTE): Layer[] {
  const stairwellFill: ExpressionSpecification =
    fill === 'consent'
      ? ['case', inServiceHealth, paletteMatch('health', HEALTH_PALETTE, 'color'), paletteMatch(colorKey, MAP_PALETTE, 'color')]
      : ['coalesce', ['feature-state', 'color'], B.building];
  const labelScale: ExpressionSpecification = ['coalesce', ['get', 'mapLabelScale'], 1];
  const labelColor: ExpressionSpecification =
    fill === 'consent'
      ? ['case', inServiceHealth, paletteMatch('health', HEALTH_PALETTE, 'text'), paletteMatch(colorKey, MAP_PALETTE, 'text')]
      : ['coalesce', ['feature-state', 'text'], B.background === '#ffffff' ? '#000000' : '#ffffff'];
  return [
    { id: 'boundary-fill', type: 'fill', source: 'boundary', paint: { 'fill-color': B.boundaryFill } },
    { id: 'green', type: 'fill', source: 'green', paint: { 'fill-color': B.green } },
    {
      id: 'roads',
      type: 'line',
      source: 'roads',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': B.road, 'line-width': metresWide(['get', 'widthM'], latitude) },
    },
    {
      id: 'fire-lanes',
      type: 'line',
      source: 'fireLanes',
      layout: { 'line-join': 'round' },
      paint: { 'line-color': B.road, 'line-width': metresWide(['get', 'roadWidthM'], latitude) },
    },
    {
      // The clear corridor that must stay open (GB 50016), dashed over the lane.
      id: 'fire-lanes-clear',
      type: 'line',
      source: 'fireLanes',
      paint: { 'line-color': B.fireLane, 'line-width': 2, 'line-dasharray': [3, 2] },
    },
    {
      id: 'parking',
      type: 'fill',
      source: 'parking',
      paint: { 'fill-color': B.parking, 'fill-outline-color': B.parkingLine },
    },
    { id: 'boundary-line', type: 'line', source: 'boundary', paint: { 'line-color': B.boundaryLine, 'line-width': 2, 'line-dasharray': [4, 2] } },
    { id: 'buildings', type: 'fill', source: 'buildings', paint: { 'fill-color': B.building } },
    {
      id: 'stairwells',
      type: 'fill',
      source: 'stairwells',
      paint: { 'fill-color': stairwellFill },
    },
    {
      id: 'stairwell-outline',
      type: 'line',
      source: 'stairwells',
      paint: {
        'line-color': ['case', celebrating, B.celebrate, selected, B.selected, hovered, B.selected, focused, B.focus, B.stairwellLine],
        'line-width': ['case', celebrating, 8, selected, 4, hovered, 2.5, focused, 4, 1],
      },
    },
    ...(fill === 'consent'
      ? [
          {
            // A lift in service with a problem: a dashed ring in its health colour, over the outline.
            id: 'lift-health-ring',
            type: 'line',
            source: 'stairwells',
            filter: unhealthy,
            paint: { 'line-color': B.selected, 'line-width': 4, 'line-dasharray': [1, 1] },
          } satisfies Layer,
        ]
      : []),
    { id: 'building-outline', type: 'line', source: 'buildings', paint: { 'line-color': B.buildingLine, 'line-width': 2.5 } },
    { id: 'elevator-sites', type: 'fill', source: 'elevatorSites', paint: { 'fill-color': B.elevatorSite } },
    {
      // An imported estate's units are labelled by their own number; their building is named once, above it.
      id: 'building-labels',
      type: 'symbol',
      source: 'buildings',
      filter: ['to-boolean', ['coalesce', ['get', 'label'], '']],
      layout: {
        'text-field': ['get', 'label'],
        'text-size': ['interpolate', ['exponential', 2], ['zoom'], 15, 3.6, 19, 56, 21, 64],
        'text-anchor': 'bottom',
        // Above the building and its elevator sites (half a 12 m block and a 3 m site ≈ 1.4 em at any zoom).
        'text-offset': [0, -1.5],
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': B.buildingLabel, 'text-halo-color': B.background, 'text-halo-width': 2 },
    },
    {
      id: 'stairwell-labels',
      type: 'symbol',
      source: 'stairwells',
      layout: {
        'text-field': ['coalesce', ['get', 'mapLabel'], ['get', 'label']],
        // Grows with the ground like the stairwell it names, so a 4K wall (one zoom level
        // closer) shows labels twice as large (≈ 50 px there, 10 mm on a 65" screen read
        // from 4 m); capped when zoomed right in.
        // A long unit label in a small stairwell is scaled down to fit across it (mapLabelScale).
        'text-size': ['interpolate', ['exponential', 2], ['zoom'], 15, ['*', 4.3, labelScale], 19, ['*', 68, labelScale], 21, ['*', 86, labelScale]],
        'text-allow-overlap': true,
        'text-ignore-placement': true,
        // A unit label (2幢 1单元) on two lines, so it stays inside its stairwell.
        'text-max-width': 3,
      },
      paint: { 'text-color': labelColor },
    },
  ];
}
