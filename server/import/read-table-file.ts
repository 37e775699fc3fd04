import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import iconv from 'iconv-lite';
import { readCsv, unescapeFormula } from './csv-table.ts';

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

/** What an XLSX may hold once inflated: registers of a whole district are a few MB of XML. */
export const MAX_XLSX_INFLATED_BYTES = 100 * 1024 * 1024;
const MAX_XLSX_ENTRIES = 5_000;

/**
 * Why bytes named .xlsx cannot be read safely, or null: not a zip (an XLSX
 * is one), or one that would inflate past MAX_XLSX_INFLATED_BYTES (a zip
 * bomb under the upload cap). Sizes come from the zip's directory; nothing is inflated.
 */
export function xlsxProblem(bytes: Uint8Array, fileName: string): string | null {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return `${fileName}: not an XLSX file (an XLSX is a zip archive; save it from Excel as .xlsx, or as CSV)`;
  let inflated = 0;
  let entries = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        inflated += file.originalSize;
        entries += 1;
        return false;
      },
    });
  } catch (e) {
    return `${fileName}: not a readable XLSX file (${(e as Error).message})`;
  }
  if (entries > MAX_XLSX_ENTRIES || inflated > MAX_XLSX_INFLATED_BYTES)
    return `${fileName}: expands to ${Math.round(inflated / 1024 / 1024)} MB in ${entries} parts, more than a register (at most ${MAX_XLSX_INFLATED_BYTES / 1024 / 1024} MB); nothing was read`;
  return null;
}

async function xlsxRecords(bytes: Uint8Array): Promise<{ headers: string[]; records: Record<string, string>[] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) return { headers: [], records: [] };
  const text = (v: ExcelJS.CellValue): string => {
    if (v === null || v === undefined) return '';
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (typeof v === 'string') return unescapeFormula(v);
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) {
      const r: unknown = v.result;
      return typeof r === 'string' || typeof r === 'number' ? String(r) : '';
    }
    return '';
  };
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (headers[col - 1] = text(cell.value).trim()));
  const records: Record<string, string>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const record: Record<string, string> = {};
    headers.forEach((h, i) => (record[h] = text(row.getCell(i + 1).value)));
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
    const problem = xlsxProblem(bytes, fileName);
    if (problem) return { ok: false, errors: [problem], encoding: 'xlsx' };
    try {
      return { ok: true, ...(await xlsxRecords(bytes)), encoding: 'xlsx' };
    } catch (e) {
      return { ok: false, errors: [`${fileName}: not a readable XLSX file (${(e as Error).message})`], encoding: 'xlsx' };
    }
  }
  const { text, encoding } = decodeCsv(bytes);
  const { headers, records, errors } = readCsv(text);
  return errors.length ? { ok: false, errors: errors.map((e) => `${fileName} ${e}`), encoding } : { ok: true, headers, records, encoding };
}
