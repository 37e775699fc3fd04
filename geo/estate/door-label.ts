/**
 * The short map label of a door number: a Shanghai door number's trailing
 * number (长风二村 45号 → 45号, a door split off it 45号-2); a unit of a building or a numbered door
 * (2幢1单元, 试点路1号2单元) keeps that number and the unit, split by a space
 * so the map can set them on two lines; else the whole door number.
 *
 * @example doorLabel('长风二村 45号') // '45号'
 * @example doorLabel('2幢1单元') // '2幢 1单元'
 */
export function doorLabel(doorNumber: string): string {
  const unit = /(\d+)\s*([号幢栋])\s*(\d+)\s*单元\s*$/.exec(doorNumber);
  if (unit) return `${unit[1]}${unit[2]} ${unit[3]}单元`;
  return /(\d+号(?:-\d+)?)\s*$/.exec(doorNumber)?.[1] ?? doorNumber;
}

/**
 * The label drawn inside a stairwell on the map, large enough for a 4 m wall:
 * a plain numbered door loses its 号 (the panel and feed name it in full), so
 * two or three digits fit a stairwell at twice the old text size; a unit of a
 * building is its own number (1, or 1-2 after a split), the building named
 * once on the map (buildingLabel).
 *
 * @example mapLabel('长风二村 45号') // '45'
 * @example mapLabel('2幢1单元') // '1' (the building is labelled once: buildingLabel)
 */
export function mapLabel(doorNumber: string): string {
  const unit = unitOf(doorNumber);
  if (unit) return unit.unit;
  const label = doorLabel(doorNumber);
  return /^\d+号$/.test(label) ? label.slice(0, -1) : label;
}

/**
 * A door number that names a unit of a building, as a committee's file or a
 * city layer writes it (31号楼1单元, 2幢 1单元, 试点路1号2单元, a split
 * 31号楼1单元-2): the building part and the unit's own number. The map
 * draws the unit's number in the stairwell and the building once beside it.
 *
 * @example unitOf('31号楼1单元-2') // { building: '31号楼', unit: '1-2' }
 * @example unitOf('长风二村 45号') // null
 */
export function unitOf(doorNumber: string): { building: string; unit: string } | null {
  const m = /^(.*?\d+\s*(?:号楼|号|幢|栋|楼))\s*(\d+)\s*单元(-\d+)?\s*$/.exec(doorNumber.trim());
  if (!m) return null;
  return { building: m[1]!.replace(/\s+/g, ' ').trim(), unit: `${m[2]}${m[3] ?? ''}` };
}

/**
 * The label a building carries once on the map: the building part its units
 * share (31号楼), when every stairwell in it is a unit of that building; null
 * for numbered doors (Fenghe's 45号 needs no building label).
 */
export function buildingLabel(doorNumbers: readonly string[]): string | null {
  const buildings = new Set(doorNumbers.map((d) => unitOf(d)?.building ?? null));
  if (buildings.size !== 1) return null;
  const [only] = buildings;
  return only ?? null;
}

/** What the wall's stairwell labels measure at zoom 19, where their text is 68 px (client/map/layers.ts). */
const LABEL_PX_AT_Z19 = 68;

/**
 * How much smaller than the wall's usual size a stairwell's map label must
 * be drawn to fit across the stairwell: 1 when it fits (Fenghe's 45 in an
 * 18 m stairwell), less for a long unit label (1幢 1单元) in a small one.
 * Widths: a CJK character 1 em, a digit or Latin letter 0.6 em; 15% slack,
 * as a label may touch its stairwell's edges.
 *
 * @example labelScale('2幢 1单元', 18, 31.2) // ≈ 0.46
 */
export function labelScale(label: string, widthM: number, latitude: number): number {
  const em = Math.max(...label.split(' ').map((line) => [...line].reduce((w, c) => w + (/[\x20-\x7e]/.test(c) ? 0.6 : 1), 0)));
  const metresPerEm = (LABEL_PX_AT_Z19 * 156543.03 * Math.cos((latitude * Math.PI) / 180)) / 2 ** 19;
  return Math.round(Math.min(1, (1.15 * widthM) / (em * metresPerEm)) * 100) / 100;
}

/**
 * A parking space's short name on the map: P017 → 17 (the property company's list says P017); any other code as it is.
 */
export function spaceLabel(code: string): string {
  const m = /^P0*(\d+)$/i.exec(code);
  return m ? m[1]! : code;
}
