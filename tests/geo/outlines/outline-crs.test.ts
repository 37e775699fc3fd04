import { describe, expect, it } from 'vitest';
import { crsFromCoordinates, crsFromName, crsFromWkt, positionToWgs84, type CrsResult } from '../../../geo/outlines/index.ts';

const FENGHE: [number, number] = [121.4003, 31.2306];
/** Where a position in `crs` lands, in WGS-84 metres from Fenghe Garden. */
const landsAt = (r: CrsResult, p: [number, number]) => {
  if (!r.ok) throw new Error(r.problem.en);
  const [lng, lat] = positionToWgs84(r.crs, p);
  return [Math.round((lng - FENGHE[0]) * 95_000), Math.round((lat - FENGHE[1]) * 111_000)];
};

describe('the CRS an outline file is in', () => {
  it('reads the crs member GeoJSON exporters write: EPSG:4326, CRS84, CGCS2000, Web Mercator, CGCS2000 Gauss–Krüger', () => {
    expect(landsAt(crsFromName('urn:ogc:def:crs:OGC:1.3:CRS84'), FENGHE)).toEqual([0, 0]);
    expect(landsAt(crsFromName('EPSG:4490'), FENGHE)).toEqual([0, 0]);
    expect(landsAt(crsFromName('urn:ogc:def:crs:EPSG::3857'), [13514219.58, 3662733.29])).toEqual([0, 0]);
    // CGCS2000 3° zone CM 120E (EPSG:4549), as Shanghai's surveyors deliver.
    expect(landsAt(crsFromName('EPSG:4549'), [633417.91, 3457386.70])).toEqual([0, 0]);
    // The same zone with its number 40 in front of the easting (EPSG:4528).
    expect(landsAt(crsFromName('EPSG:4528'), [40633417.91, 3457386.70])).toEqual([0, 0]);
  });

  it('refuses a CRS it cannot convert, saying what to export instead', () => {
    const r = crsFromName('EPSG:2385');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem.zh).toContain('EPSG:4326');
    expect(!r.ok && r.problem.en).toContain('EPSG:2385');
  });

  it('reads a .prj: CGCS2000 Gauss–Krüger converted; Beijing 1954 and a Shanghai local grid refused in a sentence', () => {
    const gk =
      'PROJCS["CGCS2000_3_Degree_GK_CM_120E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    expect(landsAt(crsFromWkt(gk), [633417.91, 3457386.70])).toEqual([0, 0]);
    const beijing = gk.replaceAll('China_Geodetic_Coordinate_System_2000', 'Beijing_1954').replace('D_China_2000', 'D_Beijing_1954').replace('SPHEROID["CGCS2000",6378137.0,298.257222101]', 'SPHEROID["Krasovsky_1940",6378245.0,298.3]');
    const b = crsFromWkt(beijing);
    expect(b.ok).toBe(false);
    expect(!b.ok && b.problem.zh).toContain('北京54');
    const local = crsFromWkt('PROJCS["Shanghai_2000",GEOGCS["GCS_China_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]]],PROJECTION["Transverse_Mercator"]]');
    expect(local.ok).toBe(false);
    expect(!local.ok && local.problem.zh).toContain('上海2000');
  });

  it('recognises a file that names no CRS from its coordinates', () => {
    expect(landsAt(crsFromCoordinates([FENGHE]), FENGHE)).toEqual([0, 0]);
    expect(landsAt(crsFromCoordinates([[13514219.58, 3662733.29]]), [13514219.58, 3662733.29])).toEqual([0, 0]);
    expect(landsAt(crsFromCoordinates([[40633417.91, 3457386.70]]), [40633417.91, 3457386.70])).toEqual([0, 0]);
    const local = crsFromCoordinates([[-3200, 120], [-3100, 180]]);
    expect(!local.ok && local.problem.en).toContain('local grid');
    const swapped = crsFromCoordinates([[31.2306, 121.4003], [31.2307, 121.4004]]);
    expect(!swapped.ok && swapped.problem.zh).toContain('整个文件的经纬度顺序颠倒');
  });
});
