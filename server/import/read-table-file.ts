import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { problem, problemLine, type Problem } from '../../geo/problems/index.ts';
import type { Sheet } from '../../geo/register/sheet-records.ts';
import { readCsv, unescapeFormula } from './csv-table.ts';
import { guardXlsx, MAX_ROWS } from './xlsx-guard.ts';

/**
 * CSV text from bytes: UTF-8 (with or without BOM) when the bytes are valid
 * UTF-8, else GBK, as Chinese Excel writes "CSV".
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gbk' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'gbk'), encoding: 'gbk' };
  }
}

/** A cell's value as the text a register holds: dates as ISO days, formulas by their result. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'string') return unescapeFormula(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('text' in v && typeof v.text === 'string') return v.text;
  if ('result' in v) {
    const r: unknown = v.result;
    return typeof r === 'string' || typeof r === 'number' ? String(r) : '';
  }
  return '';
}

/** A workbook from an archive guardXlsx has counted and opened. */
async function loadWorkbook(archive: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(archive as unknown as ArrayBuffer);
  return book;
}

async function xlsxRecords(archive: Uint8Array): Promise<{ headers: string[]; records: Record<string, string>[] }> {
  const book = await loadWorkbook(archive);
  const sheet = book.worksheets[0];
  if (!sheet) return { headers: [], records: [] };
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (headers[col - 1] = cellText(cell.value).trim()));
  const records: Record<string, string>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const record: Record<string, string> = {};
    headers.forEach((h, i) => (record[h] = cellText(row.getCell(i + 1).value)));
    if (Object.values(record).some((v) => v.trim() !== '')) records.push(record);
  }
  return { headers, records };
}

export type TableFile =
  | { ok: true; headers: string[]; records: Record<string, string>[]; encoding: 'xlsx' | 'utf-8' | 'gbk' }
  | { ok: false; errors: string[]; encoding: 'xlsx' | 'utf-8' | 'gbk' };

/** A spreadsheet's first sheet (XLSX) or a CSV in UTF-8 or GBK, as headers and records of text. */
export async function readTableFile(bytes: Uint8Array, fileName: string): Promise<TableFile> {
  if (/\.xlsx$/i.test(fileName)) {
    const guarded = guardXlsx(bytes, fileName);
    if (!guarded.ok) return { ok: false, errors: [problemLine(guarded.problem)], encoding: 'xlsx' };
    try {
      return { ok: true, ...(await xlsxRecords(guarded.archive)), encoding: 'xlsx' };
    } catch (e) {
      return { ok: false, errors: [`${fileName}: not a readable XLSX file (${(e as Error).message})`], encoding: 'xlsx' };
    }
  }
  const { text, encoding } = decodeCsv(bytes);
  const { headers, records, errors } = readCsv(text);
  return errors.length ? { ok: false, errors: errors.map((e) => `${fileName} ${e}`), encoding } : { ok: true, headers, records, encoding };
}

/**
 * Every sheet of an XLSX (merged cells read as their top-left value), or a
 * CSV in UTF-8 or GBK as one sheet named after the file: rows of text
 * cells with the row numbers Excel shows, headers not yet found.
 */
export async function readSheets(bytes: Uint8Array, fileName: string): Promise<{ ok: true; sheets: Sheet[]; encoding: TableFile['encoding'] } | { ok: false; problems: Problem[]; encoding: TableFile['encoding'] }> {
  if (/\.xlsx$/i.test(fileName)) {
    const unreadable = (e: unknown) => problem(`${fileName} 不是可读的 XLSX 文件（${(e as Error).message}）`, `${fileName} is not a readable XLSX file (${(e as Error).message})`);
    const guarded = guardXlsx(bytes, fileName);
    if (!guarded.ok) return { ok: false, problems: [guarded.problem], encoding: 'xlsx' };
    let book: ExcelJS.Workbook;
    try {
      book = await loadWorkbook(guarded.archive);
    } catch (e) {
      return { ok: false, problems: [unreadable(e)], encoding: 'xlsx' };
    }
    const sheets: Sheet[] = [];
    let total = 0;
    for (const sheet of book.worksheets) {
      const rows: Sheet['rows'] = [];
      const width = Math.min(sheet.actualColumnCount || sheet.columnCount, 100);
      for (let r = 1; r <= sheet.rowCount && total < MAX_ROWS; r++, total++) {
        const row = sheet.getRow(r);
        rows.push({ number: r, cells: Array.from({ length: width }, (_, c) => cellText(row.getCell(c + 1).value)) });
      }
      sheets.push({ name: sheet.name, rows });
    }
    if (total >= MAX_ROWS) return { ok: false, problems: [problem(`${fileName} 超过 ${MAX_ROWS} 行，不是一个名册`, `${fileName} has more than ${MAX_ROWS} rows: not a register`)], encoding: 'xlsx' };
    return { ok: true, sheets, encoding: 'xlsx' };
  }
  const { text, encoding } = decodeCsv(bytes);
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false, transform: unescapeFormula });
  if (parsed.data.length > MAX_ROWS) return { ok: false, problems: [problem(`${fileName} 超过 ${MAX_ROWS} 行，不是一个名册`, `${fileName} has more than ${MAX_ROWS} rows: not a register`)], encoding };
  return { ok: true, sheets: [{ name: fileName, rows: parsed.data.map((cells, i) => ({ number: i + 1, cells })) }], encoding };
}
