import type { MapGeoJSONFeature, MapLayerMouseEvent, MapLibreMap, PaddingOptions } from 'maplibre-gl';
import { BASE_PALETTE, LIGHT_BASE_PALETTE } from '../../geo/palette/index.ts';
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { battleMapLayers, SOURCES, type SourceId } from './layers.ts';
import { collectionToDatum, estateMapToDatum, type DisplayDatum } from './display-datum.ts';
import { OwnedMap, type OwnedMapOptions } from './owned-map.ts';
import { markFirstMapDrawn } from './first-drawn.ts';
import { onLiveColour } from './live-colours.ts';
import type { EstateMap } from '../wire.ts';

export interface BattleMapOptions {
  /** Clicking a stairwell selects it; off in kiosk mode. */
  interactive: boolean;
  /** Stairwells coloured by consent progress and stage, or by a colour each view sets (`setStates`). */
  fill?: 'consent' | 'state';
  /** More GeoJSON sources and layers drawn under the labels (e.g. /plan's zones). */
  overlay?: { sources: readonly string[]; layers: readonly (LayerSpecification & { source: string })[] };
  onSelect?: (stairwellId: number | null) => void;
  /** Clicking a parking space reports its code (the parking view). */
  onSpaceSelect?: (code: string | null) => void;
  /** Screen space kept free of the estate, e.g. for a side panel. */
  padding?: Partial<PaddingOptions>;
  /** Device pixels per CSS pixel; more than the screen's for a stage scaled up (slides on a projector). */
  pixelRatio?: number;
  /** A raster basemap under the estate (LIFTMAP_BASEMAP_*); none keeps the offline style. */
  basemap?: { tiles: string; attribution: string; datum: DisplayDatum } | null;
  /** Dark for screens, light for paper (the printed deck). */
  theme?: 'dark' | 'light';
  /** + and − buttons on the map. */
  zoomControl?: boolean;
  /** How close framing a few stairwells may zoom: 18.6 shows a stairwell with its neighbours; parking goes to 20, where spaces are numbered. */
  focusMaxZoom?: number;
}

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/** A raster basemap under the estate (tiles by URL template, attribution shown), or nothing: the offline style. */
function basemapLayers(basemap: BattleMapOptions['basemap']): Pick<OwnedMapOptions, 'sources' | 'layers' | 'attribution'> {
  if (!basemap) return {};
  return {
    sources: { basemap: { type: 'raster', tiles: [basemap.tiles], tileSize: 256, attribution: basemap.attribution, maxzoom: 19 } },
    layers: [{ id: 'basemap', type: 'raster', source: 'basemap', paint: { 'raster-opacity': 0.85 } }],
    attribution: basemap.attribution,
  };
}

/**
 * The battle map of one estate, on the one map owner (owned-map.ts):
 * created with the component, destroyed with it; stairwells coloured by
 * consent and stage, live changes drawn through feature-state.
 */
export class BattleMap {
  private static readonly byContainer = new WeakMap<HTMLElement, BattleMap>();

  /** The map drawn in a container, for exports that need to re-render it sharper. */
  static in(container: Element): BattleMap | undefined {
    return container instanceof HTMLElement ? BattleMap.byContainer.get(container) : undefined;
  }

  private readonly owned: OwnedMap;
  private readonly map: MapLibreMap;
  private readonly loaded: Promise<void>;
  /** Resolves once the estate's layers are on the map (the first setData). */
  private readonly drawnOnce: Promise<void>;
  private markDrawn: () => void = () => undefined;
  private hovered: number | null = null;
  private selected: number | null = null;
  private layersAdded = false;
  private data: EstateMap | null = null;
  private readonly flagged = new Map<string, number[]>();
  /** Stairwells recoloured by a live change ahead of the data. */
  private recoloured = new Set<number>();
  private stopColours: () => void = () => undefined;
  /** The datum the map draws in: the basemap's; stored data is always WGS-84. */
  private readonly datum: DisplayDatum;

