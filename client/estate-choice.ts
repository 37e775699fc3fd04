const KEY = 'liftmap.estate';

/** The estate chosen for every screen: `?estate=ID` in the address, else the last choice on this device. */
export function chosenEstateId(): number | null {
  const fromUrl = Number(new URLSearchParams(location.search).get('estate'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const stored = Number(localStorage.getItem(KEY));
  return Number.isInteger(stored) && stored > 0 ? stored : null;
}

/** One choice for all screens (wall, plan, present, admin): remembered on this device and put in the address; `path` opens another screen. */
export function chooseEstate(id: number, path?: string): void {
  localStorage.setItem(KEY, String(id));
  const url = new URL(path ?? location.href, location.href);
  url.searchParams.set('estate', String(id));
  location.assign(url.toString());
}

/** The estate a screen opens on: the chosen one if it is in the list, else the first. */
export function pickEstate<E extends { id: number }>(estates: readonly E[] | undefined, chosen = chosenEstateId()): number | undefined {
  return estates?.find((e) => e.id === chosen)?.id ?? estates?.[0]?.id;
}
