import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { GeoJSONSource, MapLayerMouseEvent, MapLibreMap, LngLat as MapLngLat } from 'maplibre-gl';
import type { PolygonGeometry } from '../../geo/estate/geometry-schemas.ts';
import type { LngLat } from '../../geo/geometry/index.ts';
import { BASE_PALETTE as B } from '../../geo/palette/index.ts';
import { OwnedMap } from './owned-map.ts';
import type { EstateMap } from '../wire.ts';

/** A stairwell's door and elevator site as the planner is placing them. */
export interface Parts {
  door: LngLat;
  elevatorSite: PolygonGeometry | null;
}

export interface PartsEditorOptions {
  onSelect: (stairwellId: number | null) => void;
  /** Called at the end of each drag with the parts as they now stand. */
  onChange: (parts: Parts) => void;
}

const EDIT_COLOR = '#ffd166';
const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
const notSelected = (id: number | null): ExpressionSpecification => ['!=', ['get', 'stairwellId'], id ?? -1];

const LAYERS: (LayerSpecification & { source: string })[] = [
  { id: 'boundary', type: 'line', source: 'boundary', paint: { 'line-color': B.boundaryLine, 'line-width': 2, 'line-dasharray': [4, 2] } },
  { id: 'buildings', type: 'fill', source: 'buildings', paint: { 'fill-color': B.building } },
  {
    id: 'stairwells',
    type: 'fill',
    source: 'stairwells',
    paint: { 'fill-color': ['case', ['boolean', ['feature-state', 'selected'], false], '#9ec9ee', '#c9e3f7'], 'fill-outline-color': '#10151d' },
  },
  { id: 'sites', type: 'fill', source: 'elevatorSites', paint: { 'fill-color': B.elevatorSite } },
  { id: 'doors', type: 'circle', source: 'doors', paint: { 'circle-radius': 3, 'circle-color': '#56606b' } },
  {
    id: 'labels',
    type: 'symbol',
    source: 'stairwells',
    layout: { 'text-field': ['get', 'label'], 'text-size': 13, 'text-max-width': 3, 'text-allow-overlap': true },
    paint: { 'text-color': '#000000' },
  },
  { id: 'edit-site', type: 'fill', source: 'edit', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': EDIT_COLOR, 'fill-opacity': 0.85 } },
  { id: 'edit-site-outline', type: 'line', source: 'edit', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'line-color': '#10151d', 'line-width': 2 } },
  {
    id: 'edit-door',
    type: 'circle',
    source: 'edit',
    filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-radius': 8, 'circle-color': EDIT_COLOR, 'circle-stroke-color': '#10151d', 'circle-stroke-width': 2 },
  },
];

const shifted = (p: PolygonGeometry, dLng: number, dLat: number): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: p.coordinates.map((ring) => ring.map(([lng, lat]) => [Math.round((lng + dLng) * 1e7) / 1e7, Math.round((lat + dLat) * 1e7) / 1e7] as LngLat)),
});
const round = (l: MapLngLat): LngLat => [Math.round(l.lng * 1e7) / 1e7, Math.round(l.lat * 1e7) / 1e7];

/**
 * Owns the /admin map on which a planner drags a stairwell's door point and
 * elevator site into place, on the one map owner (owned-map.ts): created
 * with its component, destroyed with it. Only the edited parts change
 * source data.
 */
export class PartsEditor {
  private readonly owned: OwnedMap;
  private readonly map: MapLibreMap;
  private readonly loaded: Promise<void>;
  private selected: number | null = null;
  /** The stairwell the view was last framed on. */
  private framed: number | null = null;
  private stairwells: GeoJSON.Feature[] = [];
  private parts: Parts | null = null;
  private drag: { what: 'door' | 'site'; from: MapLngLat; start: Parts } | null = null;
  private stopDrag: () => void = () => undefined;

  constructor(container: HTMLElement, private readonly options: PartsEditorOptions) {
    this.owned = new OwnedMap(container, { hook: 'liftmapEditor', drawnWith: 'edit-door' });
    this.map = this.owned.map;
    this.loaded = this.owned.loaded;
    this.listen();
  }

