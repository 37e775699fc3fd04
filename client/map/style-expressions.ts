import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { PaletteEntry } from '../../geo/palette/index.ts';

/**
 * A `match` on a feature property (or an expression) over a palette: `['match', ['get', key], k1, c1, …, fallback]`.
 *
 * @example paletteMatch('colorKey', MAP_PALETTE, 'color')
 */
export function paletteMatch<K extends string>(
  property: string | ExpressionSpecification,
  palette: Record<K, PaletteEntry>,
  field: 'color' | 'text',
  fallback = '#ff00ff',
): ExpressionSpecification {
  const pairs = (Object.entries(palette) as [K, PaletteEntry][]).flatMap(([key, entry]) => [key, entry[field]]);
  const input = typeof property === 'string' ? ['get', property] : property;
  return ['match', input, ...pairs, fallback] as unknown as ExpressionSpecification;
}

/** Metres per screen pixel at zoom 0 (512-px tiles) at a latitude. */
export function metresPerPixelAtZoom0(latitude: number): number {
  return (40_075_016.686 * Math.cos((latitude * Math.PI) / 180)) / 512;
}

/**
 * A line width that stays `widthM` metres wide on the ground at every zoom.
 * `widthM` is a number or an expression reading it from the feature.
 */
export function metresWide(widthM: number | ExpressionSpecification, latitude: number): ExpressionSpecification {
  const mpp0 = metresPerPixelAtZoom0(latitude);
  return ['interpolate', ['exponential', 2], ['zoom'], 10, ['/', widthM, mpp0 / 2 ** 10], 24, ['/', widthM, mpp0 / 2 ** 24]];
}
