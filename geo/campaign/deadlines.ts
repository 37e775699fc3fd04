import { addDays } from '../time/index.ts';
import { CONFIRM_WITHIN_DAYS, DEFAULT_POST_GRACE_DAYS, legalDeadlines, type LegalDates, type NoticeWindows } from '../stages/index.ts';
import type { Stage } from '../stages/stages.ts';
import { serviceDue, type LiftService } from '../lifecycle/index.ts';

export interface DeadlineStairwell {
  stairwellId: number;
  doorNumber: string;
  stage: Stage;
  /** 已达标 (still canvassing) since this day, or null. */
  ruleMetSince: string | null;
  /** While in 公示. */
  windows: NoticeWindows | null;
  openObjections: number;
  /** The date each stage that still stands was entered (acceptance, use …). */
  stageDates?: Partial<Record<Stage, string>>;
  /** Objections received in 公示, and the days letters posted in time are awaited. */
  objectionsReceived?: number;
  postGraceDays?: number;
  /** The stairwell's legal records by kind (legal-steps.ts). */
  legal?: LegalDates;
  /** A lift in service: its maintenance agreement and inspection (geo/lifecycle), or null when none is recorded. */
  service?: LiftService | null;
  /** A lift in service: when its next maintenance visit is due and how many faults are open (geo/lifecycle). */
  upkeep?: { nextVisitDue: string; openFaults: number } | null;
  /** Households whose agreed follow-up day has passed with no visit (因户施策): a count, never a name. */
  followUpsOverdue?: number;
}

