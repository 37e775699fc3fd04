/** How deep the server cuts the district's stairwell tiles; MapLibre overzooms beyond (one stairwell fills a 4K wall well before). */
export const DISTRICT_TILE_MAX_ZOOM = 18;

/** The Web Mercator tile [x, y] that holds `lngLat` at zoom `z`, as MapLibre asks for it. */
export function tileAt([lng, lat]: readonly [number, number], z: number): [number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return [Math.floor(((lng + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)];
}
