import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './test-server.ts';

/** Where a CLI's data is: a SQLite file, or a test server's database (its file, or its PostgreSQL URL). */
export type CliTarget = string | { file: string | null; databaseUrl: string | null };

/** The environment naming `target` for a CLI, as a committee member would set it. */
export function cliEnv(target: CliTarget): NodeJS.ProcessEnv {
  const { LIFTMAP_DATABASE_URL: _inherited, ...env } = process.env;
  if (typeof target === 'string') return { ...env, LIFTMAP_DB: target };
  return target.databaseUrl ? { ...env, LIFTMAP_DATABASE_URL: target.databaseUrl } : { ...env, LIFTMAP_DB: target.file! };
}

/** One of the project's CLIs (server/cli/NAME.ts), as a committee member runs it, against `target`'s database. */
export function runCli(name: string, target: CliTarget, ...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'cli', `${name}.ts`), ...args], {
    env: cliEnv(target),
    encoding: 'utf8',
    cwd: ROOT,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
