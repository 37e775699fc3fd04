import ExcelJS from 'exceljs';
import { printReady } from '../export/print-ready.ts';
import iconv from 'iconv-lite';
import { STATUS_PALETTE } from '../../geo/palette/index.ts';
import { CONCERN_ZH, REGISTER_COLUMNS, type RegisterColumn } from '../../geo/register/index.ts';
import type { Db } from '../db/database.ts';
import { registerQuery } from './register-query.ts';
import { writeCsv } from '../import/csv-table.ts';

/** Statuses and concerns in the screen's language: 已签字同意 and 噪音、采光, or signed and noise;light. Both import back. */
async function registerRows(db: Db, estateId: number, lang: 'zh' | 'en'): Promise<Record<RegisterColumn, unknown>[]> {
  return (await registerQuery(db, estateId)).map(({ areaCentiM2, concerns, status, flatId: _f, stairwellId: _s, ...r }) => ({
    ...r,
    status: lang === 'zh' ? STATUS_PALETTE[status].zh : status,
    areaM2: areaCentiM2 === null ? '' : areaCentiM2 / 100,
    concerns: lang === 'zh' ? concerns.map((c) => CONCERN_ZH[c]).join('、') : concerns.join(';'),
  }));
}

const COLUMNS = Object.keys(REGISTER_COLUMNS) as RegisterColumn[];

/**
 * The register for staff in the screen's language: Chinese headers,
 * statuses and concerns as committees' Excel files have them, or SPEC §7's
 * English columns and codes; XLSX, CSV in UTF-8 with BOM, or CSV in GBK.
 * It holds personal data, so only staff may download it.
 */
export async function exportRegister(db: Db, estateId: number, format: 'xlsx' | 'csv' | 'csv-gbk', lang: 'zh' | 'en' = 'zh'): Promise<Buffer> {
  const rows = await registerRows(db, estateId, lang);
  const header = (c: RegisterColumn) => (lang === 'zh' ? REGISTER_COLUMNS[c] : c);
  if (format === 'xlsx') {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet(lang === 'zh' ? '名册' : 'register');
    sheet.columns = COLUMNS.map((c) => ({ header: header(c), key: c, width: c === 'doorNumber' ? 16 : 10 }));
    for (const r of rows) sheet.addRow(r);
    printReady(sheet);
    return Buffer.from(await book.xlsx.writeBuffer());
  }
  const named = rows.map((r) => Object.fromEntries(COLUMNS.map((c) => [header(c), r[c]])));
  const text = writeCsv(named, COLUMNS.map(header));
  return format === 'csv' ? Buffer.from(text, 'utf8') : iconv.encode(text.replace(/^\uFEFF/, ''), 'gbk');
}
