import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import osmtogeojson from 'osmtogeojson';
import type { OutlineCrs } from '../../geo/outlines/index.ts';
import { problem } from '../../geo/problems/index.ts';
import type { LayersRead } from './read-shapefile.ts';
import { safeUnzip } from './safe-unzip.ts';

/** KML and OSM are longitude/latitude on WGS-84 by definition. */
const WGS84: OutlineCrs = { kind: 'lnglat', name: { zh: 'WGS-84 经纬度（KML/OSM 的规定坐标系）', en: 'WGS-84 longitude/latitude (as KML and OSM define)' } };

/** An XML document, or null when the text is not well-formed XML. xmldom resolves no external entities. */
function parseXml(text: string): Document | null {
  let broken = false;
  const doc = new DOMParser({ onError: (level) => void (level === 'fatalError' && (broken = true)) }).parseFromString(text, 'text/xml');
  return broken || !doc.documentElement ? null : (doc as unknown as Document);
}

const notXml = (fileName: string) => ({ ok: false as const, problems: [problem(`${fileName} 不是格式正确的 XML 文件`, `${fileName} is not well-formed XML`)] });

/** A KML file (Google Earth, 奥维地图, 91卫图) as one GeoJSON layer; placemarks' names and extended data become attributes. */
export function readKml(bytes: Uint8Array, fileName: string): LayersRead {
  const doc = parseXml(new TextDecoder().decode(bytes));
  if (!doc) return notXml(fileName);
  return { ok: true, layers: [{ name: fileName, crs: WGS84, collection: kml(doc) as GeoJSON.FeatureCollection }] };
}

/** A KMZ: the zipped KML (doc.kml, or the first .kml inside), read as KML. */
export function readKmz(bytes: Uint8Array, fileName: string): LayersRead {
  const unzipped = safeUnzip(bytes, fileName, (name) => /\.kml$/i.test(name));
  if (!unzipped.ok) return { ok: false, problems: [unzipped.problem] };
  const names = Object.keys(unzipped.files);
  const main = names.find((n) => /(^|\/)doc\.kml$/i.test(n)) ?? names[0];
  if (!main) return { ok: false, problems: [problem(`${fileName} 里没有 .kml 文件`, `${fileName} holds no .kml`)] };
  return readKml(unzipped.files[main]!, fileName);
}

/** An OpenStreetMap export: .osm XML (JOSM, the OSM website) or Overpass JSON; closed ways and multipolygons tagged building become polygons. */
export function readOsm(source: { xml: string } | { json: unknown }, fileName: string): LayersRead {
  let data: unknown = 'json' in source ? source.json : null;
  if ('xml' in source) {
    const doc = parseXml(source.xml);
    if (!doc) return notXml(fileName);
    data = doc;
  }
  return { ok: true, layers: [{ name: fileName, crs: WGS84, collection: osmtogeojson(data) }] };
}
