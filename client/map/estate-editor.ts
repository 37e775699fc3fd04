import { bbox } from '@turf/turf';
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { GeoJSONSource, ImageSource, MapLibreMap } from 'maplibre-gl';
import { TerraDraw, TerraDrawLineStringMode, TerraDrawPolygonMode, TerraDrawSelectMode, type GeoJSONStoreFeatures } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { featureKey, type EstateCollection } from '../../geo/editing/index.ts';
import { mapLabel } from '../../geo/estate/door-label.ts';
import type { LngLat } from '../../geo/geometry/index.ts';
import { BASE_PALETTE as B } from '../../geo/palette/index.ts';
import { OwnedMap } from './owned-map.ts';

/** What the planner is doing on the map: picking and dragging, or drawing one of four things. */
export const EDITOR_TOOLS = ['select', 'building', 'cut', 'kerb', 'lane'] as const;
export type EditorTool = (typeof EDITOR_TOOLS)[number];

/** Each editable kind is a terra-draw mode of its own, so the select mode can treat each as it should. */
const EDITABLE: Record<string, string> = { building: 'building', elevator_site: 'site', boundary: 'boundary', parking: 'parking', fire_lane: 'lane' };

export interface EstateEditorOptions {
  /** A new building outline, a cutting line, a kerb or a fire lane has been drawn: the page asks for the rest. */
  onDrawn: (tool: Exclude<EditorTool, 'select'>, geometry: GeoJSON.Polygon | GeoJSON.LineString) => void;
  /** A feature was dragged, reshaped or turned: its key (featureKey) and new geometry. */
  onChanged: (key: string, geometry: GeoJSON.Polygon | GeoJSON.LineString) => void;
  /** The feature picked in select mode, or null. */
  onSelect: (key: string | null) => void;
}

const STAIRWELL_LAYERS: (LayerSpecification & { source: string })[] = [
  { id: 'green', type: 'fill', source: 'estate', filter: ['==', ['get', 'kind'], 'green'], paint: { 'fill-color': B.green, 'fill-opacity': 0.6 } },
  { id: 'roads', type: 'line', source: 'estate', filter: ['==', ['get', 'kind'], 'road'], paint: { 'line-color': B.road, 'line-width': 6 } },
  { id: 'stairwells', type: 'fill', source: 'estate', filter: ['==', ['get', 'kind'], 'stairwell'], paint: { 'fill-color': '#c9e3f7', 'fill-opacity': 0.55 } },
  { id: 'stairwell-edges', type: 'line', source: 'estate', filter: ['==', ['get', 'kind'], 'stairwell'], paint: { 'line-color': '#10151d', 'line-width': 1 } },
  {
    id: 'stairwell-labels',
    type: 'symbol',
    source: 'estate',
    filter: ['==', ['get', 'kind'], 'stairwell'],
    layout: { 'text-field': ['get', 'label'], 'text-size': 12, 'text-max-width': 4 },
    paint: { 'text-color': '#ffffff', 'text-halo-color': '#10151d', 'text-halo-width': 1.5 },
  },
];

/**
 * Owns /edit's map: the estate as stored (stairwells and their labels
 * drawn by MapLibre), every editable feature in terra-draw (buildings,
 * elevator sites, the boundary, parking spaces, fire lanes) and the
 * drawing tools. It changes nothing itself: each drawing or drag is handed
 * to the page, which makes the edit and saves it through the import's
 * checks, then gives the saved estate back here.
 */
export class EstateEditor {
  private readonly owned: OwnedMap;
  private readonly map: MapLibreMap;
  private readonly loaded: Promise<void>;
  private draw: TerraDraw | null = null;
  private framed = false;
  private sitePlanUrl: string | null = null;
  /** The boundary's key: its ring is edited as a line and closed again when saved. */
  private boundaryKey: string | null = null;
  /** The feature picked in select mode, picked again after the saved estate is drawn anew. */
  private selectedId: string | null = null;
  private reloading = false;
  private extent: [number, number, number, number] | null = null;

