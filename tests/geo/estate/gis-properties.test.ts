import { describe, expect, it } from 'vitest';
import { doorFields, fromGis } from '../../../geo/estate/gis-properties.ts';

describe('properties back from a GIS', () => {
  it('reads the door from GDAL’s list text, a JSON list, or the two number fields', () => {
    expect(fromGis({ kind: 'stairwell', door: '(2:121.3984172,31.2264205)' }).door).toEqual([121.3984172, 31.2264205]);
    expect(fromGis({ kind: 'stairwell', door: '[ 121.5, -31.25 ]' }).door).toEqual([121.5, -31.25]);
    expect(fromGis({ kind: 'stairwell', doorLng: 121.4, doorLat: 31.2 })).toEqual({ kind: 'stairwell', door: [121.4, 31.2] });
    // The list wins over the fields, which never stay behind as extra properties.
    expect(fromGis({ door: [1, 2], doorLng: 3, doorLat: 4 })).toEqual({ door: [1, 2] });
    // Text that is no list is left for the schema to refuse, naming the field.
    expect(fromGis({ door: 'north side' }).door).toBe('north side');
  });

  it('treats null as absent, restores Shapefile names cut to 10 characters and its 1/0 for true/false', () => {
    expect(fromGis({ kind: 'stairwell', code: null, floors: null, buildingCo: '1幢', clearWidth: 4, stairwellC: 2 })).toEqual({ kind: 'stairwell', buildingCode: '1幢', clearWidthM: 4, stairwellCount: 2 });
    expect(fromGis({ schematic: 1, accessible: 0 })).toEqual({ schematic: true, accessible: false });
    expect(fromGis({ accessible: 'T' }).accessible).toBe(true);
  });

  it('writes the door as two numbers beside its list', () => {
    expect(doorFields([121.4, 31.2])).toEqual({ doorLng: 121.4, doorLat: 31.2 });
    expect(doorFields(undefined)).toEqual({});
  });
});
