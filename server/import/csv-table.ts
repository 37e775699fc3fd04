import Papa from 'papaparse';
import type { z } from 'zod';

export type TableResult<T> = { ok: true; rows: T[] } | { ok: false; errors: string[] };

/** Parses CSV text (UTF-8, with or without BOM) into records keyed by header. */
export function readCsv(text: string): { headers: string[]; records: Record<string, string>[]; errors: string[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
    transform: unescapeFormula,
  });
  const errors = parsed.errors.map((e) => `row ${(e.row ?? 0) + 2}: ${e.message}`);
  return { headers: parsed.meta.fields ?? [], records: parsed.data, errors };
}

/**
 * Validates every record with `schema`; each failure names the file, the
 * spreadsheet row (the header is row 1) and the column.
 */
export function validateRecords<S extends z.ZodType>(
  file: string,
  records: Record<string, unknown>[],
  schema: S,
): TableResult<z.output<S>> {
  const rows: z.output<S>[] = [];
  const errors: string[] = [];
  records.forEach((record, i) => {
    const result = schema.safeParse(record);
    if (result.success) rows.push(result.data);
    else
      for (const issue of result.error.issues)
        errors.push(`${file} row ${i + 2}, column ${issue.path.join('.') || '(row)'}: ${issue.message}`);
  });
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}

/** CSV text with a UTF-8 BOM, so Chinese Excel opens it with the right encoding. */
export function writeCsv(rows: Record<string, unknown>[], columns: string[]): string {
  return '\uFEFF' + Papa.unparse({ fields: columns, data: rows.map((r) => columns.map((c) => escapeFormula(r[c] ?? ''))) }) + '\r\n';
}

/** Text Excel would run as a formula (=, +, -, @, tab, CR first). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell Excel shows as text, never runs: text that starts like a formula
 * (a note such as =HYPERLINK("http://…"&F2)) gets a leading apostrophe, as
 * OWASP advises for CSV injection. Numbers stay numbers.
 */
export function escapeFormula(value: unknown): unknown {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** The reverse on import, so an exported file imports back unchanged. */
export function unescapeFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
