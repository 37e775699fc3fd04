import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

/**
 * Compares `actual` with a golden JSON file; `UPDATE=1 npx vitest run` rewrites
 * the file so the change can be read in the diff.
 */
export function expectGolden(path: string, actual: unknown): void {
  const text = JSON.stringify(actual, null, 1) + '\n';
  if (process.env.UPDATE === '1' || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}
