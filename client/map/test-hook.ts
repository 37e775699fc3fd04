import type { MapLibreMap } from 'maplibre-gl';
import { convertPosition } from '../../geo/estate/datum.ts';
import type { DisplayDatum } from './display-datum.ts';

/** The window property each kind of map is read by: the battle map and the district map are `liftmap`. */
export type TestHookName = 'liftmap' | 'liftmapEditor' | 'liftmapEstateEditor' | 'liftmapOutlineMap' | 'liftmapPreview';
/** What a map adds to the common hook (an editor's drawn features). */
export type TestHookExtras = Record<string, (...args: never[]) => unknown>;

export interface LiftmapTestHook {
  /** Page pixel (CSS px, from the page's top left) of a WGS-84 position. */
  project(lngLat: [number, number]): [number, number];
  /** True once the map has drawn everything it has been given. */
  idle(): boolean;
  /** Resolves after the next frame that leaves nothing more to draw (feature-state changes included). */
  drawn(): Promise<void>;
  renderedStairwellIds(): number[];
  /** How many features of a layer are drawn on screen now. */
  renderedCount(layerId: string): number;
  /** The feature-state a view set on a feature (colours, selection). */
  stateOf(source: string, id: number): Record<string, unknown> | undefined;
  /** The properties the map holds for a feature of a source (what data-driven colours read). */
  propertiesOf(source: string, id: number): Record<string, unknown> | undefined;
}

/** The estate editor's hook also lists what terra-draw holds. */
export type EstateEditorTestHook = LiftmapTestHook & { features(): { id: string; mode: string }[] };

declare global {
  interface Window {
    liftmap?: LiftmapTestHook;
    liftmapEditor?: LiftmapTestHook;
    liftmapOutlineMap?: LiftmapTestHook;
    liftmapPreview?: LiftmapTestHook;
    liftmapEstateEditor?: EstateEditorTestHook;
  }
}

/** One read-only hook for every map (owned-map.ts), under the window property its kind is read by; it changes nothing. */
export function exposeTestHook(name: TestHookName, map: MapLibreMap, options: { datum: DisplayDatum; drawnWith?: string; extras?: TestHookExtras }): void {
  const { datum, drawnWith, extras } = options;
  // The map may have finished drawing before this chunk arrived.
  let idle = map.loaded() && !map.isMoving();
  map.on('idle', () => (idle = true));
  map.on('dataloading', () => (idle = false));
  map.on('movestart', () => (idle = false));
  const hook: LiftmapTestHook = {
    project: (lngLat) => {
      // Stored positions are WGS-84; over a GCJ-02 basemap the map draws them shifted.
      const p = map.project(datum === 'wgs84' ? lngLat : convertPosition(lngLat, 'wgs84', datum));
      const box = map.getContainer().getBoundingClientRect();
      return [box.left + p.x, box.top + p.y];
    },
    idle: () => idle && (drawnWith === undefined || map.getLayer(drawnWith) !== undefined),
    drawn: () =>
      new Promise<void>((resolve) => {
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
    stateOf: (source, id) => (map.getSource(source) ? (map.getFeatureState({ source, id }) as Record<string, unknown>) : undefined),
    propertiesOf: (source, id) => (map.getSource(source) ? map.querySourceFeatures(source).find((f) => f.id === id)?.properties : undefined),
    renderedCount: (layerId) => (map.getLayer(layerId) ? map.queryRenderedFeatures({ layers: [layerId] }).length : 0),
    renderedStairwellIds: () =>
      map.getLayer('stairwells')
        ? [...new Set(map.queryRenderedFeatures({ layers: ['stairwells'] }).map((f) => Number(f.id)))].sort((a, b) => a - b)
        : [],
  };
  const hooks = window as unknown as Record<string, unknown>;
  const exposed = { ...hook, ...extras };
  hooks[name] = exposed;
  // A map taken down takes its hook with it, unless a newer map of the kind has replaced it.
  map.once('remove', () => {
    if (hooks[name] === exposed) delete hooks[name];
  });
}