  constructor(container: HTMLElement, private readonly options: BattleMapOptions) {
    this.datum = options.basemap?.datum ?? 'wgs84';
    const base = options.theme === 'light' ? LIGHT_BASE_PALETTE : BASE_PALETTE;
    this.owned = new OwnedMap(container, {
      hook: 'liftmap',
      background: base.background,
      ...basemapLayers(options.basemap ?? null),
      keepPixels: true,
      pixelRatio: options.pixelRatio,
      datum: this.datum,
      drawnWith: 'stairwells',
      zoomControl: options.zoomControl,
    });
    this.map = this.owned.map;
    this.loaded = this.owned.loaded;
    this.drawnOnce = new Promise((resolve) => (this.markDrawn = resolve));
    BattleMap.byContainer.set(container, this);
    if (options.interactive) this.listen();
    // A map coloured by consent takes the colours live changes announce, at once.
    if ((options.fill ?? 'consent') === 'consent') this.stopColours = onLiveColour(({ stairwellId, colorKey }) => this.recolour(new Map([[stairwellId, colorKey]])));
  }

  /** Draws (or redraws) an estate; fits the view the first time. */
  async setData(stored: EstateMap): Promise<void> {
    await this.loaded;
    const data = estateMapToDatum(stored, this.datum);
    this.data = data;
    const collections: Record<SourceId, GeoJSON.FeatureCollection> = {
      boundary: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: data.estate.boundary, properties: {} }] },
      ...data.layers,
    };
    const first = !this.layersAdded;
    // A re-read that changed one source re-tiles that source only.
    for (const id of SOURCES) this.owned.setGeoJSON(id, collections[id] ?? EMPTY, { promoteId: id === 'stairwells' ? 'id' : undefined });
    // The data now says what the live changes announced.
    for (const id of this.recoloured) this.map.removeFeatureState({ source: 'stairwells', id }, 'colorKey');
    this.recoloured.clear();
    if (first) {
      for (const id of this.options.overlay?.sources ?? []) this.owned.setGeoJSON(id, EMPTY);
      for (const layer of battleMapLayers(data.estate.center[1], this.options.fill ?? 'consent', this.options.theme === 'light' ? LIGHT_BASE_PALETTE : BASE_PALETTE)) this.map.addLayer(layer);
      for (const layer of this.options.overlay?.layers ?? []) this.map.addLayer(layer, 'stairwell-labels');
      this.layersAdded = true;
      this.fit(data);
      this.markDrawn();
      this.map.once('idle', markFirstMapDrawn);
    }
  }

  /** Replaces an overlay source's features (views call this when their data changes, not on hover). */
  async setOverlay(sourceId: string, stored: GeoJSON.FeatureCollection): Promise<void> {
    await this.loaded;
    if (this.map.getSource(sourceId)) this.owned.setGeoJSON(sourceId, collectionToDatum(stored, this.datum));
  }

  /** Replaces the feature-state of a source's features by id (colours, highlights); selection is kept. */
  setStates(sourceId: string, states: ReadonlyMap<number, Record<string, unknown>>): void {
    if (!this.layersAdded) return;
    this.map.removeFeatureState({ source: sourceId });
    for (const [id, state] of states) this.map.setFeatureState({ source: sourceId, id }, state);
    if (sourceId === 'stairwells' && this.selected !== null) this.map.setFeatureState({ source: 'stairwells', id: this.selected }, { selected: true });
  }

  /**
   * Draws stairwells in the colours live changes announced (their colour
   * keys), at once and without re-tiling: feature-state over the data's
   * `colorKey`, until the next setData brings the same.
   */
  recolour(colours: ReadonlyMap<number, string>): void {
    if (!this.layersAdded) return;
    for (const [id, colorKey] of colours) {
      this.map.setFeatureState({ source: 'stairwells', id }, { colorKey });
      this.recoloured.add(id);
    }
  }

  /** Outlines one stairwell (or none) through feature-state. */
  select(stairwellId: number | null): void {
    if (!this.layersAdded) return;
    if (this.selected !== null) this.map.setFeatureState({ source: 'stairwells', id: this.selected }, { selected: false });
    this.selected = stairwellId;
    if (stairwellId !== null) this.map.setFeatureState({ source: 'stairwells', id: stairwellId }, { selected: true });
  }

  /** Sets a boolean feature-state (`focus`, `celebrate`) on exactly these stairwells. */
  flag(name: 'focus' | 'celebrate', stairwellIds: readonly number[]): void {
    if (!this.layersAdded) return;
    for (const id of this.flagged.get(name) ?? []) this.map.setFeatureState({ source: 'stairwells', id }, { [name]: false });
    for (const id of stairwellIds) this.map.setFeatureState({ source: 'stairwells', id }, { [name]: true });
    this.flagged.set(name, [...stairwellIds]);
  }

  /** Frames these stairwells (the whole estate when empty), easing there over `durationMs`. */
  focus(stairwellIds: readonly number[], durationMs = 1200): void {
    if (!this.data) return;
    const ids = new Set(stairwellIds);
    const features = this.data.layers.stairwells.features.filter((f) => ids.has(f.properties.id));
    if (features.length === 0) return this.fit(this.data, durationMs);
    this.owned.fitTo({ type: 'FeatureCollection', features }, this.padding(120), durationMs, this.options.focusMaxZoom ?? 18.6);
  }

  /** Resolves once the estate and everything given since is drawn. */
  async whenIdle(): Promise<void> {
    await this.drawnOnce;
    if (this.map.loaded() && !this.map.isMoving() && this.map.areTilesLoaded()) {
      await new Promise<void>((resolve) => {
        this.map.once('idle', () => resolve());
        this.map.triggerRepaint();
      });
      return;
    }
    await new Promise<void>((resolve) => this.map.once('idle', () => resolve()));
  }

  pixelRatio(): number {
    return this.map.getPixelRatio();
  }

  /** Renders at `ratio` device pixels per CSS pixel (sharper exports) until set back. */
  async setPixelRatio(ratio: number): Promise<void> {
    this.map.setPixelRatio(ratio);
    await this.whenIdle();
  }

  resize(): void {
    this.map.resize();
  }

  destroy(): void {
    this.stopColours();
    this.owned.destroy();
  }

  private fit(data: EstateMap, durationMs = 0): void {
    this.owned.fitTo(data.estate.boundary, this.padding(24), durationMs);
  }

  private padding(edge: number): { top: number; bottom: number; left: number; right: number } {
    return { top: edge, bottom: edge, left: edge, right: edge, ...this.options.padding };
  }

  private listen(): void {
    const id = (f: MapGeoJSONFeature | undefined) => (typeof f?.id === 'number' ? f.id : null);
    this.map.on('click', 'stairwells', (e: MapLayerMouseEvent) => this.options.onSelect?.(id(e.features?.[0])));
    if (this.options.onSpaceSelect)
      this.map.on('click', 'parking', (e: MapLayerMouseEvent) => {
        const code: unknown = e.features?.[0]?.properties.code;
        this.options.onSpaceSelect?.(typeof code === 'string' ? code : null);
      });
    this.map.on('click', (e: MapLayerMouseEvent) => {
      if (this.map.queryRenderedFeatures(e.point, { layers: ['stairwells'] }).length === 0) this.options.onSelect?.(null);
    });
    this.map.on('mousemove', 'stairwells', (e: MapLayerMouseEvent) => {
      const next = id(e.features?.[0]);
      if (next === this.hovered) return;
      if (this.hovered !== null) this.map.setFeatureState({ source: 'stairwells', id: this.hovered }, { hover: false });
      this.hovered = next;
      if (next !== null) this.map.setFeatureState({ source: 'stairwells', id: next }, { hover: true });
      this.map.getCanvas().style.cursor = 'pointer';
    });
    this.map.on('mouseleave', 'stairwells', () => {
      if (this.hovered !== null) this.map.setFeatureState({ source: 'stairwells', id: this.hovered }, { hover: false });
      this.hovered = null;
      this.map.getCanvas().style.cursor = '';
    });
  }
}
