import type { Stage } from '../stages/stages.ts';

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
