import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ON_POSTGRES } from '../support/test-database.ts';
import { ROOT } from '../support/test-server.ts';

/** A checkout of its own (sources copied, node_modules shared), so its build is its own. */
let checkout: string;
beforeAll(() => {
  checkout = mkdtempSync(join(tmpdir(), 'liftmap-start-'));
  for (const item of ['client', 'geo', 'server', 'data', 'vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json']) cpSync(join(ROOT, item), join(checkout, item), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(checkout, 'node_modules'), 'dir');
});
afterAll(() => rmSync(checkout, { recursive: true, force: true }));

/** `npm start` in the checkout until it serves, then stopped as systemd stops it: what it printed. */
async function npmStart(): Promise<{ out: string; url: string }> {
  const child = spawn('npm', ['start', '--silent'], {
    cwd: checkout,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LIFTMAP_DB: join(checkout, 'var', 'start.db'), LIFTMAP_BACKUP_TIME: 'off', LIFTMAP_DATABASE_URL: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const read = (d: Buffer) => {
      out += d.toString();
      const m = /serving (http:\/\/127\.0\.0\.1:\d+)\/wall/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then((code) => reject(new Error(`npm start exited (${code}): ${out}`)));
  });
  const page = await fetch(`${url}/canvass`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<div id="root">');
  // npm and the server it started: the whole group, as a supervisor would.
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
  return { out, url };
}

// Once: the start is the same whichever database the other tests run on.
describe.skipIf(ON_POSTGRES)('npm start', () => {
  it('builds the client on the first start, not on a second with the same sources, and again after a source changes', async () => {
    const first = await npmStart();
    expect(first.out).toContain('building the client (first start)');
    expect(first.out).toMatch(/built the client in \d+\.\d s/);

    const second = await npmStart();
    expect(second.out).not.toContain('building the client');
    expect(second.out).toContain('LiftMap is serving');

    appendFileSync(join(checkout, 'client', 'styles.css'), '\n/* a change after git pull */\n');
    const third = await npmStart();
    expect(third.out).toContain('building the client (its sources changed since the last build)');

    // Data and tests are not the client's sources.
    appendFileSync(join(checkout, 'data', 'NOTES.md'), '\nnote\n');
    expect((await npmStart()).out).not.toContain('building the client');
  }, 240_000);
});
