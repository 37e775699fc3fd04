import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutToGeoJSON, parseEstateGeoJSON, type EstateLayout } from '../../../geo/estate/index.ts';
import { expectGolden } from '../../support/golden.ts';
import { FENGHE_DIR, ROOT } from '../../support/test-server.ts';

const FIXTURES = join(ROOT, 'tests', 'fixtures');
const read = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
function layoutOf(input: unknown): EstateLayout {
  const parsed = parseEstateGeoJSON(input);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.layout;
}

describe('layoutToGeoJSON', () => {
  it('writes a building given without stairwells as its split stairwells, each with its door and north elevator site (golden file)', () => {
    const out = layoutToGeoJSON(layoutOf(read(join(FIXTURES, 'import', 'valid.geojson'))));
    expectGolden(join(FIXTURES, 'layout-to-geojson', 'out', 'valid.geojson'), out);
    const kinds = out.features.map((f) => f.properties.kind);
    expect(kinds.filter((k) => k === 'stairwell')).toHaveLength(7);
    expect(kinds.filter((k) => k === 'elevator_site')).toHaveLength(4); // the 4 split ones; the file gave none for 1幢
    expect(out.features.find((f) => f.properties.doorNumber === '2幢3单元' && f.properties.kind === 'stairwell')?.properties.door).toHaveLength(2);
  });

  it.each([
    ['the pilot fixture (a split building, no sites given)', join(FIXTURES, 'import', 'valid.geojson')],
    ['the bundled Fenghe layout', join(FENGHE_DIR, 'estate.geojson')],
  ])('parses back to the same layout: %s', (_name, path) => {
    const layout = layoutOf(read(path));
    expect(layoutOf(layoutToGeoJSON(layout))).toEqual(layout);
  });

  it('keeps unknown properties, and never lets them shadow the ones the format defines', () => {
    const input = read(join(FIXTURES, 'import', 'valid.geojson')) as GeoJSON.FeatureCollection;
    const building = input.features.find((f) => f.properties?.kind === 'building')!;
    building.properties = { ...building.properties, 产权单位: '区房管局', survey: { year: 2019 } };
    const out = layoutToGeoJSON(layoutOf(input));
    const written = out.features.find((f) => f.properties.kind === 'building' && f.properties.code === building.properties!.code)!;
    expect(written.properties).toMatchObject({ kind: 'building', code: '1幢', 产权单位: '区房管局', survey: { year: 2019 } });
  });
});
