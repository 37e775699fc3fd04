import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { cliEnv } from './run-cli.ts';
import { ROOT } from './test-server.ts';

export interface AppServer {
  url: string;
  process: ChildProcess;
  exited: Promise<number | null>;
}

/** `server/main.ts` on a free port against `databaseUrl`, as `npm start` runs it. */
export async function startAppServer(databaseUrl: string, dir: string): Promise<AppServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'main.ts')], {
    cwd: ROOT,
    // LIFTMAP_DB only places the first admin's password file, in the temporary folder. No client: these
    // servers answer the API, and serving dist/client would let npm start rebuild it under the browser tests.
    env: { ...cliEnv({ file: null, databaseUrl }), LIFTMAP_DB: join(dir, 'unused.db'), LIFTMAP_CLIENT_DIR: join(dir, 'no-client'), PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /serving (http:\/\/127\.0\.0\.1:\d+)\/wall/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    void exited.then((code) => reject(new Error(`server exited (${code}): ${out}`)));
    setTimeout(() => reject(new Error(`no server after 60 s: ${out}`)), 60_000).unref();
  });
  return { url, process: child, exited };
}

