import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * What the client's build is made from: its own sources, the shared pure
 * logic, the server modules it imports types (and ROLES) from, and the
 * build's configuration and locked dependencies. A change to any of them
 * means the build is stale; anything else (data, tests, the README) does not.
 */
const SOURCE_FOLDERS = ['client', 'geo', 'server'];
const SOURCE_FILES = ['vite.config.ts', 'package-lock.json', 'tsconfig.json'];
const SOURCE_EXT = /\.(ts|tsx|css|html|svg|png|json|webmanifest)$/;

/** Beside the built files; sirv never serves dotfiles. */
export const STAMP = '.build-stamp.json';

export interface BuildStamp {
  /** SHA-256 over every source file's path and bytes. */
  sources: string;
  builtAt: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : SOURCE_EXT.test(name) ? [path] : [];
  });
}

/** The client's sources as one hash, or null when they are not here (an image that carries only the build). */
export function clientSourcesHash(root: string): string | null {
  if (!existsSync(join(root, 'client'))) return null;
  const files = [...SOURCE_FOLDERS.filter((f) => existsSync(join(root, f))).flatMap((f) => walk(join(root, f))), ...SOURCE_FILES.map((f) => join(root, f)).filter((f) => existsSync(f))];
  const hash = createHash('sha256');
  for (const file of files.map((f) => relative(root, f).split('\\').join('/')).sort()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export function readStamp(clientDir: string): BuildStamp | null {
  try {
    return JSON.parse(readFileSync(join(clientDir, STAMP), 'utf8')) as BuildStamp;
  } catch {
    return null;
  }
}

/** Written by the build itself (vite.config.ts), so `npm run build` and `npm test` count as builds too. */
export function writeStamp(root: string, clientDir: string, now = new Date()): void {
  const sources = clientSourcesHash(root);
  if (sources) writeFileSync(join(clientDir, STAMP), `${JSON.stringify({ sources, builtAt: now.toISOString() } satisfies BuildStamp)}\n`);
}

export type BuildState = { state: 'current' } | { state: 'stale' | 'missing'; sources: string | null };

/** Whether the build in clientDir was made from the sources in root. */
export function buildState(root: string, clientDir: string): BuildState {
  if (!existsSync(join(clientDir, 'index.html'))) return { state: 'missing', sources: clientSourcesHash(root) };
  const sources = clientSourcesHash(root);
  // Without sources the build that is here is the one to serve.
  if (sources === null || readStamp(clientDir)?.sources === sources) return { state: 'current' };
  return { state: 'stale', sources };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Before the server listens: build the client when its sources changed
 * since the last build (or there is none), otherwise serve what is there.
 * Two servers starting at once build once (a lock file beside the build).
 * Without vite (a production install without devDependencies) a stale
 * build is served with a warning, and a missing one stops the start.
 */
export async function ensureClientBuilt(root: string, clientDir: string, log: (line: string) => void): Promise<'current' | 'built' | 'stale'> {
  const first = buildState(root, clientDir);
  if (first.state === 'current') return 'current';
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    if (first.state === 'missing') throw new Error(`no client build at ${clientDir}, and vite is not installed to make one: run npm ci && npm run build`);
    log(`the client build in ${clientDir} is older than its sources, and vite is not installed to rebuild it: serving it as it is`);
    return 'stale';
  }
  mkdirSync(join(root, 'dist'), { recursive: true });
  const lock = join(root, 'dist', '.building');
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      // Another start is building: wait for it (a lock left by a crash is taken after 5 minutes).
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > 300_000) rmSync(lock, { force: true });
      await sleep(250);
      if (buildState(root, clientDir).state === 'current') return 'current';
    }
  }
  try {
    log(first.state === 'missing' ? 'building the client (first start)…' : 'building the client (its sources changed since the last build)…');
    const started = Date.now();
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
      child.on('error', reject);
      child.on('exit', resolve);
    });
    if (code !== 0) throw new Error(`vite build failed (exit ${code}): see its output above`);
    log(`built the client in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 'built';
  } finally {
    rmSync(lock, { force: true });
  }
}
