import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

/**
 * Compares `actual` with a golden JSON file; `UPDATE=1 npx vitest run` writes
 * or rewrites the file so the change can be read in the diff. A missing file
 * fails: a test with nothing to compare against checks nothing.
 */
export function expectGolden(path: string, actual: unknown): void {
  const text = JSON.stringify(actual, null, 1) + '\n';
  if (process.env.UPDATE !== '1' && !existsSync(path)) throw new Error(`missing golden file ${path}: run UPDATE=1 npx vitest run to write it, then read it`);
  if (process.env.UPDATE === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}
