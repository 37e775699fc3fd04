/**
 * The calendar date `days` after `date` (both YYYY-MM-DD).
 *
 * @example addDays('2027-01-04', 70) // '2027-03-15'
 */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
