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
  const coords = (geometry as { coordinates?: unknown } | null)?.coordinates;
  const all = positions(coords);
  if (all.length === 0) return [];
  const swapped = all.find(([lng, lat]) => !inChina(lng, lat) && inChina(lat, lng));
  if (swapped) return [`${name}: (${swapped[0]}, ${swapped[1]}) has latitude and longitude swapped; GeoJSON positions are [longitude, latitude]`];
  const projected = all.find(([x, y]) => Math.abs(x) > 180 || Math.abs(y) > 90);
  if (projected)
    return [`${name}: coordinates look projected (${projected[0]}, ${projected[1]} are metres, e.g. EPSG:3857); export the layer as WGS-84 longitude/latitude (EPSG:4326)`];
  const outside = all.find(([lng, lat]) => !inChina(lng, lat));
  if (!outside) return [];
  const [lng, lat] = outside;
  return [`${name}: (${lng}, ${lat}) is outside China; expected WGS-84 longitude ${CHINA.west}–${CHINA.east}, latitude ${CHINA.south}–${CHINA.north}`];
}
