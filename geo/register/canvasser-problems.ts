import type { CanvasserRow } from './register-types.ts';

/**
 * What is wrong with a 包干 table against an estate's door numbers: a door
 * that is not in the estate, a door owned twice, a canvasser id used twice.
 * Rows are numbered as in the spreadsheet (the header is row 1).
 *
 * @example canvasserProblems(new Set(['1号']), [{ canvasserId: 'C01', doorNumbers: ['9号'], … }], 'canvassers.csv') // ['canvassers.csv row 2, column doorNumbers: no stairwell 9号']
 */
export function canvasserProblems(doors: ReadonlySet<string>, canvassers: readonly CanvasserRow[], file: string): string[] {
  const problems: string[] = [];
  const owners = new Map<string, string>();
  const ids = new Map<string, number>();
  canvassers.forEach((cv, i) => {
    const row = i + 2;
    const seen = ids.get(cv.canvasserId);
    if (seen !== undefined) problems.push(`${file} row ${row}, column canvasserId: ${cv.canvasserId} is already on row ${seen}`);
    ids.set(cv.canvasserId, row);
    for (const door of cv.doorNumbers) {
      if (!doors.has(door)) problems.push(`${file} row ${row}, column doorNumbers: no stairwell ${door}`);
      const owner = owners.get(door);
      if (owner) problems.push(`${file} row ${row}, column doorNumbers: ${door} is already owned by ${owner}`);
      owners.set(door, cv.canvasserId);
    }
  });
  return problems;
}
