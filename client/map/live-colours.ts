/**
 * The colours live changes announce, handed straight to every battle map on
 * the page (battle-map.ts listens), outside React: a wall redraws the
 * stairwell in its next frame, without waiting for the page to re-render.
 */
const channel = new EventTarget();

export interface LiveColour {
  stairwellId: number;
  colorKey: string;
}

export function announceColour(colour: LiveColour): void {
  channel.dispatchEvent(new CustomEvent<LiveColour>('colour', { detail: colour }));
}

/** Calls `apply` for each colour announced until the returned function is called. */
export function onLiveColour(apply: (colour: LiveColour) => void): () => void {
  const listener = (e: Event) => apply((e as CustomEvent<LiveColour>).detail);
  channel.addEventListener('colour', listener);
  return () => channel.removeEventListener('colour', listener);
}