export type DeadlineKind =
  | 'unconfirmed'
  | 'notice_closing'
  | 'objections_closing'
  | 'objections_open'
  | 'post_check'
  | 'bureau_reply_due'
  | 'notice_closed'
  | 'technical_file_due'
  | 'technical_file_overdue'
  | 'registration_due'
  | 'registration_overdue'
  | 'service_missing'
  | 'inspection_request'
  | 'inspection_overdue'
  | 'contract_expiring'
  | 'contract_expired'
  | 'visit_overdue'
  | 'fault_open'
  | 'followups_overdue';

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
 * windows closing, letters posted in time still to be checked, objections in
 * mediation or awaiting the bureau's reply, the technical file within 30 days
 * of acceptance, registration within 30 days of use, and stairwells 已达标
 * for more than 7 days that nobody confirmed. Overdue first, then soonest.
 * Door numbers and dates only.
 *
 * @example deadlines([{ stairwellId: 1, doorNumber: '3号', stage: 'in_service', ruleMetSince: null, windows: null, openObjections: 0, stageDates: { in_service: '2026-10-01' } }], '2026-12-01')[0].kind // 'registration_overdue'
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
    const legal = s.legal ?? {};
    const grace = s.postGraceDays ?? DEFAULT_POST_GRACE_DAYS;
    if (s.stage === 'public_notice' && s.windows) {
      const w = s.windows;
      const received = s.objectionsReceived ?? 0;
      if (today <= w.postedUntil) push(s, 'notice_closing', w.postedUntil, false, `${s.doorNumber} 方案公示至 ${w.postedUntil}`, `${s.doorNumber}: scheme posted until ${w.postedUntil}`);
      else if (today <= w.objectionsUntil) push(s, 'objections_closing', w.objectionsUntil, false, `${s.doorNumber} 书面异议期至 ${w.objectionsUntil}（以寄出邮戳为准）`, `${s.doorNumber}: objections received until ${w.objectionsUntil} (postmark counts)`);
      else {
        const graceUntil = addDays(w.closedOn, grace);
        const postDone = Boolean(legal.post_checked) || today >= graceUntil;
        if (!postDone)
          push(s, 'post_check', graceUntil, false, `${s.doorNumber} 异议期已满：请核对邮寄的异议信件（以邮戳为准）并登记已查收，或待 ${graceUntil}`, `${s.doorNumber}: objection window over: check the post (postmark counts), or wait until ${graceUntil}`);
        const replyDone = received === 0 || Boolean(legal.bureau_reply);
        if (!replyDone) push(s, 'bureau_reply_due', w.closedOn, false, `${s.doorNumber} 收到 ${received} 份书面异议，待登记规划资源局的异议答复`, `${s.doorNumber}: ${received} objection(s) received, awaiting the planning bureau's reply`);
        if (postDone && replyDone && s.openObjections === 0) push(s, 'notice_closed', w.closedOn, false, `${s.doorNumber} 公示期满，可进入联合审查`, `${s.doorNumber}: notice closed, ready for the joint review`);
      }
      if (s.openObjections > 0) push(s, 'objections_open', w.closedOn, today >= w.closedOn, `${s.doorNumber} 有 ${s.openObjections} 份书面异议在调解中`, `${s.doorNumber}: ${s.openObjections} objection(s) in mediation`);
    }
    for (const d of legalDeadlines({ stage: s.stage, stageDates: s.stageDates ?? {}, notice: null, existing: legal, objections: 0 })) {
      const late = today > d.due;
      if (d.kind === 'technical_file')
        push(s, late ? 'technical_file_overdue' : 'technical_file_due', d.due, late, `${s.doorNumber} 竣工验收后技术资料须于 ${d.due} 前移交使用管理单位${late ? '，已逾期' : ''}`, `${s.doorNumber}: hand over the technical file by ${d.due}${late ? ' (overdue)' : ''}`);
      if (d.kind === 'registration')
        push(s, late ? 'registration_overdue' : 'registration_due', d.due, late, `${s.doorNumber} 电梯投入使用后须于 ${d.due} 前办理使用登记${late ? '，已逾期' : ''}`, `${s.doorNumber}: register the lift by ${d.due}${late ? ' (overdue)' : ''}`);
    }
    const inUse = s.stageDates?.in_service;
    if (s.stage === 'in_service' && inUse && s.service !== undefined)
      for (const d of serviceDue(s.service, inUse, today)) {
        const v = s.service;
        if (d.kind === 'service_missing') push(s, d.kind, d.due, true, `${s.doorNumber} 电梯已投入使用，尚未登记使用管理单位和维保合同`, `${s.doorNumber}: in service with no maintenance agreement recorded`);
        if (d.kind === 'inspection_request') push(s, d.kind, d.due, d.overdue, `${s.doorNumber} 检验合格有效期至 ${v!.inspectionValidUntil}，须于 ${d.due} 前申请定期检验`, `${s.doorNumber}: request the periodic inspection by ${d.due}`);
        if (d.kind === 'inspection_overdue') push(s, d.kind, d.due, true, `${s.doorNumber} 定期检验已过期（有效期至 ${d.due}），电梯不得继续使用`, `${s.doorNumber}: periodic inspection expired on ${d.due}`);
        if (d.kind === 'contract_expiring') push(s, d.kind, d.due, false, `${s.doorNumber} 维保合同 ${d.due} 到期，请续签`, `${s.doorNumber}: maintenance contract ends ${d.due}`);
        if (d.kind === 'contract_expired') push(s, d.kind, d.due, true, `${s.doorNumber} 维保合同已于 ${d.due} 到期`, `${s.doorNumber}: maintenance contract ended ${d.due}`);
      }
    const u = s.stage === 'in_service' ? s.upkeep : null;
    if (u && s.service && today > u.nextVisitDue)
      push(s, 'visit_overdue', u.nextVisitDue, true, `${s.doorNumber} 电梯应于 ${u.nextVisitDue} 前维保（每 15 天一次），尚无记录`, `${s.doorNumber}: maintenance visit was due by ${u.nextVisitDue}`);
    if (u && u.openFaults > 0) push(s, 'fault_open', today, true, `${s.doorNumber} 电梯有 ${u.openFaults} 起故障尚未排除`, `${s.doorNumber}: ${u.openFaults} open fault(s)`);
    const late = s.followUpsOverdue ?? 0;
    if (late > 0 && s.stage === 'canvassing') push(s, 'followups_overdue', today, true, `${s.doorNumber} 有 ${late} 户约定回访已逾期`, `${s.doorNumber}: ${late} follow-up(s) overdue`);
  }
  return out.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due.localeCompare(b.due) || a.doorNumber.localeCompare(b.doorNumber, 'zh'));
}
