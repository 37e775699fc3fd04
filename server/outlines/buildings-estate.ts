import type { PolygonGeometry } from '../../geo/estate/index.ts';
import { buildingChoices, DEFAULT_MAPPING, outlinesToEstate, preselectOutlines, type OutlineMapping } from '../../geo/outlines/index.ts';
import { problem, type Problem } from '../../geo/problems/index.ts';
import type { OutlinesRead } from './read-outlines.ts';

export interface BuildingsOptions extends Partial<OutlineMapping> {
  /** The estate's boundary (drawn, or a file's first polygon); null takes every outline and draws the hull. */
  within: PolygonGeometry | null;
  name: string | null;
}

export type BuildingsEstate = { ok: true; geojson: GeoJSON.FeatureCollection; mapping: OutlineMapping; buildings: number; stairwells: number } | { ok: false; problems: Problem[] };

/**
 * The estate a shell import makes from an outline file, as /admin's mapping
 * screen does: the attributes chosen (or guessed), the outlines within the
 * boundary whose floors are in range, stairwells estimated from length, in
 * the import format of SPEC §7. An outline inside that crosses itself, a
 * field the file does not have, or an empty selection is refused by name.
 */
export function buildingsEstate(read: OutlinesRead & { ok: true }, options: BuildingsOptions): BuildingsEstate {
  const problems: Problem[] = [];
  const field = (given: string | null | undefined, guessed: string | null, what: { zh: string; en: string }) => {
    if (given === undefined || given === null) return guessed;
    if (read.fields.includes(given)) return given;
    problems.push(
      problem(`文件没有属性「${given}」（${what.zh}）；文件的属性有：${read.fields.join('、') || '无'}`, `the file has no attribute "${given}" (${what.en}); its attributes are: ${read.fields.join(', ') || 'none'}`),
    );
    return null;
  };
  const mapping: OutlineMapping = {
    ...DEFAULT_MAPPING,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
    floorsField: field(options.floorsField, read.guess.floorsField, { zh: '层数', en: 'floors' }),
    codeField: field(options.codeField, read.guess.codeField, { zh: '楼号', en: 'building code' }),
  };
  if (problems.length) return { ok: false, problems };
  const { selected, refused } = preselectOutlines(read.outlines, mapping, options.within);
  if (refused.length) return { ok: false, problems: refused.map((o) => o.problem!) };
  const buildings = buildingChoices(read.outlines, selected, mapping);
  const estate = outlinesToEstate({ name: options.name ?? '', boundary: options.within, buildings });
  if (!estate.ok) return estate;
  return { ok: true, geojson: estate.geojson, mapping, buildings: buildings.length, stairwells: buildings.reduce((n, b) => n + b.stairwellCount, 0) };
}
