import { halfWidth } from './register-cells.ts';
import { REGISTER_COLUMNS, type RegisterColumn } from './register-columns.ts';

/** A register column, or 单元 (the unit within a building sheet, read into the door number). */
export type SheetColumn = RegisterColumn | 'unit';

/**
 * Header words committees use for each column, beside SPEC §7's English
 * and Chinese names. Areas are ranked: the exclusive or certificate area
 * first (SPEC §3: the property register, else the survey, else the contract).
 */
const SYNONYMS: Record<SheetColumn, string[]> = {
  doorNumber: ['门牌号', '门牌', '门洞', '门洞号', '门号', '地址', '楼门号'],
  unit: ['单元', '单元号'],
  floor: ['楼层', '层', '层数', '所在楼层', '层次'],
  room: ['室号', '户号', '房号', '室', '房间号', '门室号', '房屋号'],
  areaM2: ['面积', '专有面积', '专有部分面积', '产证面积', '产权面积', '建筑面积', '实测面积', '测绘面积', '合同面积', '房屋面积', '使用面积'],
  voterId: ['表决人编号', '表决人', '产权人编号', '业主编号', '户籍编号', '编号'],
  voterName: ['姓名', '产权人', '承租人', '业主', '户主', '业主姓名', '产权人姓名', '承租人姓名', '产权人（承租人）', '产权人/承租人'],
  phone: ['电话', '联系电话', '手机', '手机号', '手机号码', '联系方式'],
  residents: ['人数', '常住人口', '常住人数', '居住人数', '在住人数', '家庭人数'],
  aged60to79: ['60-79岁', '60至79岁', '60~79岁', '60-79岁人数'],
  aged80plus: ['80岁以上', '80岁及以上', '80岁以上人数'],
  status: ['状态', '意见', '表决意见', '签字情况', '态度', '征询意见', '是否同意'],
  concerns: ['顾虑', '主要顾虑', '诉求', '顾虑与诉求'],
  note: ['备注', '说明', '情况说明'],
  version: ['版本'],
};

/** Which area a register holds first: exclusive or certificate area over survey over contract over building area. */
const AREA_RANK: [RegExp, number][] = [
  [/专有|产证|产权/, 0],
  [/实测|测绘/, 1],
  [/合同/, 2],
  [/建筑|房屋|使用/, 3],
];

/** A header as compared: half-width, no spaces, no unit in brackets (面积（㎡）→ 面积), lower case. */
export function normaliseHeader(text: string): string {
  return halfWidth(text)
    .replace(/^\uFEFF/, '')
    .replace(/[\s\n\r]+/g, '')
    .replace(/[（(][^）)]*[）)]$/, '')
    .replace(/[:：*]+$/, '')
    .toLowerCase();
}

const BY_WORD = new Map<string, SheetColumn>(
  (Object.entries(SYNONYMS) as [SheetColumn, string[]][]).flatMap(([column, words]) => [
    ...words.map((w) => [normaliseHeader(w), column] as const),
    [column.toLowerCase(), column] as const,
    ...(column !== 'unit' ? [[normaliseHeader(REGISTER_COLUMNS[column]), column] as const] : []),
  ]),
);

/**
 * The column a header names, in English, SPEC §7's Chinese or a committee's
 * own words (户号, 产证面积, 产权人, 联系电话 …); null for none.
 *
 * @example sheetColumnOf(' 产证面积（㎡） ') // 'areaM2'
 */
export function sheetColumnOf(header: string): SheetColumn | null {
  return BY_WORD.get(normaliseHeader(header)) ?? null;
}

export interface SheetHeader {
  /** Rows (0-based) the header takes: one, or two when a merged heading stands over sub-headings. */
  rows: number[];
  /** The column each cell is read into, by position; null for columns LiftMap does not read. */
  columns: (SheetColumn | null)[];
  /** The header as the file writes it, by position, for messages. */
  text: string[];
  /** For each area column, how it ranks (0 first). */
  areaRank: Map<number, number>;
}

function mapping(cells: string[][]): SheetHeader['columns'] {
  const width = Math.max(...cells.map((c) => c.length));
  return Array.from({ length: width }, (_, i) => {
    // The lower heading (产证面积 under a merged 面积) says more than the one above it.
    for (const c of [...cells].reverse()) {
      const found = sheetColumnOf(c[i] ?? '');
      if (found) return found;
    }
    return null;
  });
}

const score = (columns: SheetHeader['columns']) => {
  const found = new Set(columns.filter((c): c is SheetColumn => c !== null));
  return found.has('room') ? found.size : 0;
};

/**
 * Where a sheet's header is: the first 20 rows are searched for the row
 * (or merged heading over sub-headings) naming the most register columns,
 * at least the room and two others; title rows above it are skipped.
 * Null when no row looks like a register's header.
 */
export function findSheetHeader(rows: string[][]): SheetHeader | null {
  let best: { at: number[]; columns: SheetHeader['columns']; score: number } | null = null;
  for (let i = 0; i < Math.min(rows.length, 20); i++) {
    for (const at of [[i], [i, i + 1]]) {
      if (at.some((r) => r >= rows.length)) continue;
      const columns = mapping(at.map((r) => rows[r]!));
      const s = score(columns);
      // A second heading row counts only when it reads more columns than the first alone.
      if (s >= 3 && (!best || s > best.score)) best = { at, columns, score: s };
    }
  }
  if (!best) return null;
  const { at, columns } = best;
  const text = columns.map((_, i) => at.map((r) => rows[r]![i] ?? '').filter((t, k, all) => t.trim() && all.indexOf(t) === k).join(' ').trim());
  const areaRank = new Map<number, number>();
  columns.forEach((c, i) => {
    if (c === 'areaM2') areaRank.set(i, AREA_RANK.find(([re]) => re.test(text[i] ?? ''))?.[1] ?? 4);
  });
  return { rows: at, columns, text, areaRank };
}
