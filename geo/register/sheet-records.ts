import { problem, type Problem } from '../problems/index.ts';
import { floorCell, halfWidth, roomCell } from './register-cells.ts';
import type { RegisterColumn } from './register-columns.ts';
import { findSheetHeader, type SheetHeader } from './register-headers.ts';

/** A spreadsheet as read: each sheet's rows of text cells, with the row numbers Excel shows. */
export interface Sheet {
  name: string;
  rows: { number: number; cells: string[] }[];
}

/** One flat's cells, with where they came from so every message can name sheet, row and column. */
export interface SheetRecord {
  sheet: string;
  row: number;
  cells: Partial<Record<RegisterColumn, string>>;
  /** Each column's header as the file writes it. */
  headers: Partial<Record<RegisterColumn, string>>;
}

export interface SheetRecords {
  records: SheetRecord[];
  warnings: Problem[];
  problems: Problem[];
}

/** A totals row (合计, 小计, 总计, 共计) is not a flat. */
const TOTALS = /^(合计|小计|总计|共计|总数|合\s*计|小\s*计)/;

/** 1, 1单元, 一单元 → 1单元: a unit cell as a door number's ending. */
function unitOf(text: string): string {
  const t = halfWidth(text).trim().replace(/单元$/, '');
  const n = /^\d+$/.test(t) ? Number(t) : floorCell(`${t}楼`);
  return `${typeof n === 'number' ? n : t}单元`;
}

function recordsOf(sheet: Sheet, header: SheetHeader): SheetRecord[] {
  const headerRows = new Set(header.rows);
  const last = Math.max(...header.rows);
  const hasDoor = header.columns.includes('doorNumber');
  const hasUnit = header.columns.includes('unit');
  const records: SheetRecord[] = [];
  sheet.rows.forEach(({ number, cells }, index) => {
    if (index <= last || headerRows.has(index)) return;
    const texts = cells.map((c) => c.trim());
    if (texts.every((c) => c === '') || texts.some((c) => TOTALS.test(c))) return;
    const record: SheetRecord = { sheet: sheet.name, row: number, cells: {}, headers: {} };
    let areaRank = Infinity;
    header.columns.forEach((column, i) => {
      const text = texts[i] ?? '';
      if (!column || column === 'unit') return;
      if (column === 'areaM2') {
        // The best-ranked area the row has: 产证 before 实测 before 合同.
        const rank = header.areaRank.get(i) ?? 4;
        if (text === '' || rank >= areaRank) return;
        areaRank = rank;
      } else if (record.cells[column] !== undefined && record.cells[column] !== '') return;
      record.cells[column] = text;
      record.headers[column] = header.text[i] ?? column;
    });
    // One sheet per building (12幢) with a 单元 column, or one sheet per stairwell (45号): the door number from the sheet.
    if (!hasDoor) {
      const unit = hasUnit ? texts[header.columns.indexOf('unit')] ?? '' : '';
      record.cells.doorNumber = `${sheet.name.trim()}${unit ? unitOf(unit) : ''}`;
      record.headers.doorNumber = hasUnit ? `工作表名 + ${header.text[header.columns.indexOf('unit')]}` : '工作表名';
    }
    // A register without a floor column: the room says it (301 is on floor 3).
    if (!record.cells.floor) {
      const room = roomCell(record.cells.room ?? '');
      const m = typeof room === 'string' ? /^(\d{1,2})\d{2}[A-Za-z]?$/.exec(room) : null;
      if (m) record.cells.floor = m[1];
      record.headers.floor ??= `${header.text[header.columns.indexOf('room')] ?? '室号'}（楼层）`;
    }
    records.push(record);
  });
  return records;
}

/**
 * The flats in every sheet of a committee's register: the header found
 * under any title rows (one row, or a merged heading over sub-headings),
 * blank and totals rows skipped, door numbers from the sheet name when
 * the sheets are buildings or stairwells, floors from room numbers when
 * there is no floor column. Sheets without a register header (说明,
 * 汇总) are left out with a warning.
 */
export function sheetRecords(sheets: Sheet[]): SheetRecords {
  const records: SheetRecord[] = [];
  const warnings: Problem[] = [];
  const read: string[] = [];
  for (const sheet of sheets) {
    const header = findSheetHeader(sheet.rows.map((r) => r.cells));
    if (!header) {
      if (sheet.rows.some((r) => r.cells.some((c) => c.trim())))
        warnings.push(problem(`工作表「${sheet.name}」没有名册表头（室号、面积等），已跳过`, `sheet “${sheet.name}” has no register header (room, area …) and was skipped`));
      continue;
    }
    read.push(sheet.name);
    records.push(...recordsOf(sheet, header));
  }
  if (read.length === 0)
    return {
      records,
      warnings: [],
      problems: [
        problem(
          '找不到名册表头：前 20 行中没有一行同时写着室号（或户号、房号）和另外两列（如门牌号、面积、姓名、意见）',
          'no register header found: none of the first 20 rows names the room (室号, 户号 or 房号) and two more columns (door number, area, name, status …)',
        ),
      ],
    };
  const noVoter = records.some((r) => !r.cells.voterId);
  if (noVoter && records.length)
    warnings.push(
      problem(
        '名册没有「表决人编号」列：每户按一个表决人计；一人有多套房的，请加一列表决人编号（同一人写同一编号）',
        'the register has no voter id (表决人编号) column: each flat counts as its own voter; for a voter with several flats add the column with one id per person',
      ),
    );
  return { records, warnings, problems: [] };
}
