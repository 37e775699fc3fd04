import ExcelJS from 'exceljs';
import { printReady } from '../export/print-ready.ts';
import iconv from 'iconv-lite';
import { REGISTER_COLUMNS, type RegisterColumn } from '../../geo/register/index.ts';
import type { Db } from '../db/database.ts';
import { registerQuery } from './register-query.ts';
import { writeCsv } from '../import/csv-table.ts';

async function registerRows(db: Db, estateId: number): Promise<Record<RegisterColumn, unknown>[]> {
  return (await registerQuery(db, estateId)).map(({ areaCentiM2, concerns, flatId: _f, stairwellId: _s, ...r }) => ({
    ...r,
    areaM2: areaCentiM2 === null ? '' : areaCentiM2 / 100,
    concerns: concerns.join(';'),
  }));
}

const COLUMNS = Object.keys(REGISTER_COLUMNS) as RegisterColumn[];

/**
 * The register for staff, with Chinese headers as committees' Excel files
 * have them: XLSX, CSV in UTF-8 with BOM, or CSV in GBK. It holds personal
 * data, so only staff may download it.
 */
export async function exportRegister(db: Db, estateId: number, format: 'xlsx' | 'csv' | 'csv-gbk'): Promise<Buffer> {
  const rows = await registerRows(db, estateId);
  if (format === 'xlsx') {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('名册');
    sheet.columns = COLUMNS.map((c) => ({ header: REGISTER_COLUMNS[c], key: c, width: c === 'doorNumber' ? 16 : 10 }));
    for (const r of rows) sheet.addRow(r);
    printReady(sheet);
    return Buffer.from(await book.xlsx.writeBuffer());
  }
  const zhRows = rows.map((r) => Object.fromEntries(COLUMNS.map((c) => [REGISTER_COLUMNS[c], r[c]])));
  const text = writeCsv(zhRows, COLUMNS.map((c) => REGISTER_COLUMNS[c]));
  return format === 'csv' ? Buffer.from(text, 'utf8') : iconv.encode(text.replace(/^\uFEFF/, ''), 'gbk');
}