  /** Draws the estate; fits it the first time. */
  async setEstate(data: EstateMap): Promise<void> {
    await this.loaded;
    const first = !this.map.getSource('stairwells');
    this.stairwells = data.layers.stairwells.features;
    const collections: Record<string, GeoJSON.FeatureCollection> = {
      boundary: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: data.estate.boundary, properties: {} }] },
      buildings: data.layers.buildings,
      stairwells: data.layers.stairwells,
      elevatorSites: data.layers.elevatorSites,
      doors: data.layers.doors,
      edit: EMPTY,
    };
    // The edited parts keep their own data while the estate is re-read.
    for (const [id, fc] of Object.entries(collections)) if (id !== 'edit' || first) this.owned.setGeoJSON(id, fc, { promoteId: id === 'stairwells' ? 'id' : undefined });
    if (!first) return;
    for (const layer of LAYERS) this.map.addLayer(layer);
    this.owned.fitTo(data.estate.boundary, 24);
  }

  /** Edits this stairwell's parts (or none): the stored ones are hidden under the editable copies. */
  async edit(stairwellId: number | null, parts: Parts | null): Promise<void> {
    await this.loaded;
    if (!this.map.getLayer('edit-door')) return;
    if (this.selected !== null) this.map.setFeatureState({ source: 'stairwells', id: this.selected }, { selected: false });
    this.selected = stairwellId;
    this.parts = parts;
    if (stairwellId !== null) this.map.setFeatureState({ source: 'stairwells', id: stairwellId }, { selected: true });
    this.map.setFilter('sites', notSelected(stairwellId));
    this.map.setFilter('doors', notSelected(stairwellId));
    const changed = this.framed !== stairwellId;
    this.framed = stairwellId;
    this.drawParts();
    // A 2.4 m shaft is a few pixels over the whole estate: frame the stairwell being edited, once per choice.
    if (changed && stairwellId !== null && parts) this.frame(stairwellId, parts);
  }

  private frame(stairwellId: number, parts: Parts): void {
    const footprint = this.stairwells.find((f) => f.id === stairwellId);
    const features: GeoJSON.Feature[] = [
      { type: 'Feature', geometry: { type: 'Point', coordinates: parts.door }, properties: {} },
      ...(parts.elevatorSite ? [{ type: 'Feature' as const, geometry: parts.elevatorSite, properties: {} }] : []),
      ...(footprint ? [footprint] : []),
    ];
    this.owned.fitTo({ type: 'FeatureCollection', features }, 60, 0, 21);
  }

  destroy(): void {
    this.stopDrag();
    this.owned.destroy();
  }

  private drawParts(): void {
    const p = this.parts;
    const features: GeoJSON.Feature[] = p
      ? [
          ...(p.elevatorSite ? [{ type: 'Feature' as const, geometry: p.elevatorSite, properties: {} }] : []),
          { type: 'Feature', geometry: { type: 'Point', coordinates: p.door }, properties: {} },
        ]
      : [];
    void this.map.getSource<GeoJSONSource>('edit')?.setData({ type: 'FeatureCollection', features });
  }

  private listen(): void {
    // Moves and the release are followed on the window, so a drag that leaves the map still ends.
    const move = (e: MouseEvent) => {
      const d = this.drag;
      if (!d) return;
      const box = this.map.getContainer().getBoundingClientRect();
      const here = this.map.unproject([e.clientX - box.left, e.clientY - box.top]);
      const [dLng, dLat] = [here.lng - d.from.lng, here.lat - d.from.lat];
      this.parts =
        d.what === 'door' ? { ...d.start, door: round(here) } : { ...d.start, elevatorSite: d.start.elevatorSite ? shifted(d.start.elevatorSite, dLng, dLat) : null };
      this.drawParts();
    };
    const end = () => {
      window.removeEventListener('mousemove', move);
      window.removeEventListener('mouseup', end);
      if (!this.drag) return;
      this.drag = null;
      this.map.getCanvas().style.cursor = '';
      if (this.parts) this.options.onChange(this.parts);
    };
    this.stopDrag = end;
    const start = (what: 'door' | 'site') => (e: MapLayerMouseEvent) => {
      if (!this.parts) return;
      // Keeps the map from panning while a part is dragged.
      e.preventDefault();
      this.drag = { what, from: e.lngLat, start: this.parts };
      this.map.getCanvas().style.cursor = 'grabbing';
      window.addEventListener('mousemove', move);
      window.addEventListener('mouseup', end);
    };
    // The door sits on top of the site: take it first.
    this.map.on('mousedown', 'edit-door', start('door'));
    this.map.on('mousedown', 'edit-site', (e: MapLayerMouseEvent) => {
      if (this.map.queryRenderedFeatures(e.point, { layers: ['edit-door'] }).length === 0) start('site')(e);
    });
    this.map.on('click', (e) => {
      if (this.map.queryRenderedFeatures(e.point, { layers: ['edit-door', 'edit-site'] }).length) return;
      const hit = this.map.queryRenderedFeatures(e.point, { layers: ['stairwells'] })[0];
      this.options.onSelect(typeof hit?.id === 'number' ? hit.id : null);
    });
    for (const layer of ['edit-door', 'edit-site']) {
      this.map.on('mouseenter', layer, () => (this.map.getCanvas().style.cursor = 'grab'));
      this.map.on('mouseleave', layer, () => (this.map.getCanvas().style.cursor = this.drag ? 'grabbing' : ''));
    }
  }
}
