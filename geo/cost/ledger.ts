import { SUBSIDY_CAP_YUAN, SUBSIDY_SHARE } from './flat-share.ts';

/**
 * The money of one stairwell's lift, in fen (integers, never floats): the
 * split the owners agreed and signed, what each flat owes, has paid (cash or
 * 住房公积金), what hardship arrangements cover, and the subsidy, which is
 * claimed and received only after acceptance, so the owners advance it.
 */
export const SPLIT_METHODS = ['floor_coefficients', 'by_area', 'custom'] as const;
export type SplitMethod = (typeof SPLIT_METHODS)[number];
export const SPLIT_ZH: Record<SplitMethod, string> = { floor_coefficients: '按楼层系数', by_area: '按建筑面积（无约定时的默认）', custom: '自定分摊表' };

export const MONEY_KINDS = ['payment', 'provident_fund', 'hardship'] as const;
export type MoneyKind = (typeof MONEY_KINDS)[number];
export const MONEY_ZH: Record<MoneyKind, string> = { payment: '缴款', provident_fund: '住房公积金提取', hardship: '困难减免' };

export interface LedgerFlat {
  flatId: number;
  room: string;
  floor: number;
  /** Exclusive area in centi-m² (as the register stores it); null while unknown. */
  areaCentiM2: number | null;
}

export interface Agreement {
  method: SplitMethod;
  agreedOn: string;
  liftCostFen: number;
  /** Floors 1–6, in %: `floor_coefficients` only. */
  coefficients?: readonly number[];
  /** Each flat's part of the owners' share, fen: `custom` only (keys are flat ids). */
  custom?: Readonly<Record<string, number>>;
}

export interface MoneyEntry {
  flatId: number;
  kind: MoneyKind;
  amountFen: number;
}

export interface Subsidy {
  claimedFen: number | null;
  receivedFen: number | null;
}

export interface LedgerLine {
  flatId: number;
  room: string;
  floor: number;
  /** This flat's part of the owners' share (the cost less the subsidy): what it finally pays. */
  dueFen: number;
  /** Its part of the subsidy, advanced until the subsidy is received. */
  advanceFen: number;
  paidFen: number;
  providentFundFen: number;
  hardshipFen: number;
  /** Still to pay now: due, plus the advance while the subsidy is not received, less paid and hardship; never below 0. */
  outstandingFen: number;
  /** Paid beyond what it owes (the advance back once the subsidy arrives). */
  refundFen: number;
}

/** The capped subsidy for a lift of this cost, fen. */
export function subsidyFen(liftCostFen: number): number {
  return Math.min(SUBSIDY_CAP_YUAN * 100, Math.round(liftCostFen * SUBSIDY_SHARE));
}

/**
 * Splits `totalFen` over weights so the parts are whole fen and add up to the total exactly (largest remainder; ties to
 * the earlier entry).
 *
 * @example splitFen(100, [1, 1, 1]) // [34, 33, 33]
 */
export function splitFen(totalFen: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + w, 0);
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? totalFen : 0));
  const exact = weights.map((w) => (totalFen * w) / sum);
  const parts = exact.map(Math.floor);
  let left = totalFen - parts.reduce((a, p) => a + p, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}

/** Each flat's weight under the agreed split: its floor's coefficient shared by area, or its area. */
export function splitWeights(flats: readonly LedgerFlat[], a: Agreement): number[] {
  const area = (f: LedgerFlat) => f.areaCentiM2 ?? 0;
  if (a.method === 'by_area') return flats.map(area);
  const coefficients = a.coefficients ?? [];
  return flats.map((f) => {
    const floor = flats.filter((g) => g.floor === f.floor);
    const floorArea = floor.reduce((s, g) => s + area(g), 0);
    const c = coefficients[f.floor - 1] ?? 0;
    return floorArea > 0 ? (c * area(f)) / floorArea : c / floor.length;
  });
}

export interface AgreementProblem {
  field: 'liftCostFen' | 'coefficients' | 'custom' | 'method';
  message: string;
  zh: string;
}

/**
 * Checks a split before it is recorded: a cost within bounds; six coefficients that add up to 100 %; by area only when
 * every area is known; a custom table naming every flat, none negative, adding up to the owners' share exactly.
 */
