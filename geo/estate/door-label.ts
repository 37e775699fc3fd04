/**
 * The short map label of a door number: its trailing number, else the whole.
 *
 * @example doorLabel('长风二村 45号') // '45号'
 */
export function doorLabel(doorNumber: string): string {
  return /(\d+号)\s*$/.exec(doorNumber)?.[1] ?? doorNumber;
}