  constructor(container: HTMLElement, private readonly options: EstateEditorOptions) {
    this.owned = new OwnedMap(container, {
      hook: 'liftmapEstateEditor',
      sources: { estate: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
      layers: STAIRWELL_LAYERS,
      doubleClickZoom: false,
      // What terra-draw holds, for the tests of each tool.
      testExtras: { features: () => (this.draw?.getSnapshot() ?? []).map((f) => ({ id: String(f.id), mode: typeof f.properties.mode === 'string' ? f.properties.mode : '' })) },
    });
    this.map = this.owned.map;
    this.loaded = this.owned.loaded.then(() => this.startDrawing());
  }

  private startDrawing(): void {
    let n = 0;
    const edge = (color: string, fill = 0.35) => ({ fillColor: color as `#${string}`, fillOpacity: fill, outlineColor: '#10151d' as const, outlineWidth: 1.5 });
    const draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map: this.map }),
      idStrategy: { isValidId: (id) => typeof id === 'string' && id.length > 0, getId: () => `drawn-${++n}` },
      modes: [
        new TerraDrawPolygonMode({ modeName: 'building', styles: edge('#8a93a3', 0.25) }),
        new TerraDrawPolygonMode({ modeName: 'site', styles: edge('#ffd166', 0.9) }),
        // The boundary is drawn as its ring (a line), so a click inside the estate picks what is there, not the boundary.
        new TerraDrawLineStringMode({ modeName: 'boundary', styles: { lineStringColor: '#ffd166', lineStringWidth: 3 } }),
        new TerraDrawPolygonMode({ modeName: 'parking', styles: edge('#5c6f8a', 0.7) }),
        new TerraDrawLineStringMode({ modeName: 'lane', styles: { lineStringColor: '#ff6b5b', lineStringWidth: 4 } }),
        new TerraDrawLineStringMode({ modeName: 'cut', styles: { lineStringColor: '#ffffff', lineStringWidth: 2 } }),
        new TerraDrawLineStringMode({ modeName: 'kerb', styles: { lineStringColor: '#4fc3a1', lineStringWidth: 3 } }),
        new TerraDrawSelectMode({
          flags: {
            building: { feature: { draggable: true, coordinates: { draggable: true, midpoints: true } } },
            site: { feature: { draggable: true, rotateable: true } },
            boundary: { feature: { coordinates: { draggable: true, midpoints: true } } },
            parking: { feature: { draggable: true } },
            lane: { feature: { draggable: true, coordinates: { draggable: true, midpoints: true } } },
          },
          styles: { selectedPolygonColor: '#ffd166', selectedPolygonOutlineColor: '#ffd166', selectedPolygonOutlineWidth: 3, selectedLineStringColor: '#ffd166' },
        }),
      ],
    });
    draw.start();
    draw.on('finish', (id, context) => {
      const feature = draw.getSnapshotFeature(id);
      if (!feature || (feature.geometry.type !== 'Polygon' && feature.geometry.type !== 'LineString')) return;
      if (context.mode === 'select') this.options.onChanged(String(id), id === this.boundaryKey && feature.geometry.type === 'LineString' ? this.closedRing(feature.geometry) : feature.geometry);
      else if (context.action === 'draw' && ['building', 'cut', 'kerb', 'lane'].includes(context.mode)) {
        // The drawing is a question to the page, not yet part of the estate.
        draw.removeFeatures([id]);
        this.options.onDrawn(context.mode as Exclude<EditorTool, 'select'>, feature.geometry);
      }
    });
    draw.on('select', (id) => {
      this.selectedId = String(id);
      this.options.onSelect(String(id));
    });
    draw.on('deselect', () => {
      if (this.reloading) return;
      this.selectedId = null;
      this.options.onSelect(null);
    });
    this.draw = draw;
  }

  /** Draws the estate as saved: stairwells as layers, everything editable into terra-draw under its featureKey. */
  async setEstate(estate: EstateCollection): Promise<void> {
    await this.loaded;
    const shown: GeoJSON.Feature[] = estate.features.map((f) => ({ ...f, properties: { kind: f.properties.kind, label: f.properties.kind === 'stairwell' ? mapLabel(String(f.properties.doorNumber)) : '' } }));
    void this.map.getSource<GeoJSONSource>('estate')?.setData({ type: 'FeatureCollection', features: shown });
    const draw = this.draw!;
    const mode = draw.getMode();
    if (mode !== 'select') draw.setMode('static');
    this.reloading = true;
    draw.clear();
    const editable: GeoJSONStoreFeatures[] = estate.features.flatMap((f, i): GeoJSONStoreFeatures[] => {
      const drawMode = EDITABLE[f.properties.kind];
      if (!drawMode) return [];
      const id = featureKey(f, i);
      if (f.properties.kind !== 'boundary' || f.geometry.type !== 'Polygon') return [{ type: 'Feature', id, geometry: f.geometry, properties: { mode: drawMode } }];
      this.boundaryKey = id;
      // The ring as an open line (terra-draw takes no line that ends where it starts), closed again when saved.
      return [{ type: 'Feature', id, geometry: { type: 'LineString', coordinates: f.geometry.coordinates[0]!.slice(0, -1) }, properties: { mode: drawMode } }];
    });
    const refused = draw.addFeatures(editable).filter((v) => !v.valid);
    if (refused.length) console.warn(`terra-draw left out ${refused.map((v) => `${String(v.id)} (${v.reason ?? '?'})`).join(', ')}`);
    draw.setMode(mode);
    this.reloading = false;
    if (mode === 'select' && this.selectedId && draw.hasFeature(this.selectedId)) draw.selectFeature(this.selectedId);
    else if (this.selectedId) {
      this.selectedId = null;
      this.options.onSelect(null);
    }
    this.extent = bbox(estate) as [number, number, number, number];
    if (this.framed) return;
    this.framed = true;
    await this.showWhole();
  }

  /** The whole estate in view again. */
  async showWhole(): Promise<void> {
    await this.loaded;
    if (!this.extent) return;
    const [w, s, e, n] = this.extent;
    this.map.fitBounds([[w, s], [e, n]], { padding: 30, duration: 0 });
  }

  /** The boundary's ring, drawn as an open line, closed again into a polygon. */
  private closedRing(line: GeoJSON.LineString): GeoJSON.Polygon {
    const ring = line.coordinates.map((p) => [p[0]!, p[1]!] as LngLat);
    return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
  }

  async setTool(tool: EditorTool): Promise<void> {
    await this.loaded;
    this.draw?.setMode(tool === 'select' ? 'select' : tool);
  }

  /** The paper site plan under everything, placed by its four corners, at an opacity; null removes it. */
  async setSitePlan(plan: { url: string; corners: [LngLat, LngLat, LngLat, LngLat]; opacity: number } | null): Promise<void> {
    await this.loaded;
    const source = this.map.getSource<ImageSource>('site-plan');
    if (!plan) {
      if (this.map.getLayer('site-plan')) this.map.removeLayer('site-plan');
      if (source) this.map.removeSource('site-plan');
      this.sitePlanUrl = null;
      return;
    }
    if (!source) {
      this.map.addSource('site-plan', { type: 'image', url: plan.url, coordinates: plan.corners });
      this.map.addLayer({ id: 'site-plan', type: 'raster', source: 'site-plan', paint: { 'raster-opacity': plan.opacity, 'raster-fade-duration': 0 } }, 'green');
    } else if (this.sitePlanUrl !== plan.url) source.updateImage({ url: plan.url, coordinates: plan.corners });
    else source.setCoordinates(plan.corners);
    this.sitePlanUrl = plan.url;
    this.map.setPaintProperty('site-plan', 'raster-opacity', plan.opacity);
  }

  /** Where a click on the map falls, once: for pinning a point of the site plan. */
  async nextClick(): Promise<LngLat> {
    await this.loaded;
    // While a point is pinned, a click picks nothing and draws nothing.
    const mode = this.draw?.getMode() ?? 'static';
    this.draw?.setMode('static');
    return new Promise((resolve) =>
      this.map.once('click', (e) => {
        this.draw?.setMode(mode);
        resolve([Math.round(e.lngLat.lng * 1e7) / 1e7, Math.round(e.lngLat.lat * 1e7) / 1e7]);
      }),
    );
  }

  destroy(): void {
    this.draw?.stop();
    this.owned.destroy();
  }
}
