import { zipSync } from 'fflate';
import { problem, type Problem } from '../../geo/problems/index.ts';
import { safeUnzip } from '../outlines/safe-unzip.ts';

/** Rows across all sheets LiftMap reads: a district's register, with room to spare. */
export const MAX_ROWS = 200_000;
/** Cells across all sheets: a district register's 200,000 rows of a dozen columns, with room to spare; a spreadsheet library builds each one. */
export const MAX_CELLS = 3_000_000;
/**
 * Cells that merged ranges and data validations may cover in all: a
 * register merges its headers and perhaps a building column down its rows
 * (a few thousand cells). The reader materialises every one of them, so a
 * 1.5 KB sheet merging A2:XFD1048576 (17 billion cells) is refused here.
 */
export const MAX_RANGE_CELLS = 200_000;

const decoder = new TextDecoder();

/** Column letters to their number: A → 1, XFD → 16384. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Cells in an A1 range or a space-separated list of them (`A1:B2 D4`); whole columns and rows as Excel means them. */
export function rangeCells(ref: string): number {
  let cells = 0;
  for (const part of ref.trim().split(/\s+/)) {
    const m = /^\$?([A-Za-z]{1,3})?\$?(\d+)?(?::\$?([A-Za-z]{1,3})?\$?(\d+)?)?$/.exec(part);
    if (!m) continue;
    const [, c1, r1, c2, r2] = m;
    const cols = Math.abs(columnNumber(c2 ?? c1 ?? 'XFD') - columnNumber(c1 ?? 'A')) + 1;
    const rows = Math.abs(Number(r2 ?? r1 ?? 1_048_576) - Number(r1 ?? 1)) + 1;
    cells += cols * rows;
  }
  return cells;
}

/** What a sheet's XML declares, counted in its text before any model of it is built. */
export function sheetCounts(xml: string): { rows: number; cells: number; rangeCells: number } {
  // <row> or <x:row …>, not <rowBreaks>; <c> or <c …>, not <col> or <cfRule>.
  let rows = 0;
  for (const _ of xml.matchAll(/<(?:\w+:)?row[\s>/]/g)) rows++;
  let cells = 0;
  for (const _ of xml.matchAll(/<(?:\w+:)?c[\s>/]/g)) cells++;
  let rangeCellsTotal = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?(?:mergeCell|dataValidation)\b[^>]*?\b(?:ref|sqref)="([^"]*)"/g)) rangeCellsTotal += rangeCells(m[1]!);
  return { rows, cells, rangeCells: rangeCellsTotal };
}

export type GuardedXlsx = { ok: true; archive: Uint8Array } | { ok: false; problem: Problem };

/**
 * An XLSX made safe to hand to a spreadsheet library: inflated with a byte
 * counter (a directory that lies is caught), its sheets' rows and merged or
 * validated cells counted in the XML, and what was read zipped again
 * without compression, so the library opens exactly the bytes counted.
 */
export function guardXlsx(bytes: Uint8Array, fileName: string): GuardedXlsx {
  const unzipped = safeUnzip(bytes, fileName, (name) => !/^xl\/(media|embeddings|printerSettings)\//.test(name));
  if (!unzipped.ok) return unzipped;
  let rows = 0;
  let written = 0;
  let cells = 0;
  for (const [name, data] of Object.entries(unzipped.files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const counts = sheetCounts(decoder.decode(data));
    rows += counts.rows;
    written += counts.cells;
    cells += counts.rangeCells;
    if (rows > MAX_ROWS)
      return { ok: false, problem: problem(`${fileName} 超过 ${MAX_ROWS} 行，不是一个名册：未读取`, `${fileName} has more than ${MAX_ROWS} rows: not a register; nothing was read`) };
    if (written > MAX_CELLS)
      return {
        ok: false,
        problem: problem(
          `${fileName} 有 ${written.toLocaleString('en')} 个单元格，超过上限 ${MAX_CELLS.toLocaleString('en')}，不是一个名册：未读取`,
          `${fileName} has ${written.toLocaleString('en')} cells, more than ${MAX_CELLS.toLocaleString('en')}: not a register; nothing was read`,
        ),
      };
    if (cells > MAX_RANGE_CELLS)
      return {
        ok: false,
        problem: problem(
          `${fileName} 的合并单元格或数据验证覆盖 ${cells.toLocaleString('en')} 个单元格，超过上限 ${MAX_RANGE_CELLS.toLocaleString('en')}：请取消整行整列的合并后再上传`,
          `${fileName} merges or validates ${cells.toLocaleString('en')} cells, more than ${MAX_RANGE_CELLS.toLocaleString('en')}: unmerge whole rows or columns and upload again`,
        ),
      };
  }
  return { ok: true, archive: zipSync(Object.fromEntries(Object.entries(unzipped.files).map(([name, data]) => [name, [data, { level: 0 }]]))) };
}
