/**
 * A refusal or warning for a committee member: Chinese first, English on the
 * toggle. Every message names where (file, sheet, row, column, feature),
 * the value it found and what was expected.
 *
 * @example problem('第 3 行「楼层」：9 层，该楼只有 6 层', 'row 3, column floor: 9, but the building has 6 floors')
 */
export interface Problem {
  zh: string;
  en: string;
}

export const problem = (zh: string, en: string): Problem => ({ zh, en });

/** One line for logs and the shell, which have no language toggle. */
export const problemLine = (p: Problem): string => `${p.zh}（${p.en}）`;
