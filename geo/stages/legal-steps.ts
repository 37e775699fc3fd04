import { addDays } from '../time/index.ts';
import { noticeWindows } from './notice-windows.ts';
import { STAGE_ZH, stageIndex, type Stage } from './stages.ts';

/**
 * The steps the law adds between the pipeline's stages (SPEC §4, issue
 * "After the vote"), each a dated document of its own:
 * - 异议信件已查收: after 公示's windows, staff confirm the post has been
 *   checked (a letter counts by its postmark), or the grace days pass;
 * - 规划资源局异议答复: the planning bureau's reply to objections (上海市城乡规划条例 art. 37);
 * - 施工告知: the installer's written notice to market supervision before installing (特种设备安全法 art. 23);
 * - 监督检验: the inspection the lift passes before it may be used (art. 25);
 * - 技术资料移交: the technical file, handed over within 30 days of acceptance (art. 24);
 * - 使用登记: registration, before use or within 30 days after it is put into use (art. 33).
 */
export const LEGAL_KINDS = ['post_checked', 'bureau_reply', 'construction_notice', 'supervision_inspection', 'technical_file', 'registration'] as const;
export type LegalKind = (typeof LEGAL_KINDS)[number];

export const LEGAL_ZH: Record<LegalKind, string> = {
  post_checked: '异议信件已查收',
  bureau_reply: '规划资源局异议答复',
  construction_notice: '施工告知',
  supervision_inspection: '监督检验',
  technical_file: '技术资料移交',
  registration: '使用登记',
};
export const LEGAL_EN: Record<LegalKind, string> = {
  post_checked: 'Objection post checked',
  bureau_reply: "Planning bureau's reply to objections",
  construction_notice: 'Notice of installation',
  supervision_inspection: 'Supervisory inspection',
  technical_file: 'Technical file handed over',
  registration: 'Registration',
};

/** What each record needs: the stage it may be made from, and the document's number (what it is called). */
export const LEGAL_STEP: Record<LegalKind, { from: Stage; referenceZh: string | null; referenceEn: string | null }> = {
  post_checked: { from: 'public_notice', referenceZh: null, referenceEn: null },
  bureau_reply: { from: 'public_notice', referenceZh: '答复文号', referenceEn: 'reply reference' },
  construction_notice: { from: 'permitted', referenceZh: '告知书编号', referenceEn: 'notice number' },
  supervision_inspection: { from: 'under_construction', referenceZh: '监督检验报告编号', referenceEn: 'inspection report number' },
  technical_file: { from: 'accepted', referenceZh: null, referenceEn: null },
  registration: { from: 'accepted', referenceZh: '使用登记证编号', referenceEn: 'registration number' },
};

/** Days after 公示's windows close that letters posted in time may still arrive, unless staff confirm the post is checked. */
export const DEFAULT_POST_GRACE_DAYS = 5;
export const MAX_POST_GRACE_DAYS = 15;
/** Registration within 30 days of being put into use; the technical file within 30 days of acceptance. */
export const REGISTER_WITHIN_DAYS = 30;
export const TECHNICAL_FILE_WITHIN_DAYS = 30;

/** A stairwell's legal records by kind: the date of each (one each). */
export type LegalDates = Partial<Record<LegalKind, string>>;

export interface LegalRecordInput {
  kind: LegalKind;
  on: string;
  reference: string | null;
  today: string;
  /** Where the stairwell stands (a suspended one: where it resumes). */
  stage: Stage;
  /** The date each stage that still stands was entered. */
  stageDates: Partial<Record<Stage, string>>;
  /** 公示 as recorded, if the stairwell has one. */
  notice: { start: string; noticeDays: number; objectionDays: number } | null;
  /** How many objections were received, and the last day one was. */
  objections: { count: number; lastReceivedOn: string | null };
  existing: LegalDates;
}

export interface LegalRefusal {
  code: 'date_in_future' | 'too_early' | 'date_before_stage' | 'reference_required' | 'already_recorded' | 'nothing_to_answer';
  field: 'kind' | 'on' | 'reference';
  message: string;
  zh: string;
}

const refusal = (code: LegalRefusal['code'], field: LegalRefusal['field'], message: string, zh: string): LegalRefusal => ({ code, field, message, zh });

