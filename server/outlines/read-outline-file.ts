import { MAX_GEOJSON_DEPTH, withinDepth } from '../../geo/estate/index.ts';
import { crsFromCoordinates, crsFromName, type CrsResult } from '../../geo/outlines/index.ts';
import { problem } from '../../geo/problems/index.ts';
import { readShapefileZip, type LayersRead } from './read-shapefile.ts';
import { readKml, readKmz, readOsm } from './read-xml-outlines.ts';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');

function positionsOf(value: unknown, out: [number, number][] = [], cap = 20_000): [number, number][] {
  if (out.length >= cap) return out;
  if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number') out.push([value[0], value[1]]);
  else if (Array.isArray(value)) for (const v of value) positionsOf(v, out, cap);
  else if (value && typeof value === 'object') {
    const o = value as { coordinates?: unknown; geometry?: unknown; geometries?: unknown; features?: unknown };
    for (const v of [o.features, o.geometry, o.geometries, o.coordinates]) if (v !== undefined) positionsOf(v, out, cap);
  }
  return out;
}

/** A GeoJSON layer's CRS: its `crs` member when it has one (RFC 7946 dropped it, QGIS still writes it), else recognised from its coordinates. */
function geojsonCrs(json: { crs?: { properties?: { name?: unknown } } }): CrsResult {
  const name = json.crs?.properties?.name;
  if (typeof name === 'string') return crsFromName(name);
  return crsFromCoordinates(positionsOf(json));
}

/**
 * An outline file as the committee got it, by its name and content:
 * GeoJSON with any attributes (and its `crs`), a zipped Shapefile, KML or
 * KMZ, OpenStreetMap XML or Overpass JSON. Each layer comes with the CRS
 * the file gives or its coordinates show; nothing is converted yet.
 */
export function readOutlineFile(bytes: Uint8Array, fileName: string): LayersRead {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ext === 'zip') return readShapefileZip(bytes, fileName);
  if (ext === 'kmz') return readKmz(bytes, fileName);
  if (ext === 'kml') return readKml(bytes, fileName);
  if (ext === 'shp')
    return { ok: false, problems: [problem('单独的 .shp 没有属性和坐标系：请把 .shp、.dbf、.prj（和 .cpg）一起压缩成 .zip 再导入', 'a .shp alone has no attributes or CRS: zip the .shp, .dbf, .prj (and .cpg) together and import the .zip')] };
  const text = decode(bytes);
  if (ext === 'osm' || (ext === 'xml' && /<osm[\s>]/.test(text.slice(0, 2000)))) return readOsm({ xml: text }, fileName);
  if (!['geojson', 'json', ''].includes(ext))
    return {
      ok: false,
      problems: [
        problem(
          `不认识 .${ext} 文件：请导入 GeoJSON（.geojson）、压缩的 Shapefile（.zip）、KML/KMZ 或 OpenStreetMap（.osm、Overpass .json）`,
          `.${ext} is not a format LiftMap reads: import GeoJSON (.geojson), a zipped Shapefile (.zip), KML/KMZ or OpenStreetMap (.osm, Overpass .json)`,
        ),
      ],
    };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [problem(`${fileName} 不是有效的 JSON（${(e as Error).message}）`, `${fileName} is not valid JSON (${(e as Error).message})`)] };
  }
  if (!withinDepth(json))
    return { ok: false, problems: [problem(`${fileName} 嵌套超过 ${MAX_GEOJSON_DEPTH} 层，不是地理数据文件`, `${fileName} nests more than ${MAX_GEOJSON_DEPTH} levels deep: not a map file`)] };
  if (Array.isArray((json as { elements?: unknown }).elements)) return readOsm({ json }, fileName);
  const crs = geojsonCrs(json as Parameters<typeof geojsonCrs>[0]);
  if (!crs.ok) return { ok: false, problems: [crs.problem] };
  const collection = (json as { type?: unknown }).type === 'Feature' ? { type: 'FeatureCollection', features: [json] } : json;
  return { ok: true, layers: [{ name: fileName, crs: crs.crs, collection: collection as GeoJSON.FeatureCollection }] };
}
