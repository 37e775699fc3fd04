import { addDays } from '../time/index.ts';

/**
 * A lift in service (issue "After the vote"): who manages its use (使用管理单位), who maintains it under which
 * agreement (licensed maintainer, price per lift per year at the campaign's scale, term, who guarantees it — 物业托底 —,
 * the model-building template), and when its inspection certificate runs out. Without such an agreement lifts have been
 * shut down (Xuhui, over a ¥2,400 fee): the wall flags a lift in service that has none.
 */
export interface LiftService {
  userUnit: string;
  maintainer: string;
  maintainerLicence: string;
  /** The maintainer's 24-hour line; residents also have 96333. */
  maintainerPhone: string;
  priceFenPerYear: number;
  termFrom: string;
  termTo: string;
  guarantor: string | null;
  template: string | null;
  /** The periodic inspection's certificate is valid until this day; a new inspection is requested a month before. */
  inspectionValidUntil: string;
}

/** Shanghai's lift emergency line, on every public page of a lift in service. */
export const LIFT_EMERGENCY_LINE = '96333';
/** A contract ending within this many days is flagged. */
export const CONTRACT_WARN_DAYS = 60;

/**
 * The same day one month earlier (the 31st in a shorter month: its last day).
 *
 * @example monthBefore('2027-03-31') // '2027-02-28'
 */
export function monthBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export interface ServiceProblem {
  field: keyof LiftService;
  message: string;
  zh: string;
}

/** Checks an agreement before it is recorded: names given, a term that ends after it starts, a price within bounds, an inspection not before use. */
export function checkLiftService(s: LiftService, inServiceOn: string): ServiceProblem | null {
  for (const [field, zh] of [
    ['userUnit', '使用管理单位'],
    ['maintainer', '维保单位'],
    ['maintainerLicence', '维保单位许可证编号'],
    ['maintainerPhone', '维保单位 24 小时电话'],
  ] as const)
    if (!s[field].trim()) return { field, message: `${field} is required`, zh: `请填写${zh}` };
  if (!/^[\d\s()+-]{5,20}$/.test(s.maintainerPhone)) return { field: 'maintainerPhone', message: 'expected a phone number', zh: '维保单位电话应为 5–20 位数字' };
  if (!Number.isInteger(s.priceFenPerYear) || s.priceFenPerYear < 0 || s.priceFenPerYear > 10_000_000)
    return { field: 'priceFenPerYear', message: 'expected a yearly price of ¥0–¥100,000 in whole fen', zh: '每台每年维保价格应在 0 至 10 万元之间' };
  if (s.termTo <= s.termFrom) return { field: 'termTo', message: `the term ends (${s.termTo}) before it starts (${s.termFrom})`, zh: `合同期止 ${s.termTo} 应晚于起始 ${s.termFrom}` };
  if (s.inspectionValidUntil < inServiceOn)
    return { field: 'inspectionValidUntil', message: `the inspection is valid until ${s.inspectionValidUntil}, before the lift was put into use (${inServiceOn})`, zh: `检验合格有效期 ${s.inspectionValidUntil} 早于投入使用日期 ${inServiceOn}` };
  return null;
}

export type ServiceDueKind = 'service_missing' | 'inspection_request' | 'inspection_overdue' | 'contract_expiring' | 'contract_expired';

/** What a lift in service needs on `today`: an agreement at all, the inspection requested a month before it runs out, a contract renewed before it ends. */
export function serviceDue(service: LiftService | null, inServiceOn: string, today: string): { kind: ServiceDueKind; due: string; overdue: boolean }[] {
  if (!service) return [{ kind: 'service_missing', due: inServiceOn, overdue: true }];
  const out: { kind: ServiceDueKind; due: string; overdue: boolean }[] = [];
  const request = monthBefore(service.inspectionValidUntil);
  if (today > service.inspectionValidUntil) out.push({ kind: 'inspection_overdue', due: service.inspectionValidUntil, overdue: true });
  else if (today >= request) out.push({ kind: 'inspection_request', due: request, overdue: today > request });
  if (today > service.termTo) out.push({ kind: 'contract_expired', due: service.termTo, overdue: true });
  else if (today >= addDays(service.termTo, -CONTRACT_WARN_DAYS)) out.push({ kind: 'contract_expiring', due: service.termTo, overdue: false });
  return out;
}
