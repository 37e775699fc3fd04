import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/test-server.ts';

const CLIENT = join(ROOT, 'client');
const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : /\.tsx?$/.test(name) ? [join(dir, name)] : []));

/** Every module specifier a file names: static imports and re-exports, dynamic imports, import types. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g)) found.push(m[1]!);
  for (const m of source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found;
}

describe('the contract between client and server', () => {
  it('is the router: only client/wire.ts imports from server/, and only the type of AppRouter', () => {
    const crossing = walk(CLIENT).flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      return specifiers(source)
        .filter((s) => /(^|\/)server\//.test(s))
        .map((s) => ({ file: relative(ROOT, file), specifier: s, typeOnly: new RegExp(`import type \\{ AppRouter \\} from '${s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}'`).test(source) }));
    });
    expect(crossing).toEqual([{ file: 'client/wire.ts', specifier: '../server/routers/_app.ts', typeOnly: true }]);
  });
});
