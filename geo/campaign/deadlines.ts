import { addDays } from '../time/index.ts';
import { CONFIRM_WITHIN_DAYS, REGISTRATION_DUE_DAYS, type NoticeWindows } from '../stages/index.ts';
import type { Stage } from '../stages/stages.ts';

export interface DeadlineStairwell {
  stairwellId: number;
  doorNumber: string;
  stage: Stage;
  /** 已达标 (still canvassing) since this day, or null. */
  ruleMetSince: string | null;
  /** While in 公示. */
  windows: NoticeWindows | null;
  openObjections: number;
  /** The acceptance date while accepted and not yet in service. */
  acceptedOn: string | null;
}

export type DeadlineKind = 'unconfirmed' | 'notice_closing' | 'objections_closing' | 'objections_open' | 'notice_closed' | 'registration_due' | 'registration_overdue';

export interface Deadline {
  stairwellId: number;
  doorNumber: string;
  kind: DeadlineKind;
  /** The day it is due (or was). */
  due: string;
  /** Negative when overdue. */
  daysLeft: number;
  overdue: boolean;
  zh: string;
  en: string;
}

const daysFrom = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/**
 * What is due across an estate on `today` (SPEC §4): 公示 and objection
 * windows closing, objections still in mediation, registrations due within 30
 * days of acceptance, and stairwells 已达标 for more than 7 days that nobody
 * confirmed. Overdue first, then soonest. Door numbers and dates only.
 *
 * @example deadlines([{ stairwellId: 1, doorNumber: '3号', stage: 'accepted', ruleMetSince: null, windows: null, openObjections: 0, acceptedOn: '2026-10-01' }], '2026-12-01')[0].kind // 'registration_overdue'
 */
export function deadlines(stairwells: readonly DeadlineStairwell[], today: string): Deadline[] {
  const out: Deadline[] = [];
  const push = (s: DeadlineStairwell, kind: DeadlineKind, due: string, overdue: boolean, zh: string, en: string) =>
    out.push({ stairwellId: s.stairwellId, doorNumber: s.doorNumber, kind, due, daysLeft: daysFrom(today, due), overdue, zh, en });
  for (const s of stairwells) {
    if (s.stage === 'canvassing' && s.ruleMetSince) {
      const due = addDays(s.ruleMetSince, CONFIRM_WITHIN_DAYS);
      if (today > due) push(s, 'unconfirmed', due, true, `${s.doorNumber} 自 ${s.ruleMetSince} 已达标，超过 ${CONFIRM_WITHIN_DAYS} 天尚未确认征询结果`, `${s.doorNumber} has met the rule since ${s.ruleMetSince}, unconfirmed for over ${CONFIRM_WITHIN_DAYS} days`);
    }
    if (s.stage === 'public_notice' && s.windows) {
      const w = s.windows;
      if (today <= w.postedUntil) push(s, 'notice_closing', w.postedUntil, false, `${s.doorNumber} 方案公示至 ${w.postedUntil}`, `${s.doorNumber}: scheme posted until ${w.postedUntil}`);
      else if (today <= w.objectionsUntil) push(s, 'objections_closing', w.objectionsUntil, false, `${s.doorNumber} 书面异议期至 ${w.objectionsUntil}`, `${s.doorNumber}: objections received until ${w.objectionsUntil}`);
      else if (s.openObjections === 0) push(s, 'notice_closed', w.closedOn, false, `${s.doorNumber} 公示期满，可进入方案审定`, `${s.doorNumber}: notice closed, ready for design approval`);
      if (s.openObjections > 0) push(s, 'objections_open', w.closedOn, today >= w.closedOn, `${s.doorNumber} 有 ${s.openObjections} 份书面异议在调解中`, `${s.doorNumber}: ${s.openObjections} objection(s) in mediation`);
    }
    if (s.stage === 'accepted' && s.acceptedOn) {
      const due = addDays(s.acceptedOn, REGISTRATION_DUE_DAYS);
      if (today > due) push(s, 'registration_overdue', due, true, `${s.doorNumber} 电梯使用登记已逾期（应于 ${due} 前完成）`, `${s.doorNumber}: lift registration overdue (due ${due})`);
      else push(s, 'registration_due', due, false, `${s.doorNumber} 电梯使用登记须于 ${due} 前完成`, `${s.doorNumber}: register the lift by ${due}`);
    }
  }
  return out.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due.localeCompare(b.due) || a.doorNumber.localeCompare(b.doorNumber, 'zh'));
}
