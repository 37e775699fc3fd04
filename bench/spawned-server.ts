/**
 * LiftMap as it runs in production, for the benchmarks that measure a whole
 * process (its CPU, whether it exits, what it keeps after a stop): `npm
 * start`'s server/main.ts spawned from a checkout (this one, or an earlier
 * commit's worktree for a side-by-side run), on a free port.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from '../tests/support/test-server.ts';

export interface SpawnedServer {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Every line it printed. */
  output: () => string;
  /** Resolves with the exit code once it has exited. */
  exited: Promise<number | null>;
  /** CPU seconds (user + system) the process has used so far, every thread included. */
  cpuSeconds: () => number;
  /** SIGTERM, then its exit code. */
  stop: () => Promise<number | null>;
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** The environment for a checkout's server or CLI on `database` (a SQLite file or a PostgreSQL URL). */
function envFor(database: { file?: string; url?: string }, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { LIFTMAP_DATABASE_URL: _a, LIFTMAP_DB: _b, ...env } = process.env;
  return { ...env, ...(database.url ? { LIFTMAP_DATABASE_URL: database.url } : { LIFTMAP_DB: database.file! }), LIFTMAP_BACKUP_TIME: 'off', ...extra };
}

/** server/main.ts of `checkout` on `database`, serving once it says so. */
export async function spawnServer(checkout: string, database: { file?: string; url?: string }, extra: Record<string, string> = {}): Promise<SpawnedServer> {
  const port = await freePort();
  // BENCH_NODE_ARGS (e.g. --cpu-prof) is passed to the server's node, to see where its time goes.
  const nodeArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(checkout, 'server', 'main.ts')], {
    cwd: checkout,
    env: envFor(database, { PORT: String(port), HOST: '127.0.0.1', ...extra }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (d: Buffer) => {
    out += d.toString();
    // What it said is kept in a file too, for a server that died in the middle of a run.
    if (extra.LIFTMAP_BENCH_LOG) appendFileSync(extra.LIFTMAP_BENCH_LOG, d);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let gone = false;
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => ((gone = true), resolve(code))));
  for (let i = 0; i < 1200 && !gone && !/LiftMap is serving/.test(out); i++) await new Promise((r) => setTimeout(r, 100));
  if (!/LiftMap is serving/.test(out)) throw new Error(`the server in ${checkout} did not start: ${out}`);
  const ticks = Number(execFileSync('getconf', ['CLK_TCK']).toString()) || 100;
  const cpuSeconds = () => {
    // /proc/PID/stat: fields 14 and 15 are user and system time in clock ticks (after the command name in parentheses).
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticks;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    child,
    output: () => out,
    exited,
    cpuSeconds,
    stop: async () => {
      if (!gone) child.kill('SIGTERM');
      return await exited;
    },
  };
}

/** A user of `role` added through the checkout's own CLI (npm run user); returns the password. */
export function addUserIn(checkout: string, database: { file?: string; url?: string }, username: string, role: string): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(checkout, 'server', 'cli', 'user.ts'), 'add', username, '--role', role], { cwd: checkout, env: envFor(database), encoding: 'utf8' });
  const password = /with password (\S+)/.exec(r.stdout)?.[1];
  if (!password) throw new Error(`could not add ${username} in ${checkout}: ${r.stdout}${r.stderr}`);
  return password;
}

/**
 * A worktree of `commit` beside this checkout, sharing its node_modules:
 * the commit an issue started from, run side by side with this one.
 */
export function worktreeOf(commit: string, dir: string): string {
  if (!existsSync(join(dir, 'server', 'main.ts'))) {
    execFileSync('git', ['-C', ROOT, 'worktree', 'add', '--detach', '--force', dir, commit], { stdio: 'pipe' });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  }
  return dir;
}

/** Removes a worktree made by worktreeOf. */
export function removeWorktree(dir: string): void {
  spawnSync('git', ['-C', ROOT, 'worktree', 'remove', '--force', dir], { stdio: 'pipe' });
}
