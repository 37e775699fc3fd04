import { guessFields, outlinesFromFeatures, type Outline } from '../../geo/outlines/index.ts';
import type { Problem } from '../../geo/problems/index.ts';
import { readOutlineFile } from './read-outline-file.ts';

export type OutlinesRead =
  | {
      ok: true;
      outlines: Outline[];
      /** Attribute names, the most common first. */
      fields: string[];
      guess: { floorsField: string | null; codeField: string | null };
      /** The CRS the file was read in, for the preview to say. */
      crs: Problem;
      skipped: { points: number; lines: number };
    }
  | { ok: false; problems: Problem[] };

/**
 * Every building outline in an uploaded file, in WGS-84, with the file's
 * attributes and a guess at which hold the floors and the building code;
 * or every reason it cannot be read. Outlines of several layers are
 * numbered by layer.
 */
export function readOutlines(bytes: Uint8Array, fileName: string): OutlinesRead {
  const read = readOutlineFile(bytes, fileName);
  if (!read.ok) return read;
  const outlines: Outline[] = [];
  const fields = new Set<string>();
  const skipped = { points: 0, lines: 0 };
  const problems: Problem[] = [];
  for (const layer of read.layers) {
    const one = outlinesFromFeatures(layer.collection, layer.crs);
    if (!one.ok) {
      problems.push(...one.problems);
      continue;
    }
    const prefix = read.layers.length > 1 ? `${layer.name}:` : '';
    outlines.push(...one.set.outlines.map((o) => ({ ...o, id: `${prefix}${o.id}` })));
    for (const f of one.set.fields) fields.add(f);
    skipped.points += one.set.skipped.points;
    skipped.lines += one.set.skipped.lines;
  }
  if (outlines.length === 0) return { ok: false, problems };
  const fieldList = [...fields];
  return { ok: true, outlines, fields: fieldList, guess: guessFields(outlines, fieldList), crs: read.layers[0]!.crs.name, skipped };
}
