import { addDays } from './add-days.ts';

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * An ISO time `days` calendar days later, same clock time and offset.
 *
 * @example shiftIsoDays('2026-11-23T19:11:00+08:00', 10) // '2026-12-03T19:11:00+08:00'
 */
export function shiftIsoDays(iso: string, days: number): string {
  return addDays(iso.slice(0, 10), days) + iso.slice(10);
}
