/** A position in metres east (x) and north (y) of a local origin. */
export type Metres2 = [xM: number, yM: number];
export type LngLat = [lng: number, lat: number];

export interface LocalFrame {
  toLngLat(p: Metres2): LngLat;
  toMetres(p: LngLat): Metres2;
}

const DEG = Math.PI / 180;

/**
 * An equirectangular frame around `origin`, accurate to centimetres over an
 * estate (a few hundred metres); coordinates are rounded to 1e-7° (~1 cm).
 *
 * @example createLocalFrame([121.4, 31.227]).toLngLat([0, 111]) // ≈ [121.4, 31.228]
 */
export function createLocalFrame(origin: LngLat): LocalFrame {
  const phi = origin[1] * DEG;
  // Metres per degree on the WGS-84 ellipsoid at this latitude.
  const mPerDegLat = 111132.954 - 559.822 * Math.cos(2 * phi) + 1.175 * Math.cos(4 * phi);
  const mPerDegLng = 111412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi);
  const round7 = (v: number) => Math.round(v * 1e7) / 1e7;
  return {
    toLngLat: ([x, y]) => [round7(origin[0] + x / mPerDegLng), round7(origin[1] + y / mPerDegLat)],
    toMetres: ([lng, lat]) => [(lng - origin[0]) * mPerDegLng, (lat - origin[1]) * mPerDegLat],
  };
}
