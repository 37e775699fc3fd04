import { useEffect, useRef } from 'react';
import { BASE_PALETTE as B } from '../../../geo/palette/index.ts';
import { OwnedMap } from '../../map/owned-map.ts';
import type { ImportPreview } from '../../wire.ts';

const kind = (k: string) => ['==', ['get', 'kind'], k] as ['==', ['get', string], string];

/**
 * The estate as it would be stored, before anything is written: boundary,
 * buildings, stairwells with their door labels, elevator sites and doors.
 * Offline like the battle map (no glyphs URL, local fonts).
 */
export function ImportPreviewMap({ preview }: { preview: ImportPreview }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const owned = new OwnedMap(box.current, {
      hook: 'liftmapPreview',
      sources: { estate: { type: 'geojson', data: preview } },
      layers: [
        { id: 'boundary', type: 'line', source: 'estate', filter: kind('boundary'), paint: { 'line-color': B.boundaryLine, 'line-width': 2, 'line-dasharray': [4, 2] } },
        { id: 'parking', type: 'fill', source: 'estate', filter: kind('parking'), paint: { 'fill-color': B.parking } },
        { id: 'buildings', type: 'fill', source: 'estate', filter: kind('building'), paint: { 'fill-color': B.building } },
        { id: 'stairwells', type: 'fill', source: 'estate', filter: kind('stairwell'), paint: { 'fill-color': '#c9e3f7', 'fill-outline-color': '#10151d' } },
        { id: 'sites', type: 'fill', source: 'estate', filter: kind('elevator_site'), paint: { 'fill-color': B.elevatorSite } },
        { id: 'doors', type: 'circle', source: 'estate', filter: kind('door'), paint: { 'circle-radius': 3, 'circle-color': '#ffd166' } },
        {
          id: 'labels',
          type: 'symbol',
          source: 'estate',
          filter: kind('stairwell'),
          layout: { 'text-field': ['get', 'label'], 'text-size': 12, 'text-allow-overlap': true },
          paint: { 'text-color': '#000000' },
        },
      ],
    });
    owned.fitTo(preview, 24);
    return () => owned.destroy();
  }, [preview]);
  return <div ref={box} className="import-preview-map" data-testid="import-preview-map" />;
}
