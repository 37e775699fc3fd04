import { useEffect, useRef } from 'react';
import { DISTRICT_TILE_MAX_ZOOM } from '../../geo/district/index.ts';
import { BASE_PALETTE as B, MAP_PALETTE } from '../../geo/palette/index.ts';
import type { DistrictView } from '../hooks/use-district-overview.ts';
import { paletteMatch } from '../map/style-expressions.ts';
import { OwnedMap } from '../map/owned-map.ts';
import { Legend } from './legend.tsx';

/**
 * Every estate of the subdistrict (or the city) on one map: each stairwell in
 * its consent colour from vector tiles cut on the server, so 80,000 of them
 * load a tile at a time; estate outlines and names; a click on an estate
 * opens its wall.
 */
export function DistrictMap({ overview, onOpen }: { overview: DistrictView; onOpen: (estateId: number) => void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const outlines: GeoJSON.FeatureCollection = {
      type: 'FeatureCollection',
      features: overview.estates.map((e) => ({ type: 'Feature', id: e.id, geometry: e.boundary, properties: { estateId: e.id, name: e.name } })),
    };
    const owned = new OwnedMap(box.current, {
      hook: 'liftmap',
      keepPixels: true,
      sources: {
        estates: { type: 'geojson', data: outlines },
        // The version busts the browser's tile cache when any estate changed.
        stairwells: {
          type: 'vector',
          tiles: [`${window.location.origin}/api/district/tiles/{z}/{x}/{y}.pbf?v=${encodeURIComponent(overview.version)}`],
          maxzoom: DISTRICT_TILE_MAX_ZOOM,
        },
        // One name per estate, at its centre (a polygon source would label every tile it spans).
        names: {
          type: 'geojson',
          data: { type: 'FeatureCollection', features: overview.estates.map((e) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: e.center }, properties: { name: e.name } })) },
        },
      },
      layers: [
        { id: 'estate-fill', type: 'fill', source: 'estates', paint: { 'fill-color': B.boundaryFill } },
        { id: 'estate-line', type: 'line', source: 'estates', paint: { 'line-color': B.boundaryLine, 'line-width': 1.5 } },
        { id: 'stairwells', type: 'fill', source: 'stairwells', 'source-layer': 'stairwells', paint: { 'fill-color': paletteMatch('colorKey', MAP_PALETTE, 'color') } },
        // A dark edge round every stairwell, so neighbours of one colour stay countable.
        { id: 'stairwell-edges', type: 'line', source: 'stairwells', 'source-layer': 'stairwells', paint: { 'line-color': B.stairwellLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 13, 0.3, 16, 1, 19, 2] } },
        {
          id: 'estate-names',
          type: 'symbol',
          source: 'names',
          layout: { 'text-field': ['get', 'name'], 'text-size': 16, 'text-allow-overlap': false },
          paint: { 'text-color': '#ffffff', 'text-halo-color': '#000000', 'text-halo-width': 1.5 },
        },
      ],
    });
    const map = owned.map;
    owned.fitTo(outlines, 32);
    map.on('click', 'estate-fill', (ev) => {
      const id: unknown = ev.features?.[0]?.properties.estateId;
      if (typeof id === 'number') onOpen(id);
    });
    return () => owned.destroy();
  }, [overview, onOpen]);
  return (
    <div className="district-map-box">
      <div ref={box} className="district-map" data-testid="district-map" />
      <Legend className="district-legend" />
    </div>
  );
}
