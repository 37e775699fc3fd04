import type { Problem } from '../../geo/problems/index.ts';
import { sheetRecords, validateSheetRecords, type RegisterRow } from '../../geo/register/index.ts';
import { readSheets } from '../import/read-table-file.ts';

export type RegisterFile =
  | { ok: true; rows: RegisterRow[]; warnings: Problem[]; encoding: string }
  | { ok: false; problems: Problem[]; encoding: string };

/**
 * A register as a committee keeps it (XLSX with title rows, merged or
 * two-row headers and a sheet per building, or CSV in UTF-8 or GBK) read
 * into typed rows; or every problem, naming sheet, row, column and value
 * in Chinese and English.
 */
export async function readRegisterFile(bytes: Uint8Array, fileName: string): Promise<RegisterFile> {
  const read = await readSheets(bytes, fileName);
  if (!read.ok) return read;
  const { records, warnings, problems } = sheetRecords(read.sheets);
  if (problems.length) return { ok: false, problems, encoding: read.encoding };
  const valid = validateSheetRecords(records);
  if (valid.problems.length) return { ok: false, problems: valid.problems, encoding: read.encoding };
  return { ok: true, rows: valid.rows, warnings, encoding: read.encoding };
}
