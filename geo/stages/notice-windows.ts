import { addDays } from '../time/index.ts';

/** The law's minimums for 公示 (SPEC §4): the scheme posted at least 10 days, then at least 7 days for written objections. */
export const MIN_NOTICE_DAYS = 10;
export const MIN_OBJECTION_DAYS = 7;
/** Upper bounds a typing slip cannot pass. */
export const MAX_NOTICE_DAYS = 60;
export const MAX_OBJECTION_DAYS = 30;
/** The lift is registered (使用登记) within this many days of acceptance. */
export const REGISTRATION_DUE_DAYS = 30;
/** A stairwell 已达标 for longer than this without staff confirming it is flagged. */
export const CONFIRM_WITHIN_DAYS = 7;

export interface NoticeWindows {
  /** First day posted. */
  start: string;
  /** Last day the scheme is posted. */
  postedUntil: string;
  /** First and last day written objections are received. */
  objectionsFrom: string;
  objectionsUntil: string;
  /** The first day the next stage may be recorded: both windows closed. */
  closedOn: string;
}

/**
 * 公示's two windows from its start date, in whole Shanghai days: posted for
 * `noticeDays` days from `start`, then `objectionDays` days for objections.
 *
 * @example noticeWindows('2026-12-01').closedOn // '2026-12-18'
 */
export function noticeWindows(start: string, noticeDays = MIN_NOTICE_DAYS, objectionDays = MIN_OBJECTION_DAYS): NoticeWindows {
  return {
    start,
    postedUntil: addDays(start, noticeDays - 1),
    objectionsFrom: addDays(start, noticeDays),
    objectionsUntil: addDays(start, noticeDays + objectionDays - 1),
    closedOn: addDays(start, noticeDays + objectionDays),
  };
}
