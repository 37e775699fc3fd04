import { bbox } from '@turf/turf';
import { MapLibreMap, NavigationControl, type GeoJSONSource, type LayerSpecification, type SourceSpecification } from 'maplibre-gl';
import './worker-url.ts';
import { BASE_PALETTE } from '../../geo/palette/index.ts';
import type { DisplayDatum } from './display-datum.ts';
import { LOCAL_CJK_FONTS } from './local-fonts.ts';
import type { TestHookExtras, TestHookName } from './test-hook.ts';
import { exposeTestHookWhenAutomated } from './when-automated.ts';

/** MapLibre's control tooltips in Chinese. */
const ZH_MAP_LOCALE = {
  'NavigationControl.ZoomIn': '放大',
  'NavigationControl.ZoomOut': '缩小',
  'NavigationControl.ResetBearing': '朝北',
  'AttributionControl.ToggleAttribution': '地图来源',
};

export interface OwnedMapOptions {
  /** The window hook tests and the screenshot tool read this map by (test-hook.ts). */
  hook: TestHookName;
  /** The map's sources and layers, drawn over a background of `background`; GeoJSON data may follow through setGeoJSON. */
  sources?: Record<string, SourceSpecification>;
  layers?: readonly LayerSpecification[];
  background?: string;
  /** Keeps the drawn pixels for screenshots, PNG export and pixel checks (MapLibre ≥ 5 only on request). */
  keepPixels?: boolean;
  pixelRatio?: number;
  /** Shown when the map draws someone else's tiles; none for the offline style. */
  attribution?: string | null;
  doubleClickZoom?: boolean;
  /** + and − buttons (bottom right), for views read up close with a mouse (parking). */
  zoomControl?: boolean;
  /** The datum the map draws in (stored data is WGS-84). */
  datum?: DisplayDatum;
  /** The map has what it is for once this layer exists (tests wait for it). */
  drawnWith?: string;
  /** More for the test hook (an editor's drawn features). */
  testExtras?: TestHookExtras;
}

/**
 * The one owner of a MapLibre map: every map of the app (battle map,
 * editors, outline import, district, import preview) is made, styled and
 * destroyed here. Offline: no glyphs URL (labels in the device's own CJK
 * fonts), no remote source unless a basemap is configured. GeoJSON sources
 * are re-set only when their data changed; views add what is their own
 * (events, feature-state, terra-draw) on `map`.
 */
export class OwnedMap {
  readonly map: MapLibreMap;
  /** Resolves once the style is loaded and sources and layers can be added. */
  readonly loaded: Promise<void>;
  private readonly given = new Map<string, string>();

  constructor(container: HTMLElement, options: OwnedMapOptions) {
    this.map = new MapLibreMap({
      container,
      style: {
        version: 8,
        sources: options.sources ?? {},
        layers: [{ id: 'background', type: 'background', paint: { 'background-color': options.background ?? BASE_PALETTE.background } }, ...(options.layers ?? [])],
      },
      attributionControl: options.attribution ? { compact: false, customAttribution: options.attribution } : false,
      canvasContextAttributes: options.keepPixels ? { preserveDrawingBuffer: true } : undefined,
      localIdeographFontFamily: LOCAL_CJK_FONTS,
      pixelRatio: options.pixelRatio,
      dragRotate: false,
      pitchWithRotate: false,
      doubleClickZoom: options.doubleClickZoom ?? true,
      // The map's own buttons' tooltips in the page's language (MapLibre's are English).
      locale: document.documentElement.lang.startsWith('zh') ? ZH_MAP_LOCALE : undefined,
      // Labels appear with the map rather than fading in over 300 ms: the map is settled (idle) that much sooner.
      fadeDuration: 0,
    });
    if (options.zoomControl) this.map.addControl(new NavigationControl({ showCompass: false }), 'bottom-right');
    this.loaded = new Promise((resolve) => this.map.once('load', () => resolve()));
    exposeTestHookWhenAutomated(options.hook, this.map, { datum: options.datum ?? 'wgs84', drawnWith: options.drawnWith, extras: options.testExtras });
  }

  /** Gives a GeoJSON source its data: added the first time, re-set only when it changed. True when it changed. */
  setGeoJSON(id: string, data: GeoJSON.FeatureCollection, extra: { promoteId?: string } = {}): boolean {
    const text = JSON.stringify(data);
    if (this.given.get(id) === text) return false;
    this.given.set(id, text);
    const source = this.map.getSource<GeoJSONSource>(id);
    if (source) void source.setData(data);
    else this.map.addSource(id, { type: 'geojson', data, promoteId: extra.promoteId });
    return true;
  }

  /** Frames a geometry or collection, padded, at once or easing over `durationMs`. */
  fitTo(shape: GeoJSON.Geometry | GeoJSON.Feature | GeoJSON.FeatureCollection, padding: number | { top: number; bottom: number; left: number; right: number }, durationMs = 0, maxZoom?: number): void {
    const [w, s, e, n] = bbox(shape.type === 'Feature' || shape.type === 'FeatureCollection' ? shape : { type: 'Feature', geometry: shape, properties: {} });
    // An absent maxZoom must stay absent: MapLibre takes `undefined` over its own limit.
    this.map.fitBounds([[w, s], [e, n]], { padding, duration: durationMs, animate: durationMs > 0, ...(maxZoom === undefined ? {} : { maxZoom }) });
  }

  destroy(): void {
    this.map.remove();
  }
}
