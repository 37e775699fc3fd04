import type { PresentDeck } from '../wire.ts';

export type SlideKey = 'today' | 'progress' | 'replay' | 'closest' | 'phasing' | 'parking' | 'people' | 'next';

/** The deck in meeting order; the phasing and parking slides only when a plan and claimants exist; the people behind the doors before the next steps. */
export function slideKeys(deck: PresentDeck): SlideKey[] {
  const keys: SlideKey[] = ['today', 'progress', 'replay', 'closest'];
  if (deck.phasing && deck.phasing.phases.length > 0) keys.push('phasing');
  if (deck.parking) keys.push('parking');
  keys.push('people');
  keys.push('next');
  return keys;
}

/** The slide a URL hash names (`#3` is the third), clamped to the deck. */
export function slideFromHash(hash: string, count: number): number {
  const n = Number(hash.replace(/^#/, ''));
  return Number.isInteger(n) && n >= 1 ? Math.min(n, count) - 1 : 0;
}
