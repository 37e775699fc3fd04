import { parseDbf, parseShp } from 'shpjs';
import { crsFromWkt, type OutlineCrs } from '../../geo/outlines/index.ts';
import { problem, type Problem } from '../../geo/problems/index.ts';
import { safeUnzip } from './safe-unzip.ts';

export type OutlineLayer = { name: string; collection: GeoJSON.FeatureCollection; crs: OutlineCrs };
export type LayersRead = { ok: true; layers: OutlineLayer[] } | { ok: false; problems: Problem[] };

const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes).trim() : undefined);

/**
 * The code page a .dbf's text is in: the .cpg when there is one, else GBK
 * when the header's language byte says 936 (0x4D) or the bytes are not
 * UTF-8, as Chinese desktop GIS writes them.
 */
function codePage(dbf: Uint8Array, cpg: string | undefined): string {
  if (cpg) return /^(936|cp936|gbk|gb2312|gb18030)$/i.test(cpg) ? 'gbk' : cpg;
  if (dbf[29] === 0x4d) return 'gbk';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(dbf);
    return 'utf-8';
  } catch {
    return 'gbk';
  }
}

/**
 * A zipped Shapefile (.shp, .dbf, .prj, .cpg; several layers allowed) as
 * GeoJSON layers with the CRS each .prj defines. A layer without a .prj is
 * refused: without it, metres of a local grid and of a national grid look
 * alike.
 */
export function readShapefileZip(bytes: Uint8Array, fileName: string): LayersRead {
  const unzipped = safeUnzip(bytes, fileName, (name) => /\.(shp|dbf|prj|cpg)$/i.test(name));
  if (!unzipped.ok) return { ok: false, problems: [unzipped.problem] };
  const files = new Map(Object.entries(unzipped.files).map(([name, data]) => [name.toLowerCase(), data]));
  const bases = [...files.keys()].filter((n) => n.endsWith('.shp')).map((n) => n.slice(0, -4));
  if (bases.length === 0)
    return { ok: false, problems: [problem(`${fileName} 里没有 .shp 文件：Shapefile 压缩包应包含同名的 .shp、.dbf、.prj`, `${fileName} holds no .shp: a zipped Shapefile has a .shp, .dbf and .prj of one name`)] };
  const problems: Problem[] = [];
  const layers: OutlineLayer[] = [];
  for (const base of bases) {
    const label = base.split('/').pop()!;
    const prj = text(files.get(`${base}.prj`));
    if (!prj) {
      problems.push(
        problem(
          `${label}.shp 缺少 .prj（坐标系）文件，无法判断坐标：请连同 .prj 一起压缩，或在 QGIS 中「另存要素」为 EPSG:4326 再导入`,
          `${label}.shp has no .prj (its CRS), so its coordinates cannot be read: zip it with its .prj, or save it as EPSG:4326 from QGIS`,
        ),
      );
      continue;
    }
    const crs = crsFromWkt(prj);
    if (!crs.ok) {
      problems.push(problem(`${label}.shp：${crs.problem.zh}`, `${label}.shp: ${crs.problem.en}`));
      continue;
    }
    try {
      const geometries = parseShp(files.get(`${base}.shp`)!);
      const dbf = files.get(`${base}.dbf`);
      const records = dbf ? parseDbf(dbf, codePage(dbf, text(files.get(`${base}.cpg`)))) : [];
      layers.push({
        name: label,
        crs: crs.crs,
        collection: { type: 'FeatureCollection', features: geometries.map((geometry, i) => ({ type: 'Feature', geometry, properties: records[i] ?? {} })) },
      });
    } catch (e) {
      problems.push(problem(`${label}.shp 无法读取（${(e as Error).message}）`, `${label}.shp cannot be read (${(e as Error).message})`));
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, layers };
}
