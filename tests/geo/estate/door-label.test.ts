import { describe, expect, it } from 'vitest';
import { doorLabel, mapLabel } from '../../../geo/estate/index.ts';

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
    ['2幢1单元', '2幢 1单元'],
    ['东楼', '东楼'],
  ])('labels %s on the map as %s', (door, label) => {
    expect(mapLabel(door)).toBe(label);
  });
});
