import { describe, expect, it } from 'vitest';
import { codeOf, estimateStairwells, floorsOf, guessFields, type Outline } from '../../../geo/outlines/index.ts';

const outline = (id: number, properties: Outline['properties']): Outline => ({
  id: String(id),
  polygon: { type: 'Polygon', coordinates: [[[121.4, 31.2], [121.401, 31.2], [121.401, 31.2001], [121.4, 31.2]]] },
  properties,
  areaM2: 100,
  lengthM: 70,
  problem: null,
});

describe('reading a layer’s attributes', () => {
  it('reads floors as GIS layers and registers write them', () => {
    expect([6, '6', '6层', '六层', '6F', '第6层', 0, 41, 'x', null].map((v) => floorsOf(v))).toEqual([6, 6, 6, 6, 6, 6, null, null, null, null]);
  });

  it('keeps codes as written and numbers bare digits as 幢', () => {
    expect([12, '12', '７号楼', ' 31号楼 ', '', null, true].map((v) => codeOf(v))).toEqual(['12幢', '12幢', '7号楼', '31号楼', null, null, null]);
  });

  it('guesses the floors and code attributes by their names, not a code that is the same everywhere', () => {
    const city = [1, 2, 3].map((i) => outline(i, { Id: 0, Floor: 6 }));
    expect(guessFields(city, ['Id', 'Floor'])).toEqual({ floorsField: 'Floor', codeField: null });
    const osm = [1, 2, 3].map((i) => outline(i, { building: 'residential', 'building:levels': '6', 'addr:housenumber': String(30 + i) }));
    expect(guessFields(osm, ['building', 'building:levels', 'addr:housenumber'])).toEqual({ floorsField: 'building:levels', codeField: 'addr:housenumber' });
    const survey = [1, 2, 3].map((i) => outline(i, { 楼号: `${i}号楼`, 层数: '6层' }));
    expect(guessFields(survey, ['楼号', '层数'])).toEqual({ floorsField: '层数', codeField: '楼号' });
  });

  it('estimates stairwells at about 18 m each along the block, from 1 to 20', () => {
    expect([72, 54, 36, 10, 400].map((m) => estimateStairwells(m))).toEqual([4, 3, 2, 1, 20]);
    expect(estimateStairwells(72, 24)).toBe(3);
  });
});