export function checkAgreement(flats: readonly LedgerFlat[], a: Agreement): AgreementProblem | null {
  if (!Number.isInteger(a.liftCostFen) || a.liftCostFen < 10_000_000 || a.liftCostFen > 200_000_000)
    return { field: 'liftCostFen', message: 'expected a lift cost of ¥100,000–¥2,000,000 in whole fen', zh: '电梯造价应在 10 万至 200 万元之间' };
  if (a.method === 'floor_coefficients') {
    const c = a.coefficients ?? [];
    const sum = c.reduce((s, x) => s + x, 0);
    if (c.length !== 6 || c.some((x) => !Number.isInteger(x) || x < 0 || x > 100) || sum !== 100)
      return { field: 'coefficients', message: `expected six whole percentages (floors 1–6) adding up to 100, got ${c.join('/')} = ${sum}`, zh: `楼层系数应为 6 个整数百分比（1–6 层），合计 100%，填写的是 ${c.join('/')}，合计 ${sum}%` };
  }
  if (a.method === 'by_area' && flats.some((f) => f.areaCentiM2 === null))
    return { field: 'method', message: 'every flat needs its area to split by area', zh: `按面积分摊需要每户的面积：${flats.filter((f) => f.areaCentiM2 === null).map((f) => f.room).join('、')} 室面积未知` };
  if (a.method === 'custom') {
    const owners = a.liftCostFen - subsidyFen(a.liftCostFen);
    const table = a.custom ?? {};
    const missing = flats.filter((f) => table[String(f.flatId)] === undefined);
    if (missing.length > 0) return { field: 'custom', message: `the table misses ${missing.length} flat(s)`, zh: `分摊表缺少 ${missing.map((f) => f.room).join('、')} 室` };
    const values = flats.map((f) => table[String(f.flatId)]!);
    if (values.some((v) => !Number.isInteger(v) || v < 0 || v > owners))
      return { field: 'custom', message: `each flat's part is whole fen from 0 to the owners' share (${owners})`, zh: `每户分摊额应在 0 至业主承担总额 ${(owners / 100).toFixed(2)} 元之间` };
    const sum = values.reduce((s, v) => s + v, 0);
    if (sum !== owners)
      return { field: 'custom', message: `the table adds up to ${sum} fen, not the owners' share of ${owners}`, zh: `分摊表合计 ${(sum / 100).toFixed(2)} 元，与业主承担总额 ${(owners / 100).toFixed(2)} 元不符` };
  }
  return null;
}

/** Every flat's line of the ledger under the agreement, and the stairwell's totals. */
export function ledger(flats: readonly LedgerFlat[], a: Agreement, entries: readonly MoneyEntry[], subsidy: Subsidy) {
  const subsidyExpected = subsidyFen(a.liftCostFen);
  const owners = a.liftCostFen - subsidyExpected;
  const w = splitWeights(flats, a);
  const due = a.method === 'custom' ? flats.map((f) => a.custom?.[String(f.flatId)] ?? 0) : splitFen(owners, w);
  // The advance follows the same split as the cost (a custom table: in proportion to its parts).
  const advance = splitFen(subsidyExpected, a.method === 'custom' ? due : w);
  const received = subsidy.receivedFen !== null;
  const lines: LedgerLine[] = flats.map((f, i) => {
    const mine = entries.filter((e) => e.flatId === f.flatId);
    const sumOf = (k: MoneyEntry['kind']) => mine.filter((e) => e.kind === k).reduce((s, e) => s + e.amountFen, 0);
    const paid = sumOf('payment') + sumOf('provident_fund');
    const owes = due[i]! + (received ? 0 : advance[i]!) - sumOf('hardship');
    return {
      flatId: f.flatId,
      room: f.room,
      floor: f.floor,
      dueFen: due[i]!,
      advanceFen: advance[i]!,
      paidFen: paid,
      providentFundFen: sumOf('provident_fund'),
      hardshipFen: sumOf('hardship'),
      outstandingFen: Math.max(0, owes - paid),
      refundFen: Math.max(0, paid - owes),
    };
  });
  const total = (k: keyof LedgerLine) => lines.reduce((s, l) => s + (l[k] as number), 0);
  return {
    lines,
    liftCostFen: a.liftCostFen,
    subsidyExpectedFen: subsidyExpected,
    ownersShareFen: owners,
    paidFen: total('paidFen'),
    outstandingFen: total('outstandingFen'),
    hardshipFen: total('hardshipFen'),
    /** What the owners have advanced of the subsidy so far (paid beyond their final share), while it is not received. */
    advancedFen: received ? 0 : Math.max(0, total('paidFen') - owners),
  };
}

/** ¥1,234.50 from fen, as a statement prints it. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * An amount typed in yuan ("1,234.5", "¥1234.50") in whole fen, without floating point; null when it is not an
 * amount with at most two decimals.
 *
 * @example fenFromText('1,234.5') // 123450
 */
export function fenFromText(text: string): number | null {
  const m = /^\s*¥?\s*(\d{1,3}(?:,\d{3})+|\d{1,10})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]!.replaceAll(',', '')) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/**
 * What each flat pays a year for its lift's maintenance: the yearly price split as the owners agreed to split the
 * cost (the ground floor may pay nothing), or by area when no split is recorded (Shanghai's default). Whole fen that add
 * up to the price.
 */
export function maintenanceShares(flats: readonly LedgerFlat[], agreement: Pick<Agreement, 'method' | 'coefficients' | 'custom'> | null, priceFenPerYear: number): { flatId: number; floor: number; feeFen: number }[] {
  const weights = !agreement
    ? flats.map((f) => f.areaCentiM2 ?? 0)
    : agreement.method === 'custom'
      ? flats.map((f) => agreement.custom?.[String(f.flatId)] ?? 0)
      : splitWeights(flats, { ...agreement, agreedOn: '', liftCostFen: 0 });
  const fees = splitFen(priceFenPerYear, weights);
  return flats.map((f, i) => ({ flatId: f.flatId, floor: f.floor, feeFen: fees[i]! }));
}
