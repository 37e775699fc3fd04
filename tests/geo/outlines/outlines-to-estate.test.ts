import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEstateGeoJSON, type PolygonGeometry } from '../../../geo/estate/index.ts';
import { buildingChoices, DEFAULT_MAPPING, outlinesFromFeatures, outlinesToEstate, preselectOutlines, type OutlineCrs } from '../../../geo/outlines/index.ts';
import { ROOT } from '../../support/test-server.ts';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'outlines');
const read = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as GeoJSON.FeatureCollection;
const WGS84: OutlineCrs = { kind: 'lnglat', name: { zh: '', en: '' } };
const boundary = read('boundary.geojson').features[0]!.geometry as PolygonGeometry;

function cityOutlines() {
  const r = outlinesFromFeatures(read('city-gis.geojson'), WGS84);
  if (!r.ok) throw new Error(r.problems[0]!.en);
  return r.set;
}

describe('outlines to an estate', () => {
  it('offers a file’s attributes as fields, never how a KML draws them (fill, stroke, their opacity, styleUrl)', () => {
    const square = (lng: number, props: Record<string, unknown>) => ({ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [[[lng, 31.2], [lng + 0.0005, 31.2], [lng + 0.0005, 31.2002], [lng, 31.2002], [lng, 31.2]]] } });
    const style = { fill: '#ff0000', 'fill-opacity': 0.5, stroke: '#000000', 'stroke-opacity': 1, 'stroke-width': 2, styleUrl: '#s1' };
    const r = outlinesFromFeatures({ type: 'FeatureCollection', features: [square(121.4, { ...style, 层数: 6, name: '1幢' }), square(121.401, { ...style, 层数: 6, name: '2幢' })] }, WGS84);
    expect(r.ok && r.set.fields.sort()).toEqual(['name', '层数']);
  });

  it('reads Polygons nested like MultiPolygons and splits a multi-polygon into its parts', () => {
    const set = cityOutlines();
    expect(set.outlines.map((o) => o.id)).toEqual(['0', '1', '2', '3', '4', '5', '6-1', '6-2', '7', '8']);
    expect(set.outlines.map((o) => Math.round(o.lengthM))).toEqual([72, 54, 72, 36, 54, 72, 30, 6, 25, 72]);
  });

  it('preselects the walk-ups of 5–7 floors inside the boundary, not the shop, the tower or the block across the road', () => {
    const set = cityOutlines();
    const { selected } = preselectOutlines(set.outlines, { ...DEFAULT_MAPPING, floorsField: 'Floor' }, boundary);
    expect(selected).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(preselectOutlines(set.outlines, { ...DEFAULT_MAPPING, floorsField: 'Floor' }, null).selected).toHaveLength(7);
  });

  it('numbers buildings without codes north to south, west to east, and the import splits them into stairwells', () => {
    const set = cityOutlines();
    const mapping = { ...DEFAULT_MAPPING, floorsField: 'Floor' };
    const buildings = buildingChoices(set.outlines, preselectOutlines(set.outlines, mapping, boundary).selected, mapping);
    const estate = outlinesToEstate({ name: '长风四村', boundary, buildings });
    expect(estate.ok).toBe(true);
    const parsed = parseEstateGeoJSON(estate.ok && estate.geojson);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.layout.buildings.map((b) => [b.code, b.floors, parsed.layout.stairwells.filter((s) => s.buildingCode === b.code).length])).toEqual([
      ['1幢', 6, 4],
      ['2幢', 6, 3],
      ['3幢', 6, 4],
      ['4幢', 6, 2],
      ['5幢', 6, 3],
      ['6幢', 6, 4],
    ]);
    // The file's attributes travel with the building.
    expect(parsed.layout.buildings[0]!.extra).toMatchObject({ Id: 0, Floor: 6, sourceOutline: '0' });
  });

  it('draws the boundary round the buildings when none is given, and refuses an empty selection and a missing name', () => {
    const set = cityOutlines();
    const buildings = buildingChoices(set.outlines, ['0', '5'], DEFAULT_MAPPING);
    const estate = outlinesToEstate({ name: '两幢', boundary: null, buildings });
    expect(estate.ok && parseEstateGeoJSON(estate.geojson).ok).toBe(true);
    const empty = outlinesToEstate({ name: ' ', boundary, buildings: [] });
    expect(!empty.ok && empty.problems.map((p) => p.zh)).toEqual(['请填写小区名称', expect.stringContaining('没有选中任何楼栋')]);
  });
});
