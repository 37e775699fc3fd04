import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { GeoJSONSource, MapLibreMap } from 'maplibre-gl';
import { TerraDraw, TerraDrawPolygonMode, TerraDrawSelectMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { PolygonGeometry } from '../../geo/estate/geometry-schemas.ts';
import type { LngLat } from '../../geo/geometry/index.ts';
import type { Outline } from '../../geo/outlines/index.ts';
import { BASE_PALETTE as B } from '../../geo/palette/index.ts';
import { OwnedMap } from './owned-map.ts';

export interface OutlineMapOptions {
  /** A click on an outline: take it into the estate or leave it out. */
  onToggle: (outlineId: string) => void;
  /** The boundary as drawn or reshaped; null when cleared. */
  onBoundary: (boundary: PolygonGeometry | null) => void;
}

/** A selected building's label: its code and how many stairwells it will have. */
export interface OutlineLabel {
  outlineId: string;
  at: LngLat;
  text: string;
}

const SELECTED = '#4fc3a1';
const REFUSED = '#ff6b5b';

const LAYERS: (LayerSpecification & { source: string })[] = [
  {
    id: 'outlines',
    type: 'fill',
    source: 'outlines',
    paint: {
      'fill-color': ['case', ['get', 'refused'], REFUSED, ['boolean', ['feature-state', 'selected'], false], SELECTED, B.building],
      'fill-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 0.9, 0.55],
    },
  },
  { id: 'outline-edges', type: 'line', source: 'outlines', paint: { 'line-color': '#0b0f14', 'line-width': 1 } },
  {
    id: 'outline-labels',
    type: 'symbol',
    source: 'labels',
    layout: { 'text-field': ['get', 'text'], 'text-size': 13, 'text-allow-overlap': false },
    paint: { 'text-color': '#ffffff', 'text-halo-color': '#0b0f14', 'text-halo-width': 1.5 },
  },
];

/**
 * Owns /import's map: every outline of the file, coloured by whether it
 * is taken into the estate (or cannot be: a ring that crosses itself), a
 * click to take or leave one, and the estate boundary drawn and reshaped
 * with terra-draw. Offline like the battle map.
 */
export class OutlineMap {
  private readonly owned: OwnedMap;
  private readonly map: MapLibreMap;
  private readonly loaded: Promise<void>;
  private draw: TerraDraw | null = null;
  private boundaryId: string | number | null = null;
  private selected = new Set<string>();

  constructor(container: HTMLElement, private readonly options: OutlineMapOptions) {
    this.owned = new OwnedMap(container, {
      hook: 'liftmapOutlineMap',
      sources: {
        outlines: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'id' },
        labels: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
      },
      layers: LAYERS,
    });
    this.map = this.owned.map;
    this.loaded = this.owned.loaded.then(() => this.startDrawing());
    this.map.on('click', 'outlines', (e) => {
      if (this.draw?.getMode() !== 'static') return;
      const id = e.features?.[0]?.properties.id as unknown;
      if (typeof id === 'string') this.options.onToggle(id);
    });
    this.map.on('mouseenter', 'outlines', () => (this.map.getCanvas().style.cursor = 'pointer'));
    this.map.on('mouseleave', 'outlines', () => (this.map.getCanvas().style.cursor = ''));
  }

  private startDrawing(): void {
    const draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map: this.map }),
      modes: [
        new TerraDrawPolygonMode({ styles: { fillColor: '#ffd166', fillOpacity: 0.08, outlineColor: '#ffd166', outlineWidth: 3 } }),
        new TerraDrawSelectMode({
          flags: { polygon: { feature: { draggable: true, coordinates: { midpoints: true, draggable: true } } } },
          styles: { selectedPolygonColor: '#ffd166', selectedPolygonFillOpacity: 0.08, selectedPolygonOutlineColor: '#ffd166', selectedPolygonOutlineWidth: 3 },
        }),
      ],
    });
    draw.start();
    draw.on('finish', (id, context) => {
      if (context.mode === 'polygon') {
        // One boundary: a new one replaces the last.
        if (this.boundaryId !== null && this.boundaryId !== id && draw.hasFeature(this.boundaryId)) draw.removeFeatures([this.boundaryId]);
        this.boundaryId = id;
        draw.setMode('static');
      }
      if (id !== this.boundaryId) return;
      const feature = draw.getSnapshotFeature(id);
      if (feature?.geometry.type === 'Polygon') this.options.onBoundary(feature.geometry as PolygonGeometry);
    });
    this.draw = draw;
  }

  /** Draws every outline; fits them the first time. */
  async setOutlines(outlines: Outline[]): Promise<void> {
    await this.loaded;
    const fc: GeoJSON.FeatureCollection = {
      type: 'FeatureCollection',
      features: outlines.map((o) => ({ type: 'Feature', geometry: o.polygon, properties: { id: o.id, refused: o.problem !== null } })),
    };
    void this.map.getSource<GeoJSONSource>('outlines')?.setData(fc);
    this.map.removeFeatureState({ source: 'outlines' });
    this.selected.clear();
    if (outlines.length === 0) return;
    this.owned.fitTo(fc, 30);
  }

  /** Marks the outlines taken into the estate (feature-state, no new data) and labels them. */
  async setSelection(selected: Set<string>, labels: OutlineLabel[]): Promise<void> {
    await this.loaded;
    for (const id of this.selected) if (!selected.has(id)) this.map.setFeatureState({ source: 'outlines', id }, { selected: false });
    for (const id of selected) if (!this.selected.has(id)) this.map.setFeatureState({ source: 'outlines', id }, { selected: true });
    this.selected = new Set(selected);
    void this.map.getSource<GeoJSONSource>('labels')?.setData({
      type: 'FeatureCollection',
      features: labels.map((l) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: l.at }, properties: { text: l.text } })),
    });
  }

  /** Draws a new boundary (click its corners, click the first again to close); reshaping an existing one is `reshapeBoundary`. */
  async drawBoundary(): Promise<void> {
    await this.loaded;
    this.draw?.setMode('polygon');
  }

  /** Lets the boundary's corners and midpoints be dragged; its changes arrive through onBoundary. */
  async reshapeBoundary(): Promise<void> {
    await this.loaded;
    if (!this.draw || this.boundaryId === null) return;
    this.draw.setMode('select');
    this.draw.selectFeature(this.boundaryId);
  }

  /** Back to clicking outlines. */
  async stopDrawing(): Promise<void> {
    await this.loaded;
    this.draw?.setMode('static');
  }

  async clearBoundary(): Promise<void> {
    await this.loaded;
    if (this.draw && this.boundaryId !== null && this.draw.hasFeature(this.boundaryId)) this.draw.removeFeatures([this.boundaryId]);
    this.boundaryId = null;
    this.draw?.setMode('static');
    this.options.onBoundary(null);
  }

  destroy(): void {
    this.draw?.stop();
    this.owned.destroy();
  }
}
