export interface WallSettings {
  /** Look only: no clicks, no language button, focus views cycle. */
  kiosk: boolean;
  /** Seconds per focus view; 0 keeps the whole estate. */
  cycleSeconds: number;
  /** Seconds without word from the server before the wall says its data may be stale. */
  staleAfterSeconds: number;
}

/** Reads the wall's settings from its URL: `?kiosk=1&cycle=45&stale=90`. */
export function wallSettings(search: URLSearchParams): WallSettings {
  const kiosk = search.get('kiosk') === '1';
  const num = (key: string, fallback: number) => {
    const v = Number(search.get(key));
    return search.has(key) && Number.isFinite(v) && v >= 0 ? v : fallback;
  };
  return { kiosk, cycleSeconds: num('cycle', kiosk ? 45 : 0), staleAfterSeconds: num('stale', 90) || 90 };
}
