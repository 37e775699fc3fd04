import { addDays, daysBetween } from '../time/index.ts';

/**
 * A lift's life in service after handover: the maintainer's visits, faults and
 * trapped-passenger rescues, and repairs paid from the maintenance fund. The
 * rules are the national ones (TSG T5002 电梯维护保养规则; 特种设备安全法) and
 * Shanghai's practice for the fund.
 */

/** A maintenance visit is due at least every 15 days (TSG T5002: 半月维保). */
export const VISIT_INTERVAL_DAYS = 15;
/** A trapped passenger is reached within 30 minutes of the alarm (上海市电梯安全管理办法). */
export const RESCUE_STANDARD_MINUTES = 30;
/** A repair from the maintenance fund is posted for 7 days before the money may be approved. */
export const REPAIR_NOTICE_DAYS = 7;

/** What a visit covered: every visit is the half-monthly one; some add the quarterly, half-yearly or yearly items. */
export const VISIT_KINDS = ['half_month', 'quarterly', 'half_year', 'annual'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
export const VISIT_KIND_ZH: Record<VisitKind, string> = { half_month: '半月维保', quarterly: '季度维保', half_year: '半年维保', annual: '年度维保' };

/** A breakdown, or passengers trapped in the car (困人). */
export const FAULT_KINDS = ['fault', 'entrapment'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export const FAULT_KIND_ZH: Record<FaultKind, string> = { fault: '故障停梯', entrapment: '困人' };

/** Times are Shanghai wall-clock ISO with +08:00 (YYYY-MM-DDTHH:MM:SS+08:00), so they compare as strings. */
export interface FaultTimes {
  kind: FaultKind;
  alarmAt: string;
  arrivedAt: string | null;
  /** Only for entrapments: when the last passenger was out. */
  releasedAt: string | null;
  /** The lift runs again. */
  resolvedAt: string | null;
}

export interface LifecycleProblem {
  field: string;
  message: string;
  zh: string;
}

/** Whole minutes from one +08:00 time to another. */
export function minutesBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 60_000);
}

/**
 * A fault's times are in order and not in the future: arrival, release and repair after the alarm, release and
 * repair after arrival; a release only for trapped passengers.
 */
export function checkFaultTimes(f: FaultTimes, nowIso: string): LifecycleProblem | null {
  const later: [keyof FaultTimes, string | null, string][] = [
    ['alarmAt', f.alarmAt, '报警时间'],
    ['arrivedAt', f.arrivedAt, '到场时间'],
    ['releasedAt', f.releasedAt, '解困时间'],
    ['resolvedAt', f.resolvedAt, '恢复运行时间'],
  ];
  for (const [field, at, zh] of later)
    if (at !== null && at > nowIso) return { field, message: `${field} (${at}) is in the future`, zh: `${zh} ${at.slice(0, 16).replace('T', ' ')} 晚于现在` };
  if (f.kind === 'fault' && f.releasedAt !== null) return { field: 'releasedAt', message: 'only a trapped-passenger incident has a release time', zh: '只有困人事件才有解困时间' };
  for (const [field, at, zh] of later.slice(1)) {
    if (at === null) continue;
    if (at < f.alarmAt) return { field, message: `${field} (${at}) is before the alarm (${f.alarmAt})`, zh: `${zh}早于报警时间` };
    if (field !== 'arrivedAt' && f.arrivedAt !== null && at < f.arrivedAt) return { field, message: `${field} (${at}) is before the arrival (${f.arrivedAt})`, zh: `${zh}早于到场时间` };
  }
  if (f.kind === 'entrapment' && f.resolvedAt !== null && f.releasedAt === null) return { field: 'releasedAt', message: 'a trapped passenger must be released before the lift is back in service', zh: '困人事件须先登记解困时间' };
  return null;
}

/** Minutes from alarm to arrival, and whether that met the 30-minute standard (only entrapments are held to it). */
export function arrivalMinutes(f: FaultTimes): { minutes: number; late: boolean } | null {
  if (f.arrivedAt === null) return null;
  const minutes = minutesBetween(f.alarmAt, f.arrivedAt);
  return { minutes, late: f.kind === 'entrapment' && minutes > RESCUE_STANDARD_MINUTES };
}

