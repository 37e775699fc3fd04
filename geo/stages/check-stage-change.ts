import { MAX_NOTICE_DAYS, MAX_OBJECTION_DAYS, MIN_NOTICE_DAYS, MIN_OBJECTION_DAYS, noticeWindows } from './notice-windows.ts';
import { DEFAULT_POST_GRACE_DAYS, MAX_POST_GRACE_DAYS, type LegalDates } from './legal-steps.ts';
import type { StageDetails } from './stage-details.ts';
import { addDays } from '../time/index.ts';
import { STAGE_ZH, stageIndex, type Stage } from './stages.ts';

export type StageRefusalCode =
  | 'consent_not_passed'
  | 'votes_unverified'
  | 'not_next_stage'
  | 'backwards'
  | 'reason_required'
  | 'already_suspended'
  | 'resume_elsewhere'
  | 'date_before_previous'
  | 'date_in_future'
  | 'notice_too_short'
  | 'windows_open'
  | 'objections_open'
  | 'permit_number_required'
  | 'post_not_checked'
  | 'bureau_reply_required'
  | 'construction_notice_required'
  | 'inspection_required';

export interface StageRefusal {
  code: StageRefusalCode;
  /** The input field the refusal is about, for the form to mark. */
  field: 'to' | 'on' | 'reason' | 'noticeDays' | 'objectionDays' | 'postGraceDays' | 'permitNumber' | 'registrationNumber';
  message: string;
  zh: string;
}

export interface StageChange {
  from: Stage;
  to: Stage;
  /** The new stage's own date (YYYY-MM-DD, Shanghai). */
  on: string;
  /** Today in Shanghai: no stage is recorded for a day still to come. */
  today: string;
  /** The current stage's date, if it has one; the new date may not be earlier. */
  fromOn: string | null;
  /** Whether the consent rule passes on signed votes right now. */
  consentPassed: boolean;
  /** Counted votes (agree, oppose, abstain) staff have not verified: without evidence (待补证) or waiting (待核验). Confirming needs none. */
  unverifiedVotes?: readonly { room: string; state: 'missing' | 'pending' }[];
  /** While suspended: the stage it resumes to. */
  resumeStage?: Stage | null;
  /** While in 公示: its windows, and how many objections are still in mediation. */
  notice?: { start: string; noticeDays: number; objectionDays: number; postGraceDays?: number } | null;
  openObjections?: number;
  /** Objections received during this 公示 (from the stairwell or its neighbours). */
  objectionsReceived?: number;
  /** The stairwell's legal records (legal-steps.ts) by kind: their dates. */
  legal?: LegalDates;
  reason?: string;
  details?: StageDetails;
}

const refusal = (code: StageRefusalCode, field: StageRefusal['field'], message: string, zh: string): StageRefusal => ({ code, field, message, zh });

/**
 * Checks one stage change (SPEC §4) and says why it is refused, in the
 * committee's words: forward one step at a time; `consent_passed` only when
 * the rule passes on signed votes; dates never before the current stage's and
 * never in the future; 公示 at least 10 + 7 days, left only when both windows
 * have closed, the post checked (or its grace days past), every objection
 * resolved and, if any came, the bureau's reply recorded; a permit number;
 * 施工告知 before 施工 and 监督检验 before 投入使用 (legal-steps.ts); suspending needs a reason and resuming returns to where
 * it was. Going back is an undo, not a stage change. Returns null when allowed.
 *
 * @example checkStageChange({ from: 'canvassing', to: 'consent_passed', on: '2026-12-01', today: '2026-12-01', fromOn: null, consentPassed: false })?.code // 'consent_not_passed'
 */
