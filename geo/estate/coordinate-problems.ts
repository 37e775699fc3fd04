/** China's extent in WGS-84 with a margin: an estate outside it was exported in the wrong CRS or axis order. */
const CHINA = { west: 73.4, east: 135.1, south: 3.8, north: 53.6 } as const;

const inChina = (lng: number, lat: number) => lng >= CHINA.west && lng <= CHINA.east && lat >= CHINA.south && lat <= CHINA.north;

function positions(coordinates: unknown, out: [number, number][] = []): [number, number][] {
  if (Array.isArray(coordinates) && typeof coordinates[0] === 'number' && typeof coordinates[1] === 'number') out.push([coordinates[0], coordinates[1]]);
  else if (Array.isArray(coordinates)) for (const c of coordinates) positions(c, out);
  return out;
}

/**
 * What is wrong with a feature's coordinates before any geometry is read:
 * projected metres (EPSG:3857, a local grid) instead of longitude/latitude,
 * latitude and longitude swapped, or a place outside China. One message per
 * feature, naming it and saying what was expected.
 *
 * @example coordinateProblems({ type: 'Polygon', coordinates: [[[13514023, 3662145], …]] }, 'features[3] (building 1幢)')
 * // ['features[3] (building 1幢): coordinates look projected (13514023, 3662145 are metres, e.g. EPSG:3857); export the layer as WGS-84 longitude/latitude (EPSG:4326)']
 */
export function coordinateProblems(geometry: unknown, name: string): string[] {
  const found = coordinateProblem(geometry);
  if (!found) return [];
  const [x, y] = found.at;
  if (found.kind === 'swapped') return [`${name}: (${x}, ${y}) has latitude and longitude swapped; GeoJSON positions are [longitude, latitude]`];
  if (found.kind === 'projected') return [`${name}: coordinates look projected (${x}, ${y} are metres, e.g. EPSG:3857); export the layer as WGS-84 longitude/latitude (EPSG:4326)`];
  return [`${name}: (${x}, ${y}) is outside China; expected WGS-84 longitude ${CHINA.west}–${CHINA.east}, latitude ${CHINA.south}–${CHINA.north}`];
}

export type CoordinateProblemKind = 'swapped' | 'projected' | 'outside';

/** The first thing wrong with a geometry's coordinates, and the position that shows it; null when none is. */
export function coordinateProblem(geometry: unknown): { kind: CoordinateProblemKind; at: [number, number] } | null {
  const all = positions((geometry as { coordinates?: unknown } | null)?.coordinates);
  const swapped = all.find(([lng, lat]) => !inChina(lng, lat) && inChina(lat, lng));
  if (swapped) return { kind: 'swapped', at: swapped };
  const projected = all.find(([x, y]) => Math.abs(x) > 180 || Math.abs(y) > 90);
  if (projected) return { kind: 'projected', at: projected };
  const outside = all.find(([lng, lat]) => !inChina(lng, lat));
  return outside ? { kind: 'outside', at: outside } : null;
}

/**
 * One sentence for a file whose every feature has the same coordinate
 * problem (swapped axes, projected metres, outside China), instead of one
 * line per feature; null when the features differ or some are fine.
 */
export function wholeFileCoordinateProblem(geometries: unknown[]): string | null {
  const found = geometries.map(coordinateProblem);
  const kind = found[0]?.kind;
  if (!kind || found.length < 2 || found.some((f) => f?.kind !== kind)) return null;
  const [x, y] = found[0]!.at;
  if (kind === 'swapped')
    return `every feature has latitude and longitude swapped, e.g. (${x}, ${y}): GeoJSON positions are [longitude, latitude]; export again with longitude first (整个文件的经纬度顺序颠倒，应为 [经度, 纬度])`;
  if (kind === 'projected')
    return `every feature's coordinates look projected, e.g. (${x}, ${y}) in metres (EPSG:3857 or a local grid): export the layer as WGS-84 longitude/latitude (EPSG:4326), or import it with npm run import -- buildings, which converts recognised projections (整个文件是投影坐标，请导出为 WGS-84 经纬度)`;
  return `every feature lies outside China, e.g. (${x}, ${y}): check the layer's CRS and export it as WGS-84 longitude/latitude (整个文件位于中国以外，请检查坐标系)`;
}
