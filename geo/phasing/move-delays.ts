import { daysBetween } from '../time/index.ts';

/**
 * What manual moves delay: the batches that now start later than in the
 * planner's plan, and by how many days at most (starts as YYYY-MM-DD, batch
 * by batch). Null when no batch starts later.
 *
 * @example batchDelays(['2027-01-04', '2027-03-15'], ['2027-01-04', '2027-04-01']) // { first: 1, last: 1, days: 17 }
 */
export function batchDelays(before: readonly string[], after: readonly string[]): { first: number; last: number; days: number } | null {
  let first = -1;
  let last = -1;
  let days = 0;
  after.forEach((start, i) => {
    const was = before[i];
    if (was === undefined) return;
    const late = daysBetween(was, start);
    if (late <= 0) return;
    if (first < 0) first = i;
    last = i;
    days = Math.max(days, late);
  });
  return first < 0 ? null : { first, last, days };
}
