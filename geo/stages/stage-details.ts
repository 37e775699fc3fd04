/** The consent result a confirmation is recorded with: counts by head and by area (m²). */
export interface ConsentRecord {
  voters: { total: number; participating: number; agreeing: number };
  area: { total: number; participating: number; agreeing: number };
}

/** What a stage event carries beyond its stages and date (SPEC §4). */
export interface StageDetails {
  /** `consent_passed`: the rule's result on signed votes at that moment. */
  consent?: ConsentRecord;
  /** `public_notice`: days the scheme is posted (≥ 10), then days for written objections (≥ 7). */
  noticeDays?: number;
  objectionDays?: number;
  /** `public_notice`: days after the objection window that letters posted in time are awaited, unless staff confirm the post is checked. */
  postGraceDays?: number;
  /** `permitted`: the filing or permit number. */
  permitNumber?: string;
  /** `in_service` (older records): the lift's registration (使用登记) number, now a legal record of its own. */
  registrationNumber?: string;
}

/** How an objection raised during 公示 ends: withdrawn by its author, settled by mediation, or overruled with a note. */
export const OBJECTION_OUTCOMES = ['withdrawn', 'mediated', 'overruled'] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];
export type ObjectionStatus = 'mediating' | ObjectionOutcome;
