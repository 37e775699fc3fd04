import { describe, expect, it } from 'vitest';
import { parseEstateGeoJSON } from '../../../geo/estate/index.ts';

const square = (x: number, y: number, d = 0.0001) => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]],
});
const feature = (properties: Record<string, unknown>, geometry: unknown) => ({ type: 'Feature', properties, geometry });
const estate = (...features: unknown[]) => ({
  type: 'FeatureCollection',
  features: [feature({ kind: 'boundary', name: '测试苑' }, square(121.39, 31.22, 0.01)), ...features],
});

describe('parseEstateGeoJSON', () => {
  it('reads a minimal estate and keeps unknown properties', () => {
    const r = parseEstateGeoJSON(
      estate(
        feature({ kind: 'building', code: '1幢', architect: 'x' }, square(121.391, 31.221, 0.0004)),
        feature({ kind: 'stairwell', doorNumber: '测试路 1号', buildingCode: '1幢', survey: 2019 }, square(121.391, 31.221)),
        feature({ kind: 'fire_lane', roadWidthM: 6 }, { type: 'LineString', coordinates: [[121.39, 31.22], [121.4, 31.22]] }),
      ),
    );
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.layout.name).toBe('测试苑');
    expect(r.layout.buildings[0]?.floors).toBe(6);
    expect(r.layout.buildings[0]?.extra).toEqual({ architect: 'x' });
    expect(r.layout.stairwells[0]?.extra).toEqual({ survey: 2019 });
    expect(r.layout.fireLanes[0]?.clearWidthM).toBe(4);
  });

  it('splits a building that gives only a stairwell count', () => {
    const r = parseEstateGeoJSON(estate(feature({ kind: 'building', code: '2幢', stairwellCount: 3 }, square(121.391, 31.221, 0.0004))));
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.layout.stairwells.map((s) => s.doorNumber)).toEqual(['2幢1单元', '2幢2单元', '2幢3单元']);
  });

  it('names the feature, the field and what was expected for every problem', () => {
    const r = parseEstateGeoJSON(
      estate(
        feature({ kind: 'building', code: '' }, square(121.391, 31.221)),
        feature({ kind: 'stairwell', doorNumber: '1号', buildingCode: '9幢' }, square(121.391, 31.221)),
        feature({ kind: 'stairwell', doorNumber: '1号', buildingCode: '9幢' }, square(121.392, 31.221)),
        feature({ kind: 'parking' }, { type: 'Polygon', coordinates: [[[121.39, 31.22], [121.391, 31.22], [121.391, 31.221]]] }),
        feature({ kind: 'tree' }, square(121.39, 31.22)),
        feature({ kind: 'road', widthM: -2 }, { type: 'LineString', coordinates: [[121.39, 31.22], [121.4, 31.22]] }),
      ),
    );
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors).toContain('features[1] (building) properties.code: expected a non-empty string');
    expect(errors).toContainEqual(expect.stringMatching(/^features\[3\]: door number 1号 already used by features\[2\]/));
    expect(errors).toContainEqual(expect.stringMatching(/features\[2\] \(stairwell 1号\) properties.buildingCode: no building 9幢/));
    expect(errors).toContainEqual(expect.stringMatching(/features\[4\] \(parking\) geometry.coordinates.0: a ring needs at least 4 positions/));
    expect(errors).toContainEqual(expect.stringMatching(/features\[5\].properties.kind: expected one of boundary, .*got "tree"/));
    expect(errors).toContainEqual(expect.stringMatching(/features\[6\] \(road\) properties.widthM: expected a positive width in metres/));
  });

  it('refuses an unclosed ring and a missing boundary', () => {
    const open = { type: 'Polygon', coordinates: [[[121.39, 31.22], [121.391, 31.22], [121.391, 31.221], [121.39, 31.221]]] };
    const r = parseEstateGeoJSON({ type: 'FeatureCollection', features: [feature({ kind: 'green' }, open)] });
    expect(r.ok ? [] : r.errors).toEqual([
      'features[0] (green) geometry.coordinates.0: a ring must be closed (first position equal to the last)',
      'expected exactly one boundary feature, found 0',
    ]);
  });

  it('refuses what is not a FeatureCollection', () => {
    expect(parseEstateGeoJSON([1, 2])).toEqual({ ok: false, errors: ['expected a GeoJSON FeatureCollection with a features array', 'expected exactly one boundary feature, found 0'] });
  });
});
