/** Field names a Shapefile cuts to 10 characters, and the names they were. */
const SHAPEFILE_NAMES: Record<string, string> = { buildingCo: 'buildingCode', clearWidth: 'clearWidthM', stairwellC: 'stairwellCount' };

/**
 * A feature's properties as they come back from a GIS round trip
 * (GeoPackage, Shapefile, QGIS), made what the estate format expects:
 * - a field a feature does not use is null there (one table holds every
 *   kind's fields): null means absent;
 * - a Shapefile's names cut to 10 characters (buildingCo) and its 1/0 for
 *   true/false;
 * - the door, a coordinate list in GeoJSON, comes back as text: GDAL's
 *   `(2:121.39,31.22)` or `[121.39, 31.22]`; or as the two number fields
 *   `doorLng`/`doorLat` the export writes beside it.
 * Anything else is left for the schema to judge.
 *
 * @example fromGis({ kind: 'stairwell', door: '(2:121.4,31.2)', floors: null }) // { kind: 'stairwell', door: [121.4, 31.2] }
 */
export function fromGis(properties: Record<string, unknown>): Record<string, unknown> {
  const out = Object.fromEntries(
    Object.entries(properties)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [SHAPEFILE_NAMES[k] ?? k, v]),
  );
  // Shapefiles have no true/false: 1/0 (or T/F) come back.
  for (const key of ['schematic', 'accessible'])
    if (out[key] === 0 || out[key] === 1 || out[key] === 'T' || out[key] === 'F') out[key] = out[key] === 1 || out[key] === 'T';
  if (typeof out.door === 'string') {
    const list = /^\s*[([]\s*(?:\d+\s*:\s*)?(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*[)\]]\s*$/.exec(out.door);
    if (list) out.door = [Number(list[1]), Number(list[2])];
  }
  const { doorLng, doorLat } = out;
  if (out.door === undefined && typeof doorLng === 'number' && typeof doorLat === 'number') out.door = [doorLng, doorLat];
  delete out.doorLng;
  delete out.doorLat;
  return out;
}

/** The door as two number fields beside the coordinate list, for formats without lists (Shapefile, GeoPackage). */
export const doorFields = (door: [number, number] | undefined): Record<string, number> => (door ? { doorLng: door[0], doorLat: door[1] } : {});