/**
 * Checks one legal record: made once, from its stage on, dated no later than
 * today and no earlier than the step it follows (the post only after the
 * windows close; the bureau's reply only to objections received, after the
 * last of them), with its document number where it has one. Null when allowed.
 *
 * @example checkLegalRecord({ kind: 'construction_notice', on: '2027-03-01', reference: 'X', today: '2027-03-02', stage: 'public_notice', stageDates: {}, notice: null, objections: { count: 0, lastReceivedOn: null }, existing: {} })?.code // 'too_early'
 */
export function checkLegalRecord(r: LegalRecordInput): LegalRefusal | null {
  const step = LEGAL_STEP[r.kind];
  const name = LEGAL_ZH[r.kind];
  if (r.existing[r.kind]) return refusal('already_recorded', 'kind', `${r.kind} is already recorded (${r.existing[r.kind]})`, `${name}已登记（${r.existing[r.kind]}）；如有误请先撤销`);
  if (r.on > r.today) return refusal('date_in_future', 'on', `the date ${r.on} is after today (${r.today})`, `日期 ${r.on} 晚于今天（${r.today}）`);
  if (stageIndex(r.stage) < stageIndex(step.from))
    return refusal('too_early', 'kind', `${r.kind} is recorded from ${step.from} on; the stairwell is at ${r.stage}`, `${name}须在“${STAGE_ZH[step.from]}”之后登记，本门洞现为“${STAGE_ZH[r.stage]}”`);
  if (step.referenceZh && !r.reference?.trim()) return refusal('reference_required', 'reference', `the ${step.referenceEn} is required`, `请填写${step.referenceZh}`);
  const after = (date: string | undefined | null, what: string, whatEn: string) =>
    date && r.on < date ? refusal('date_before_stage', 'on', `the date ${r.on} is before ${whatEn} (${date})`, `${name}日期 ${r.on} 早于${what}（${date}）`) : null;
  if (r.kind === 'post_checked' || r.kind === 'bureau_reply') {
    if (!r.notice) return refusal('too_early', 'kind', 'the stairwell has no public notice', `本门洞没有公示记录，不能登记${name}`);
    const w = noticeWindows(r.notice.start, r.notice.noticeDays, r.notice.objectionDays);
    if (r.kind === 'post_checked') return after(w.closedOn, '异议期结束后的第一天', 'the day after the objection window');
    if (r.objections.count === 0) return refusal('nothing_to_answer', 'kind', 'no objection was received: there is nothing to answer', '没有收到书面异议，无需登记异议答复');
    return after(r.objections.lastReceivedOn, '最后一份异议的收到日期', 'the last objection received');
  }
  const stageOf: Record<Exclude<LegalKind, 'post_checked' | 'bureau_reply'>, Stage> = {
    construction_notice: 'permitted',
    supervision_inspection: 'under_construction',
    technical_file: 'accepted',
    registration: 'accepted',
  };
  const s = stageOf[r.kind];
  return after(r.stageDates[s], `“${STAGE_ZH[s]}”的日期`, `the ${s} date`);
}

/** When each deadline falls, from what stands: registration 30 days after use, the technical file 30 days after acceptance, the post after its grace days. */
export function legalDeadlines(input: {
  stage: Stage;
  stageDates: Partial<Record<Stage, string>>;
  notice: { start: string; noticeDays: number; objectionDays: number; postGraceDays?: number } | null;
  existing: LegalDates;
  objections: number;
}): { kind: LegalKind; due: string }[] {
  const out: { kind: LegalKind; due: string }[] = [];
  const { stageDates, existing } = input;
  if (input.stage === 'public_notice' && input.notice) {
    const w = noticeWindows(input.notice.start, input.notice.noticeDays, input.notice.objectionDays);
    if (!existing.post_checked) out.push({ kind: 'post_checked', due: addDays(w.closedOn, input.notice.postGraceDays ?? DEFAULT_POST_GRACE_DAYS) });
    if (input.objections > 0 && !existing.bureau_reply) out.push({ kind: 'bureau_reply', due: w.closedOn });
  }
  if (stageDates.accepted && !existing.technical_file && stageIndex(input.stage) >= stageIndex('accepted')) out.push({ kind: 'technical_file', due: addDays(stageDates.accepted, TECHNICAL_FILE_WITHIN_DAYS) });
  if (stageDates.in_service && !existing.registration && input.stage === 'in_service') out.push({ kind: 'registration', due: addDays(stageDates.in_service, REGISTER_WITHIN_DAYS) });
  return out;
}
