import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './test-server.ts';

/** One of the project's CLIs (server/cli/NAME.ts), as a committee member runs it, against the database file `dbFile`. */
export function runCli(name: string, dbFile: string, ...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'cli', `${name}.ts`), ...args], {
    env: { ...process.env, LIFTMAP_DB: dbFile },
    encoding: 'utf8',
    cwd: ROOT,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
