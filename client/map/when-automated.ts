import type { MapLibreMap } from 'maplibre-gl';
import type { DisplayDatum } from './display-datum.ts';

/**
 * window.liftmap (test-hook.ts) for a browser driven by a test or the
 * screenshot tool (navigator.webdriver): a chunk of its own fetched only
 * then, so no wall, phone or deck downloads it.
 */
export function exposeTestHookWhenAutomated(map: MapLibreMap, datum: DisplayDatum = 'wgs84'): void {
  if (navigator.webdriver) void import('./test-hook.ts').then((m) => m.exposeTestHook(map, datum));
}
