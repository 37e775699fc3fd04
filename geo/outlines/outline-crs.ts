import proj4 from 'proj4';
import type { LngLat } from '../geometry/local-frame.ts';
import { problem, type Problem } from '../problems/index.ts';

/**
 * The coordinate reference system an outline file is in, as LiftMap
 * understands it: longitude/latitude on WGS-84 or CGCS2000 (the two agree
 * to centimetres), or a projection proj4 converts from (Web Mercator,
 * CGCS2000 Gauss–Krüger zones, a .prj's full definition).
 */
export type ProjectedCrs = { kind: 'projected'; name: Problem; definition: string };
export type OutlineCrs = { kind: 'lnglat'; name: Problem } | ProjectedCrs;

export type CrsResult = { ok: true; crs: OutlineCrs } | { ok: false; problem: Problem };

const LNGLAT: OutlineCrs = { kind: 'lnglat', name: problem('WGS-84 经纬度（EPSG:4326）', 'WGS-84 longitude/latitude (EPSG:4326)') };
const CGCS2000: OutlineCrs = { kind: 'lnglat', name: problem('CGCS2000 经纬度（EPSG:4490）', 'CGCS2000 longitude/latitude (EPSG:4490)') };
const WEB_MERCATOR: ProjectedCrs = {
  kind: 'projected',
  name: problem('Web 墨卡托米制坐标（EPSG:3857），已换算为经纬度', 'Web Mercator metres (EPSG:3857), converted to longitude/latitude'),
  definition: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs',
};

/** What to export instead, said once for every CRS LiftMap cannot convert. */
const EXPORT_INSTEAD = {
  zh: '请在 GIS 软件（如 QGIS：图层 → 导出 → 另存要素，坐标系选 EPSG:4326）中导出为 WGS-84 经纬度，或 CGCS2000（EPSG:4490），再导入',
  en: 'export the layer as WGS-84 longitude/latitude (in QGIS: Layer → Export → Save Features As, CRS EPSG:4326) or CGCS2000 (EPSG:4490) and import that',
};

const LOCAL_GRID = problem(
  `坐标是米制的地方坐标系（如上海2000城建坐标），其参数不公开，无法换算为经纬度；${EXPORT_INSTEAD.zh}`,
  `the coordinates are metres in a local grid (such as Shanghai 2000), whose parameters are not published, so they cannot be converted; ${EXPORT_INSTEAD.en}`,
);

/** A CGCS2000 Gauss–Krüger zone (3° or 6°), with or without the zone number in front of the easting. */
function gaussKruger(centralMeridian: number, falseEasting: number, label: string): ProjectedCrs {
  return {
    kind: 'projected',
    name: problem(`CGCS2000 高斯-克吕格投影（${label}，中央经线 ${centralMeridian}°E），已换算为经纬度`, `CGCS2000 Gauss–Krüger (${label}, central meridian ${centralMeridian}°E), converted to longitude/latitude`),
    definition: `+proj=tmerc +lat_0=0 +lon_0=${centralMeridian} +k=1 +x_0=${falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`,
  };
}

/** EPSG codes LiftMap converts: WGS-84, CGCS2000 and its Gauss–Krüger zones, Web Mercator. */
function crsOfEpsg(code: number): OutlineCrs | null {
  if (code === 4326) return LNGLAT;
  if (code === 4490) return CGCS2000;
  if ([3857, 900913, 102100, 102113, 3785].includes(code)) return WEB_MERCATOR;
  // EPSG 4491–4501: 6° zones 13–23 with the zone in the easting; 4502–4512 the same without.
  if (code >= 4491 && code <= 4501) return gaussKruger(75 + 6 * (code - 4491), (13 + code - 4491) * 1e6 + 500_000, `6°带第 ${13 + code - 4491} 带`);
  if (code >= 4502 && code <= 4512) return gaussKruger(75 + 6 * (code - 4502), 500_000, '6°带');
  // EPSG 4513–4533: 3° zones 25–45 with the zone in the easting; 4534–4554 the same without.
  if (code >= 4513 && code <= 4533) return gaussKruger(75 + 3 * (code - 4513), (25 + code - 4513) * 1e6 + 500_000, `3°带第 ${25 + code - 4513} 带`);
  if (code >= 4534 && code <= 4554) return gaussKruger(75 + 3 * (code - 4534), 500_000, '3°带');
  return null;
}

/**
 * The CRS a GeoJSON `crs` member names (urn:ogc:def:crs:EPSG::3857,
 * EPSG:4490, OGC CRS84), or why LiftMap cannot use it.
 *
 * @example crsFromName('urn:ogc:def:crs:EPSG::3857') // { ok: true, crs: Web Mercator }
 */
export function crsFromName(name: string): CrsResult {
  if (/CRS84$/i.test(name)) return { ok: true, crs: LNGLAT };
  const epsg = /EPSG:{1,2}(\d{4,6})$/i.exec(name.trim());
  const crs = epsg ? crsOfEpsg(Number(epsg[1])) : null;
  if (crs) return { ok: true, crs };
  return { ok: false, problem: problem(`文件声明的坐标系 ${name} 无法识别或换算；${EXPORT_INSTEAD.zh}`, `the file's CRS ${name} is not one LiftMap can convert; ${EXPORT_INSTEAD.en}`) };
}

