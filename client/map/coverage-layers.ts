import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { COVERAGE_BADGE } from '../../geo/palette/index.ts';
import { COVERAGE_GAP_MARK, type CoverageGap } from '../../geo/team/index.ts';
import type { EstateMap } from '../wire.ts';

export const COVERAGE_SOURCES = ['coverage'] as const;

/**
 * The coverage layer over the battle map: a stairwell missing its 楼组长, a
 * party member or its service team carries a badge (缺 楼·党·队) under its
 * door label, so a gap is seen without changing the campaign's colours (and
 * without a ring, which on the wall means a lift with a problem). Covered
 * stairwells carry nothing.
 */
export function coverageLayers(): (LayerSpecification & { source: string })[] {
  return [
    {
      id: 'coverage-badges',
      type: 'symbol',
      source: 'coverage',
      layout: {
        'text-field': ['get', 'badge'],
        // Half the door label's size, below it.
        'text-size': ['interpolate', ['exponential', 2], ['zoom'], 15, 2.4, 19, 36, 21, 44],
        'text-offset': [0, 1.5],
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': COVERAGE_BADGE.text, 'text-halo-color': COVERAGE_BADGE.halo, 'text-halo-width': 2 },
    },
  ];
}

/** The stairwells with a gap, each its footprint with its badge text ("缺 楼·党"); no names. */
export function coverageFeatures(map: EstateMap, coverage: readonly { stairwellId: number; gaps: readonly CoverageGap[] }[]): GeoJSON.FeatureCollection {
  const gaps = new Map(coverage.filter((c) => c.gaps.length > 0).map((c) => [c.stairwellId, c.gaps]));
  return {
    type: 'FeatureCollection',
    features: map.layers.stairwells.features.flatMap((f) => {
      const g = gaps.get(f.properties.id);
      return g ? [{ type: 'Feature' as const, id: f.properties.id, geometry: f.geometry, properties: { stairwellId: f.properties.id, badge: `缺 ${g.map((x) => COVERAGE_GAP_MARK[x]).join('·')}` } }] : [];
    }),
  };
}
