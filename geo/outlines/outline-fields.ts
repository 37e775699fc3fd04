import { floorCell, halfWidth } from '../register/register-cells.ts';
import type { AttributeValue, Outline } from './outlines-from-features.ts';

/** Attribute names that usually hold a building's floors, as GIS layers, OSM and surveyors name them. */
const FLOOR_NAMES = ['floors', 'floor', 'building:levels', 'levels', '层数', '楼层', '层', '地上层数', '建筑层数', 'floor_num', 'num_floors', 'nfloors', 'storeys', 'stories', 'jzcs', 'cs'];
/** …and its code or name. */
const CODE_NAMES = ['楼号', '幢号', '栋号', '楼栋', '幢', 'code', 'building_code', 'bldg_no', 'name', '名称', '建筑名称', 'addr:housenumber', 'housenumber', '门牌'];

/**
 * A floors cell from any layer: 6, "6", "6层", "六层", "6F" → 6; null when
 * it is not a floor count of 1–40.
 *
 * @example floorsOf('六层') // 6
 */
export function floorsOf(value: AttributeValue | undefined): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? floorCell(value.trim()) : null;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 40 ? n : null;
}

/**
 * A building code from an attribute: text as written (12幢, 7号楼), a bare
 * number as 12幢; null when empty.
 *
 * @example codeOf(12) // '12幢'
 */
export function codeOf(value: AttributeValue | undefined): string | null {
  if (value === null || value === undefined || typeof value === 'boolean') return null;
  const text = halfWidth(String(value)).trim().slice(0, 40);
  if (text === '') return null;
  return /^\d+$/.test(text) ? `${Number(text)}幢` : text;
}

const byName = (fields: string[], names: string[]) => names.flatMap((n) => fields.filter((f) => f.toLowerCase() === n.toLowerCase()));

/**
 * Which attributes most likely hold the floors and the building code: a
 * common name (Floor, floors, building:levels, 层数; 楼号, name,
 * addr:housenumber) whose values read as floors, or as codes that are
 * mostly different from each other (a GIS `Id` of 0 everywhere is no code).
 */
export function guessFields(outlines: Outline[], fields: string[]): { floorsField: string | null; codeField: string | null } {
  const share = (field: string, ok: (v: AttributeValue | undefined) => boolean) => outlines.filter((o) => ok(o.properties[field])).length / Math.max(1, outlines.length);
  const floorsField = byName(fields, FLOOR_NAMES).find((f) => share(f, (v) => floorsOf(v) !== null) >= 0.5) ?? null;
  const codeField =
    byName(fields, CODE_NAMES).find((f) => {
      const codes = outlines.map((o) => codeOf(o.properties[f])).filter((c): c is string => c !== null);
      return codes.length >= outlines.length / 2 && new Set(codes).size >= codes.length * 0.8;
    }) ?? null;
  return { floorsField, codeField };
}

/** About how long a stairwell of four flats per landing is along its block (SPEC §7: 16–22 m). */
export const METRES_PER_STAIRWELL = 18;

/**
 * How many stairwells a block of this length holds, side by side along its
 * long axis: at least 1, at most 20.
 *
 * @example estimateStairwells(72) // 4
 */
export function estimateStairwells(lengthM: number, metresPerStairwell = METRES_PER_STAIRWELL): number {
  return Math.max(1, Math.min(20, Math.round(lengthM / metresPerStairwell)));
}
