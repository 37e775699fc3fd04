/**
 * Shanghai wall-clock time `day` days and `minutes` after the start date, as
 * ISO 8601 with +08:00 (China has no daylight saving).
 *
 * @example campaignTime('2026-09-25', 1, 570) // '2026-09-26T09:30:00+08:00'
 */
export function campaignTime(startDate: string, day: number, minutes: number): string {
  const [y, m, d] = startDate.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + day, 0, minutes));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:00+08:00`;
}
