import { STAGE_ZH, stageIndex, type Stage } from './stages.ts';

export type StageRefusal =
  | { code: 'consent_not_passed'; message: string; zh: string }
  | { code: 'not_next_stage'; message: string; zh: string }
  | { code: 'reason_required'; message: string; zh: string };

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
      : { code: 'reason_required', message: 'suspending a stairwell needs a reason', zh: '暂缓门洞需要填写原因' };
  }
  if (to !== 'canvassing' && !consentPassed)
    return { code: 'consent_not_passed', message: `cannot move to ${to}: the consent rule does not pass on signed votes`, zh: `不能进入${STAGE_ZH[to]}：按已签字的表决，征询规则尚未通过` };
  if (from === 'suspended' || stageIndex(to) <= stageIndex(from)) return null;
  if (stageIndex(to) !== stageIndex(from) + 1)
    return { code: 'not_next_stage', message: `cannot skip from ${from} to ${to}: stages advance one at a time`, zh: `不能从${STAGE_ZH[from]}跳到${STAGE_ZH[to]}：阶段须逐级推进` };
  return null;
}
