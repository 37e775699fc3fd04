import { daysBetween } from '../time/index.ts';

/** How a stairwell of the adopted programme (施工计划) stands against its planned bar. */
export type ProgrammeStatus =
  /** Not started, and ready by its planned start. */
  | 'on_time'
  /** Not started, and its earliest ready day (real dates plus lead times) falls after its planned start. */
  | 'at_risk'
  /** Its planned start has passed and it has not started (slippage counted to the earliest day it can start). */
  | 'late_start'
  /** Building, started on or before its planned start, within its planned end. */
  | 'building'
  /** Building, started after its planned start. */
  | 'started_late'
  /** Building past its planned end. */
  | 'overrun'
  /** Accepted on or before its planned end. */
  | 'done'
  /** Accepted after its planned end. */
  | 'done_late';

export interface ProgrammeRow {
  planned: { start: string; end: string };
  actual: { start: string | null; end: string | null };
  /** Earliest construction start from real dates (null once started or when suspended). */
  readyDate: string | null;
}

const SLIPPED: ReadonlySet<ProgrammeStatus> = new Set(['at_risk', 'late_start', 'started_late', 'overrun', 'done_late']);

/**
 * A stairwell's status against the programme and its slippage in days (how
 * late it is, or will be at the earliest, against the planned bar; 0 when on
 * time). Building past its planned end counts the days overrun so far.
 *
 * @example progressAgainstPlan({ planned: { start: '2027-03-01', end: '2027-05-10' }, actual: { start: '2027-03-15', end: null }, readyDate: null }, '2027-04-01') // { status: 'started_late', slipDays: 14, slipped: true }
 */
export function progressAgainstPlan(row: ProgrammeRow, today: string): { status: ProgrammeStatus; slipDays: number; slipped: boolean } {
  const { planned, actual } = row;
  const late = (from: string, to: string) => Math.max(0, daysBetween(from, to));
  let status: ProgrammeStatus;
  let slipDays = 0;
  if (actual.end) {
    slipDays = late(planned.end, actual.end);
    status = slipDays > 0 ? 'done_late' : 'done';
  } else if (actual.start) {
    if (today > planned.end) [status, slipDays] = ['overrun', late(planned.end, today)];
    else if (actual.start > planned.start) [status, slipDays] = ['started_late', late(planned.start, actual.start)];
    else status = 'building';
  } else if (today > planned.start) {
    // It starts today at the earliest, or when it is ready if later.
    const earliest = row.readyDate && row.readyDate > today ? row.readyDate : today;
    [status, slipDays] = ['late_start', late(planned.start, earliest)];
  }
  else if (row.readyDate && row.readyDate > planned.start) [status, slipDays] = ['at_risk', late(planned.start, row.readyDate)];
  else status = 'on_time';
  return { status, slipDays, slipped: SLIPPED.has(status) };
}
