/**
 * Door numbers written as runs, the way a 包干 area is named on a notice
 * board: consecutive numbers joined by a dash, runs by 、; non-numeric doors as they are.
 *
 * @example doorRanges(['长风二村 1号', '长风二村 2号', '长风二村 3号', '长风二村 7号']) // '1–3、7号'
 */
export function doorRanges(doorNumbers: readonly string[]): string {
  const numbers: number[] = [];
  const others: string[] = [];
  for (const d of doorNumbers) {
    const m = /(\d+)号\s*$/.exec(d);
    if (m) numbers.push(Number(m[1]));
    else others.push(d);
  }
  numbers.sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1]! - numbers[j]! <= 1) j++;
    runs.push(i === j ? String(numbers[i]) : `${numbers[i]}–${numbers[j]}`);
    i = j + 1;
  }
  return [...(runs.length ? [`${runs.join('、')}号`] : []), ...others].join('、');
}
