import { parseRegisterRecords } from '../import/campaign-csv.ts';
import { readTableFile } from '../import/read-table-file.ts';

/** Reads a register file (XLSX, or CSV in UTF-8 or GBK) into typed rows, or every problem with row and column. */
export async function readRegisterFile(bytes: Uint8Array, fileName: string) {
  const table = await readTableFile(bytes, fileName);
  if (!table.ok) return { ok: false as const, errors: table.errors, encoding: table.encoding };
  return { ...parseRegisterRecords(table.headers, table.records, fileName), encoding: table.encoding };
}
