import { bbox } from '@turf/turf';
import { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { BASE_PALETTE as B, MAP_PALETTE } from '../../geo/palette/index.ts';
import type { DistrictOverview } from '../../server/queries/district-overview.ts';
import { paletteMatch } from '../map/style-expressions.ts';
import { LOCAL_CJK_FONTS } from '../map/local-fonts.ts';
import { exposeTestHook } from '../map/test-hook.ts';
import '../map/worker-url.ts';

/**
 * Every estate of the subdistrict on one map: each stairwell in its consent
 * colour, estate outlines and names; a click on an estate opens its wall.
 */
export function DistrictMap({ overview, onOpen }: { overview: DistrictOverview; onOpen: (estateId: number) => void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const outlines: GeoJSON.FeatureCollection = {
      type: 'FeatureCollection',
      features: overview.estates.map((e) => ({ type: 'Feature', id: e.id, geometry: e.boundary, properties: { estateId: e.id, name: e.name } })),
    };
    const map = new MapLibreMap({
      container: box.current,
      style: {
        version: 8,
        sources: {
          estates: { type: 'geojson', data: outlines },
          stairwells: { type: 'geojson', data: overview.stairwells },
          // One name per estate, at its centre (a polygon source would label every tile it spans).
          names: {
            type: 'geojson',
            data: { type: 'FeatureCollection', features: overview.estates.map((e) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: e.center }, properties: { name: e.name } })) },
          },
        },
        layers: [
          { id: 'background', type: 'background', paint: { 'background-color': B.background } },
          { id: 'estate-fill', type: 'fill', source: 'estates', paint: { 'fill-color': B.boundaryFill } },
          { id: 'estate-line', type: 'line', source: 'estates', paint: { 'line-color': B.boundaryLine, 'line-width': 1.5 } },
          { id: 'stairwells', type: 'fill', source: 'stairwells', paint: { 'fill-color': paletteMatch('colorKey', MAP_PALETTE, 'color') } },
          {
            id: 'estate-names',
            type: 'symbol',
            source: 'names',
            layout: { 'text-field': ['get', 'name'], 'text-size': 16, 'text-allow-overlap': false },
            paint: { 'text-color': '#ffffff', 'text-halo-color': '#000000', 'text-halo-width': 1.5 },
          },
        ],
      },
      attributionControl: false,
      localIdeographFontFamily: LOCAL_CJK_FONTS,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    exposeTestHook(map);
    const [w, s, e, n] = bbox(outlines);
    map.fitBounds([[w, s], [e, n]], { padding: 32, duration: 0 });
    map.on('click', 'estate-fill', (ev) => {
      const id: unknown = ev.features?.[0]?.properties.estateId;
      if (typeof id === 'number') onOpen(id);
    });
    return () => map.remove();
  }, [overview, onOpen]);
  return <div ref={box} className="district-map" data-testid="district-map" />;
}
