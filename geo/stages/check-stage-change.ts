import { stageIndex, type Stage } from './stages.ts';

export type StageRefusal =
  | { code: 'consent_not_passed'; message: string }
  | { code: 'not_next_stage'; message: string }
  | { code: 'reason_required'; message: string };

export interface StageChange {
  from: Stage;
  to: Stage;
  /** Whether the consent rule passes on signed votes right now. */
  consentPassed: boolean;
  reason?: string;
}

/**
 * Checks one stage change (SPEC §4): forward one step at a time, never past
 * `canvassing` unless the rule passes on signed votes; suspending needs a
 * reason; a suspended stairwell resumes at any stage it could have reached.
 * Returns null when allowed, else the refusal.
 *
 * @example checkStageChange({ from: 'canvassing', to: 'consent_passed', consentPassed: false })?.code // 'consent_not_passed'
 */
export function checkStageChange(change: StageChange): StageRefusal | null {
  const { from, to, consentPassed } = change;
  if (to === 'suspended') {
    return change.reason?.trim()
      ? null
      : { code: 'reason_required', message: 'suspending a stairwell needs a reason' };
  }
  if (to !== 'canvassing' && !consentPassed)
    return { code: 'consent_not_passed', message: `cannot move to ${to}: the consent rule does not pass on signed votes` };
  if (from === 'suspended' || stageIndex(to) <= stageIndex(from)) return null;
  if (stageIndex(to) !== stageIndex(from) + 1)
    return { code: 'not_next_stage', message: `cannot skip from ${from} to ${to}: stages advance one at a time` };
  return null;
}
