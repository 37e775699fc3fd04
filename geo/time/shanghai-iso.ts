/**
 * An instant as Shanghai wall-clock ISO 8601 with +08:00, the form every
 * stored event time takes, so times sort as strings.
 *
 * @example shanghaiIso(new Date('2026-11-24T02:00:00Z')) // '2026-11-24T10:00:00+08:00'
 */
export function shanghaiIso(instant: Date): string {
  const local = new Date(instant.getTime() + 8 * 3_600_000).toISOString();
  return `${local.slice(0, 19)}+08:00`;
}

/**
 * The Shanghai calendar day of an instant, as YYYY-MM-DD: "today" for a
 * server's clock, a due date or a day's events.
 *
 * @example shanghaiDay(new Date('2026-11-23T17:00:00Z')) // '2026-11-24'
 */
export function shanghaiDay(instant: Date): string {
  return shanghaiIso(instant).slice(0, 10);
}