/** The day the next visit is due: 15 days after the last, or after the lift was put into use. */
export function nextVisitDue(lastVisitOn: string | null, inServiceOn: string): string {
  return addDays(lastVisitOn !== null && lastVisitOn > inServiceOn ? lastVisitOn : inServiceOn, VISIT_INTERVAL_DAYS);
}

/** The first day a repair posted on `noticedOn` may be approved. */
export function repairApprovableFrom(noticedOn: string): string {
  return addDays(noticedOn, REPAIR_NOTICE_DAYS);
}

/** A repair's approval is refused before its notice has been up 7 whole days. */
export function checkRepairApproval(noticedOn: string, approvedOn: string, today: string): LifecycleProblem | null {
  if (approvedOn > today) return { field: 'approvedOn', message: `approvedOn (${approvedOn}) is after today`, zh: `批准日期 ${approvedOn} 晚于今天` };
  const from = repairApprovableFrom(noticedOn);
  if (approvedOn < from)
    return {
      field: 'approvedOn',
      message: `the repair was posted on ${noticedOn}; it may be approved from ${from} (${REPAIR_NOTICE_DAYS} days' notice)`,
      zh: `维修资金使用公示 ${noticedOn} 起须满 ${REPAIR_NOTICE_DAYS} 天，${from} 起才能批准`,
    };
  return null;
}

/** What colours a lift in service, worst first. */
export const LIFT_HEALTH = ['fault_open', 'inspection_overdue', 'no_contract', 'visit_overdue', 'contract_expiring', 'ok'] as const;
export type LiftHealth = (typeof LIFT_HEALTH)[number];

export interface HealthInput {
  inServiceOn: string;
  /** The newest agreement's term end and inspection validity; null when no agreement is recorded. */
  service: { termTo: string; inspectionValidUntil: string } | null;
  lastVisitOn: string | null;
  openFaults: number;
}

/** A lift's health on `today`: its worst problem, or ok. */
export function liftHealth(h: HealthInput, today: string, contractWarnDays: number): LiftHealth {
  if (h.openFaults > 0) return 'fault_open';
  if (h.service && today > h.service.inspectionValidUntil) return 'inspection_overdue';
  if (!h.service || today > h.service.termTo) return 'no_contract';
  if (today > nextVisitDue(h.lastVisitOn, h.inServiceOn)) return 'visit_overdue';
  if (daysBetween(today, h.service.termTo) <= contractWarnDays) return 'contract_expiring';
  return 'ok';
}

export interface LifecycleSummary {
  inService: number;
  byHealth: Record<LiftHealth, number>;
  visitsThisMonth: number;
  openFaults: number;
  /** Mean minutes from alarm to arrival over the last 12 months' faults with an arrival; null when none. */
  meanArrivalMinutes: number | null;
  /** Entrapments in the last 12 months reached after 30 minutes. */
  lateRescues: number;
}

/** The wall's lifecycle panel from each lift's health and the estate's visits and faults. */
export function lifecycleSummary(
  health: readonly LiftHealth[],
  visitDays: readonly string[],
  faults: readonly FaultTimes[],
  today: string,
): LifecycleSummary {
  const byHealth = Object.fromEntries(LIFT_HEALTH.map((k) => [k, 0])) as Record<LiftHealth, number>;
  for (const h of health) byHealth[h]++;
  const month = today.slice(0, 7);
  const yearAgo = addDays(today, -365);
  const recent = faults.filter((f) => f.alarmAt.slice(0, 10) > yearAgo);
  const arrivals = recent.map(arrivalMinutes).filter((a) => a !== null);
  return {
    inService: health.length,
    byHealth,
    visitsThisMonth: visitDays.filter((d) => d.slice(0, 7) === month).length,
    openFaults: faults.filter((f) => f.resolvedAt === null).length,
    meanArrivalMinutes: arrivals.length ? Math.round(arrivals.reduce((s, a) => s + a.minutes, 0) / arrivals.length) : null,
    lateRescues: arrivals.filter((a) => a.late).length,
  };
}
