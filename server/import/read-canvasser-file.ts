import { CANVASSER_COLUMNS, canvasserColumnOf, canvasserRoleOf, type CanvasserRow } from '../../geo/register/index.ts';
import { validateRecords, type TableResult } from './csv-table.ts';
import { canvasserSchema } from './history-schemas.ts';
import { readTableFile } from './read-table-file.ts';

/**
 * Reads a 包干 table (XLSX, or CSV in UTF-8 or GBK; English or Chinese
 * headers and roles; door numbers separated by ; or ；) into typed rows, or
 * every problem with row and column.
 */
export async function readCanvasserFile(bytes: Uint8Array, fileName: string): Promise<TableResult<CanvasserRow>> {
  const table = await readTableFile(bytes, fileName);
  if (!table.ok) return table;
  const missing = (['canvasserId', 'name', 'role', 'doorNumbers'] as const).filter((c) => !table.headers.some((h) => canvasserColumnOf(h) === c));
  if (missing.length)
    return { ok: false, errors: missing.map((c) => `${fileName} header: missing column ${c} (${CANVASSER_COLUMNS[c]}); found ${table.headers.join(', ') || 'no headers'}`) };
  const records = table.records.map((r) => {
    const record: Record<string, string> = Object.fromEntries(Object.entries(r).flatMap(([h, v]) => (canvasserColumnOf(h) ? [[canvasserColumnOf(h)!, v]] : [])));
    return { ...record, role: canvasserRoleOf(record.role ?? '') };
  });
  return validateRecords(fileName, records, canvasserSchema);
}