const WGS84_LIKE = (a: number, rf: number) => a === 6378137 && Math.abs(rf - 298.2572) < 1e-3;

/**
 * The CRS a Shapefile's .prj (WKT) defines: longitude/latitude or a
 * projection on WGS-84/CGCS2000, converted by proj4; a local grid, or a
 * Beijing 1954 / Xi'an 1980 datum (no published shift), refused with what
 * to export instead.
 */
export function crsFromWkt(wkt: string): CrsResult {
  const text = wkt.trim();
  const named = /^\w+\["([^"]*)"/.exec(text)?.[1] ?? text.slice(0, 60);
  if (/shanghai|上海|local_cs|城建|独立|地方/i.test(text)) return { ok: false, problem: LOCAL_GRID };
  let parsed: { projName?: string; datumCode?: string; a?: number; rf?: number; b?: number };
  try {
    parsed = new proj4.Proj(text);
  } catch {
    return { ok: false, problem: problem(`.prj 中的坐标系「${named}」无法识别；${EXPORT_INSTEAD.zh}`, `the .prj's CRS "${named}" cannot be read; ${EXPORT_INSTEAD.en}`) };
  }
  const a = parsed.a ?? 0;
  const rf = parsed.rf ?? (parsed.b ? a / (a - parsed.b) : 0);
  const sphere = /mercator_auxiliary_sphere|pseudo[-_ ]mercator|web[-_ ]mercator/i.test(text);
  if (!sphere && !WGS84_LIKE(a, rf)) {
    const datum = /beijing|krasovsky|krassowsky/i.test(text) ? '北京54（Beijing 1954）' : /xian|xi'an|iag.?75/i.test(text) ? '西安80（Xi’an 1980）' : (parsed.datumCode ?? named);
    return {
      ok: false,
      problem: problem(
        `.prj 的大地基准是 ${datum}，与 WGS-84 相差约百米且没有公开的换算参数；${EXPORT_INSTEAD.zh}`,
        `the .prj's datum is ${datum}, about 100 m from WGS-84 with no published shift; ${EXPORT_INSTEAD.en}`,
      ),
    };
  }
  if (parsed.projName === 'longlat')
    return { ok: true, crs: /china|cgcs/i.test(text) ? CGCS2000 : { kind: 'lnglat', name: problem(`${named}（经纬度）`, `${named} (longitude/latitude)`) } };
  if (sphere) return { ok: true, crs: WEB_MERCATOR };
  return { ok: true, crs: { kind: 'projected', name: problem(`${named}（.prj 中的投影），已换算为经纬度`, `${named} (the .prj's projection), converted to longitude/latitude`), definition: text } };
}

/** China's extent in degrees, with a margin. */
export const inChina = ([lng, lat]: LngLat) => lng >= 73.4 && lng <= 135.1 && lat >= 3.8 && lat <= 53.6;

/**
 * The CRS recognised from the coordinates of a file that names none:
 * degrees are longitude/latitude; metres are Web Mercator when they fall in
 * China as Web Mercator, CGCS2000 3° Gauss–Krüger when the easting carries
 * a zone number (25–45); anything else is a local grid, refused.
 *
 * @example crsFromCoordinates([[13514023, 3662145]]) // Web Mercator
 */
export function crsFromCoordinates(positions: LngLat[]): CrsResult {
  const swapped = positions.find(([x, y]) => !inChina([x, y]) && inChina([y, x]));
  if (swapped && positions.every(([x, y]) => inChina([y, x])))
    return {
      ok: false,
      problem: problem(
        `整个文件的经纬度顺序颠倒，例如 (${swapped[0]}, ${swapped[1]})：GeoJSON 的坐标应为 [经度, 纬度]；请在导出时选择「经度在前」或 EPSG:4326 再导入`,
        `the whole file has latitude and longitude swapped, e.g. (${swapped[0]}, ${swapped[1]}): GeoJSON positions are [longitude, latitude]; export again with longitude first (EPSG:4326)`,
      ),
    };
  if (positions.every(([x, y]) => Math.abs(x) <= 180 && Math.abs(y) <= 90)) return { ok: true, crs: LNGLAT };
  const sample = positions.filter((_, i) => i % Math.max(1, Math.floor(positions.length / 200)) === 0);
  const fits = (crs: ProjectedCrs) => sample.every((p) => inChina(proj4<LngLat>(crs.definition, 'WGS84', p)));
  if (fits(WEB_MERCATOR)) return { ok: true, crs: WEB_MERCATOR };
  const zone = Math.floor((sample[0]?.[0] ?? 0) / 1e6);
  if (zone >= 25 && zone <= 45 && sample.every(([x]) => Math.floor(x / 1e6) === zone)) {
    const gk = gaussKruger(zone * 3, zone * 1e6 + 500_000, `3°带第 ${zone} 带`);
    if (fits(gk)) return { ok: true, crs: gk };
  }
  return { ok: false, problem: LOCAL_GRID };
}

/** Converts one position from `crs` to WGS-84 longitude/latitude, rounded to 1e-7° (~1 cm) like every stored coordinate. */
export function positionToWgs84(crs: OutlineCrs, p: LngLat): LngLat {
  const [lng, lat] = crs.kind === 'lnglat' ? p : proj4<LngLat>(crs.definition, 'WGS84', [p[0], p[1]]);
  return [Math.round(lng * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];
}
