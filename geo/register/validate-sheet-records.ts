import { problem, type Problem } from '../problems/index.ts';
import { roomCell } from './register-cells.ts';
import { REGISTER_COLUMNS, type RegisterColumn } from './register-columns.ts';
import { registerMessageZh, registerRowSchema } from './register-row-schema.ts';
import type { RegisterRow } from './register-types.ts';
import type { SheetRecord } from './sheet-records.ts';

/** Where a cell is, as a committee member finds it: sheet, row, the column's own header. */
export function cellPlace(at: { sheet: string; row: number }, header: string): { zh: string; en: string } {
  return { zh: `「${at.sheet}」第 ${at.row} 行「${header}」列`, en: `sheet “${at.sheet}”, row ${at.row}, column “${header}”` };
}

/**
 * Each record read into a register row, or every problem naming sheet,
 * row, column (the file's own header), the value found and what was
 * expected, in Chinese and English. A register without voter ids counts
 * each flat as its own voter (its door and room).
 */
export function validateSheetRecords(records: SheetRecord[]): { rows: RegisterRow[]; problems: Problem[] } {
  const rows: RegisterRow[] = [];
  const problems: Problem[] = [];
  for (const record of records) {
    const cells: Record<string, string> = { ...record.cells };
    if (!cells.voterId) cells.voterId = `${cells.doorNumber ?? ''} ${String(roomCell(cells.room ?? ''))}`;
    const parsed = registerRowSchema.safeParse(cells);
    const at = { sheet: record.sheet, row: record.row };
    if (parsed.success) {
      rows.push({ ...parsed.data, at: { ...at, headers: record.headers } });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const column = issue.path[0] as RegisterColumn | undefined;
      const header = (column && record.headers[column]) ?? (column ? REGISTER_COLUMNS[column] : '');
      const place = cellPlace(at, header || '—');
      const value = column ? (record.cells[column] ?? '') : '';
      const found = value === '' ? { zh: '是空的', en: 'is empty' } : { zh: `是「${value}」`, en: `is “${value}”` };
      problems.push(problem(`${place.zh}${found.zh}：${registerMessageZh(issue.message)}`, `${place.en} ${found.en}: ${issue.message}`));
    }
  }
  return { rows, problems };
}
