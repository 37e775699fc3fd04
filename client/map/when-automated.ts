import type { MapLibreMap } from 'maplibre-gl';
import type { DisplayDatum } from './display-datum.ts';
import type { TestHookExtras, TestHookName } from './test-hook.ts';

/**
 * The map's test hook (test-hook.ts) for a browser driven by a test or the
 * screenshot tool (navigator.webdriver): a chunk of its own fetched only
 * then, so no wall, phone or deck downloads it.
 */
export function exposeTestHookWhenAutomated(name: TestHookName, map: MapLibreMap, options: { datum: DisplayDatum; drawnWith?: string; extras?: TestHookExtras }): void {
  if (navigator.webdriver) void import('./test-hook.ts').then((m) => m.exposeTestHook(name, map, options));
}
