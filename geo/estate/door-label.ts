/**
 * The short map label of a door number: a Shanghai door number's trailing
 * number (长风二村 45号 → 45号); a unit of a building or a numbered door
 * (2幢1单元, 试点路1号2单元) keeps that number and the unit, split by a space
 * so the map can set them on two lines; else the whole door number.
 *
 * @example doorLabel('长风二村 45号') // '45号'
 * @example doorLabel('2幢1单元') // '2幢 1单元'
 */
export function doorLabel(doorNumber: string): string {
  const unit = /(\d+)\s*([号幢栋])\s*(\d+)\s*单元\s*$/.exec(doorNumber);
  if (unit) return `${unit[1]}${unit[2]} ${unit[3]}单元`;
  return /(\d+号)\s*$/.exec(doorNumber)?.[1] ?? doorNumber;
}