export function checkStageChange(change: StageChange): StageRefusal | null {
  const { from, to, on, today, fromOn } = change;
  if (on > today) return refusal('date_in_future', 'on', `the date ${on} is after today (${today})`, `日期 ${on} 晚于今天（${today}），不能登记尚未发生的阶段`);
  if (fromOn && on < fromOn)
    return refusal('date_before_previous', 'on', `the date ${on} is before the current stage's date ${fromOn}`, `日期 ${on} 早于当前阶段“${STAGE_ZH[from]}”的日期 ${fromOn}`);
  if (to === 'suspended') {
    if (from === 'suspended') return refusal('already_suspended', 'to', 'the stairwell is already suspended', '该门洞已经暂缓');
    return change.reason?.trim() ? null : refusal('reason_required', 'reason', 'suspending a stairwell needs a reason', '暂缓门洞需要填写原因');
  }
  if (from === 'suspended') {
    const back = change.resumeStage ?? 'canvassing';
    return to === back ? null : refusal('resume_elsewhere', 'to', `a suspended stairwell resumes at ${back}, where it was`, `暂缓的门洞只能恢复到暂缓前的阶段“${STAGE_ZH[back]}”`);
  }
  if (stageIndex(to) <= stageIndex(from))
    return refusal('backwards', 'to', `cannot go back from ${from} to ${to}: undo the last step instead`, `不能从${STAGE_ZH[from]}退回${STAGE_ZH[to]}：如登记有误，请“撤销上一步”`);
  if (stageIndex(to) !== stageIndex(from) + 1)
    return refusal('not_next_stage', 'to', `cannot skip from ${from} to ${to}: stages advance one at a time`, `不能从${STAGE_ZH[from]}跳到${STAGE_ZH[to]}：阶段须逐级推进`);
  if (to === 'consent_passed' && !change.consentPassed)
    return refusal('consent_not_passed', 'to', `cannot move to ${to}: the consent rule does not pass on signed votes`, `不能进入${STAGE_ZH[to]}：按已签字的表决，征询规则尚未通过`);
  const unverified = change.unverifiedVotes ?? [];
  if (to === 'consent_passed' && unverified.length > 0) {
    const shown = unverified.slice(0, 8);
    const more = unverified.length - shown.length;
    return refusal(
      'votes_unverified',
      'to',
      `cannot move to ${to}: ${unverified.length} counted vote(s) not yet verified by staff: ${shown.map((v) => `${v.room} (${v.state === 'missing' ? 'no evidence' : 'evidence to check'})`).join(', ')}${more ? ` and ${more} more` : ''}`,
      `不能进入${STAGE_ZH[to]}：还有 ${unverified.length} 份计入的表决未经核验：${shown.map((v) => `${v.room}（${v.state === 'missing' ? '待补证' : '待核验'}）`).join('、')}${more ? ` 等` : ''}`,
    );
  }
  const d = change.details ?? {};
  if (to === 'public_notice') {
    const days = d.noticeDays ?? MIN_NOTICE_DAYS;
    const objections = d.objectionDays ?? MIN_OBJECTION_DAYS;
    if (days < MIN_NOTICE_DAYS || days > MAX_NOTICE_DAYS)
      return refusal('notice_too_short', 'noticeDays', `the scheme is posted ${MIN_NOTICE_DAYS}–${MAX_NOTICE_DAYS} days, got ${days}`, `公示期须为 ${MIN_NOTICE_DAYS}–${MAX_NOTICE_DAYS} 天（方案公示不少于 10 天），填写的是 ${days} 天`);
    if (objections < MIN_OBJECTION_DAYS || objections > MAX_OBJECTION_DAYS)
      return refusal('notice_too_short', 'objectionDays', `written objections are received ${MIN_OBJECTION_DAYS}–${MAX_OBJECTION_DAYS} days, got ${objections}`, `书面异议期须为 ${MIN_OBJECTION_DAYS}–${MAX_OBJECTION_DAYS} 天（公示期满后不少于 7 天），填写的是 ${objections} 天`);
    const grace = d.postGraceDays ?? DEFAULT_POST_GRACE_DAYS;
    if (!Number.isInteger(grace) || grace < 0 || grace > MAX_POST_GRACE_DAYS)
      return refusal('notice_too_short', 'postGraceDays', `letters posted in time are awaited 0–${MAX_POST_GRACE_DAYS} days, got ${grace}`, `邮寄异议的等待天数须为 0–${MAX_POST_GRACE_DAYS} 天，填写的是 ${grace} 天`);
  }
  if (from === 'public_notice' && change.notice) {
    const w = noticeWindows(change.notice.start, change.notice.noticeDays, change.notice.objectionDays);
    if (on < w.closedOn)
      return refusal('windows_open', 'on', `the notice windows close on ${w.objectionsUntil}; the next stage can be recorded from ${w.closedOn}`, `公示期至 ${w.postedUntil}、书面异议期至 ${w.objectionsUntil}，${w.closedOn} 起才能进入下一阶段`);
    // A letter counts by its postmark: it may still be in the post, until staff confirm the post is checked or the grace days pass.
    const graceUntil = addDays(w.closedOn, change.notice.postGraceDays ?? DEFAULT_POST_GRACE_DAYS);
    if (!change.legal?.post_checked && on < graceUntil)
      return refusal(
        'post_not_checked',
        'on',
        `letters postmarked by ${w.objectionsUntil} may still arrive: confirm the post is checked, or record the next stage from ${graceUntil}`,
        `以寄出邮戳为准，${w.objectionsUntil} 前寄出的异议信件可能仍在途中：请先登记“异议信件已查收”，或 ${graceUntil} 起再进入下一阶段`,
      );
    if ((change.openObjections ?? 0) > 0)
      return refusal('objections_open', 'to', `${change.openObjections} objection(s) still in mediation`, `还有 ${change.openObjections} 份书面异议在调解中，须全部处理（撤回、调解达成或说明理由后不予采纳）后才能进入下一阶段`);
    if ((change.objectionsReceived ?? 0) > 0 && !change.legal?.bureau_reply)
      return refusal('bureau_reply_required', 'to', `${change.objectionsReceived} objection(s) were received: record the planning bureau's reply first`, `公示期间收到 ${change.objectionsReceived} 份书面异议：请先登记规划资源局的异议答复（日期、文号、每份异议的答复）`);
  }
  if (to === 'permitted' && !d.permitNumber?.trim()) return refusal('permit_number_required', 'permitNumber', 'a filing or permit number is required', '请填写开工备案或施工许可编号');
  const legal = change.legal ?? {};
  if (to === 'under_construction' && !(legal.construction_notice && legal.construction_notice <= on))
    return refusal('construction_notice_required', 'to', 'the installer notifies market supervision in writing before installing: record 施工告知 first', '安装前须书面告知市场监管部门：请先登记“施工告知”（日期、告知书编号），日期不晚于施工开始');
  // 投入使用: the stage's date is the day the lift is put into use; registration may follow within 30 days (a deadline, not a gate).
  if (to === 'in_service' && !(legal.supervision_inspection && legal.supervision_inspection <= on))
    return refusal('inspection_required', 'to', 'the lift passes 监督检验 before it may be used: record it first', '电梯经监督检验合格后方可投入使用：请先登记“监督检验”（日期、报告编号），日期不晚于投入使用');
  return null;
}
