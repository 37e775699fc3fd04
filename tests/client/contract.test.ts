import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/test-server.ts';

const CLIENT = join(ROOT, 'client');
const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : /\.(tsx?|mts)$/.test(name) ? [join(dir, name)] : []));

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

/** Import cycles among the project's own modules (type imports too: they tie the files as tightly for a reader). */
function cycles(roots: readonly string[]): string[][] {
  const files = roots.flatMap((r) => walk(join(ROOT, r)));
  const known = new Set(files);
  const edges = new Map(files.map((f) => [f, specifiers(readFileSync(f, 'utf8')).filter((s) => s.startsWith('.')).map((s) => resolve(dirname(f), s)).filter((t) => known.has(t))]));
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const t of edges.get(f) ?? []) {
      if (state.get(t) === 'open') found.push(stack.slice(stack.indexOf(t)).map((x) => relative(ROOT, x)));
      else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return found;
}

describe('the maps', () => {
  it('are all made by the one owner, client/map/owned-map.ts', () => {
    const makers = walk(CLIENT)
      .filter((file) => /new\s+(?:MapLibreMap|maplibregl\.Map)\s*\(/.test(readFileSync(file, 'utf8')) || /import\s*\{[^}]*\bMap(?:\s+as\s+\w+)?\s*[,}][^}]*\}?\s*from\s*'maplibre-gl'/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(makers).toEqual(['client/map/owned-map.ts']);
  });
});

describe('the modules', () => {
  it('import one another without cycles', () => {
    expect(cycles(['client', 'geo', 'server'])).toEqual([]);
  });
});
