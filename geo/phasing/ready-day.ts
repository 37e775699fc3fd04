import type { Stage } from '../stages/stages.ts';
import { addDays, daysBetween } from '../time/index.ts';

/**
 * Planning lead times in days from entering a stage to entering the next
 * (SPEC §4's typical durations): consultation 8 weeks, scheme and agreement
 * 4, public notice 10 + 7 days, design review and filing 3 weeks.
 */
export const DEFAULT_LEAD_DAYS = {
  canvassing: 56,
  consent_passed: 28,
  agreement_signed: 7,
  public_notice: 17,
  design_approved: 21,
  permitted: 0,
} as const satisfies Partial<Record<Stage, number>>;
export type LeadDays = Record<keyof typeof DEFAULT_LEAD_DAYS, number>;

const ORDER = Object.keys(DEFAULT_LEAD_DAYS) as (keyof LeadDays)[];

/**
 * Days from the plan's start until a stairwell at `stage` may start
 * construction, if every remaining step takes its lead time; null when it is
 * already built or being built, or suspended.
 *
 * @example readyDayFor('public_notice') // 17 + 21 = 38
 */
export function readyDayFor(stage: Stage, lead: LeadDays = DEFAULT_LEAD_DAYS): number | null {
  const at = ORDER.indexOf(stage as keyof LeadDays);
  if (at < 0) return null;
  return ORDER.slice(at).reduce((days, s) => days + lead[s], 0);
}

/** What is known of a stairwell's progress to date for its ready day. */
export interface StageProgress {
  stage: Stage;
  /** The day it entered `stage` (its stage event's own date); null for canvassing or an unconfirmed 已达标. */
  enteredOn: string | null;
  /** 公示's recorded windows close this day (both windows, SPEC §4). */
  noticeClosedOn?: string | null;
}

/**
 * The first day a stairwell may start construction, from its real dates:
 * the day it entered its stage plus the lead times still to run (for 公示,
 * the day both windows close plus design review and filing); never before
 * `today`, since an overdue step is still to do. Stairwells with no date
 * (still canvassing, or 已达标 but unconfirmed) count from today. Null when
 * already building or built, or suspended.
 *
 * @example readyDateFrom({ stage: 'consent_passed', enteredOn: '2026-11-01' }, '2026-11-20') // '2027-01-13'
 */
export function readyDateFrom(p: StageProgress, today: string, lead: LeadDays = DEFAULT_LEAD_DAYS): string | null {
  const remaining = readyDayFor(p.stage, lead);
  if (remaining === null) return null;
  const ready =
    p.stage === 'public_notice' && p.noticeClosedOn
      ? addDays(p.noticeClosedOn, remaining - lead.public_notice)
      : addDays(p.enteredOn ?? today, remaining);
  return ready > today ? ready : today;
}

/** Days from the plan's start to `readyDate`, 0 when it is ready before the start. */
export function readyDayOf(readyDate: string, startDate: string): number {
  return Math.max(0, daysBetween(startDate, readyDate));
}
