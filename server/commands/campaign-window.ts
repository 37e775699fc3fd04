import { eq } from 'drizzle-orm';
import { first, type Db } from '../db/database.ts';
import { refuse } from '../refusal.ts';

const DAY_MS = 86_400_000;

/**
 * The dates a record may carry: from a year before the campaign's first
 * event (or the estate's creation) to a day after now. A visit dated 9999 or
 * 1970 is a typo or an attack, never a visit.
 */
export async function campaignWindow(db: Db, estateId: number, now: Date): Promise<{ from: Date; to: Date }> {
  const { estates } = db.t;
  // The first event is kept on the estate by a trigger as events are recorded: one row read, however long the campaign.
  const estate = await first(db.select({ firstEventAt: estates.firstEventAt, createdAt: estates.createdAt }).from(estates).where(eq(estates.id, estateId)));
  const starts = [estate?.firstEventAt, estate?.createdAt].map((t) => (t ? Date.parse(t) : NaN)).filter(Number.isFinite);
  const start = starts.length ? Math.min(...starts, now.getTime()) : now.getTime();
  return { from: new Date(start - 365 * DAY_MS), to: new Date(now.getTime() + DAY_MS) };
}

/** Refuses a date outside the campaign's window, naming the field. */
export function requireInWindow(window: { from: Date; to: Date }, value: string, field: string): void {
  const t = Date.parse(value);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  if (!Number.isFinite(t) || t < window.from.getTime() || t > window.to.getTime())
    throw refuse.badInput(
      `${field}：日期应在 ${day(window.from)} 至 ${day(window.to)} 之间，收到 ${value}`,
      `${field}: expected a date between ${day(window.from)} and ${day(window.to)}, got ${value}`,
      field,
    );
}
