import { describe, expect, it } from 'vitest';
import { buildingLabel, doorLabel, labelScale, mapLabel, unitOf } from '../../../geo/estate/index.ts';

describe('doorLabel', () => {
  it.each([
    ['长风二村 45号', '45号'],
    ['2幢1单元', '2幢 1单元'],
    ['试点路1号2单元', '1号 2单元'],
    ['金沙江路 1518 弄 12 栋 3单元', '12栋 3单元'],
    ['东楼', '东楼'],
  ])('labels %s as %s', (door, label) => {
    expect(doorLabel(door)).toBe(label);
  });
});

describe('mapLabel', () => {
  it.each([
    ['长风二村 45号', '45'],
    ['2幢1单元', '1'],
    ['31号楼1单元', '1'],
    ['31号楼1单元-2', '1-2'],
    ['金沙江路 1518 弄 12 栋 3单元', '3'],
    ['东楼', '东楼'],
  ])('labels %s on the map as %s', (door, label) => {
    expect(mapLabel(door)).toBe(label);
  });

  it('draws an imported unit’s number as large as Fenghe’s door numbers in an 18 m stairwell (its whole name was drawn at a third)', () => {
    expect(labelScale(mapLabel('31号楼1单元'), 18, 31.2)).toBe(1);
    expect(labelScale(mapLabel('31号楼1单元-2'), 18, 31.2)).toBeGreaterThanOrEqual(labelScale(mapLabel('长风二村 45号'), 18, 31.2) * 0.65);
    expect(labelScale('31号楼1单元', 18, 31.2)).toBeLessThan(0.35);
  });
});

describe('buildingLabel', () => {
  it('names a building once when all its stairwells are its units, and not for numbered doors', () => {
    expect(unitOf('31号楼1单元-2')).toEqual({ building: '31号楼', unit: '1-2' });
    expect(buildingLabel(['31号楼1单元', '31号楼2单元', '31号楼1单元-2'])).toBe('31号楼');
    expect(buildingLabel(['试点路1号1单元', '试点路1号2单元'])).toBe('试点路1号');
    expect(buildingLabel(['长风二村 45号', '长风二村 46号'])).toBeNull();
    expect(buildingLabel(['31号楼1单元', '32号楼1单元'])).toBeNull();
    expect(buildingLabel([])).toBeNull();
  });
});
