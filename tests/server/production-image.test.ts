import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ON_POSTGRES } from '../support/test-database.ts';
import { ROOT } from '../support/test-server.ts';

/**
 * deploy/Dockerfile without Docker (no registry is reachable here): its
 * runtime stage's COPY lines, ENV, CMD and HEALTHCHECK read from the file
 * and carried out on a folder, with node_modules pruned of devDependencies
 * as its build stage prunes them. The image is these steps.
 */
const dockerfile = readFileSync(join(ROOT, 'deploy', 'Dockerfile'), 'utf8');
const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
const copies = [...runtime.matchAll(/^COPY --from=build \/app\/(\S+) (\S+)$/gm)].map((m) => ({ from: m[1]!, to: m[2]! }));
const jsonAfter = (instruction: RegExp) => JSON.parse(instruction.exec(runtime)![1]!) as string[];
const cmd = jsonAfter(/^CMD (\[.*\])$/m);
const healthcheck = jsonAfter(/^HEALTHCHECK .* CMD (\[.*\])$/m);

describe.skipIf(ON_POSTGRES)('the container image (deploy/Dockerfile, its steps run here)', () => {
  let image: string;
  let data: string;
  beforeAll(() => {
    image = mkdtempSync(join(tmpdir(), 'liftmap-image-'));
    data = join(image, 'data-volume');
    mkdirSync(data);
    // The build stage: npm ci (this checkout's node_modules, copied) then npm prune --omit=dev. The build itself ran before the tests.
    const build = join(image, 'build');
    mkdirSync(build);
    for (const f of ['package.json', 'package-lock.json']) cpSync(join(ROOT, f), join(build, f));
    execFileSync('cp', ['-a', join(ROOT, 'node_modules'), join(build, 'node_modules')]);
    execFileSync('npm', ['prune', '--omit=dev', '--offline', '--no-audit', '--no-fund'], { cwd: build, stdio: 'ignore' });
    const app = join(image, 'app');
    for (const { from, to } of copies) cpSync(from === 'node_modules' ? join(build, 'node_modules') : join(ROOT, from), join(app, to), { recursive: true, verbatimSymlinks: true });
    rmSync(build, { recursive: true, force: true });
  }, 120_000);
  afterAll(() => rmSync(image, { recursive: true, force: true }));

  it('carries the built client and no client sources, and no devDependency', () => {
    const app = join(image, 'app');
    expect(copies.map((c) => c.to)).toEqual(expect.arrayContaining(['node_modules', 'dist', 'server', 'geo', 'data', 'package.json']));
    expect(copies.map((c) => c.to)).not.toContain('client');
    for (const dev of ['vite', 'vitest', 'playwright-core', 'eslint', 'drizzle-kit']) expect(spawnSync('test', ['-e', join(app, 'node_modules', dev)]).status, dev).not.toBe(0);
    expect(readFileSync(join(app, 'dist', 'client', 'index.html'), 'utf8')).toContain('<div id="root">');
    expect(runtime).toMatch(/^USER node$/m);
  });

  it('starts with its CMD as the image runs it, seeds /data, answers its HEALTHCHECK and stops cleanly', async () => {
    const app = join(image, 'app');
    const env = { PATH: process.env.PATH ?? '', HOME: image, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', LIFTMAP_DB: join(data, 'liftmap.db'), LIFTMAP_BACKUP_DIR: join(data, 'backups') };
    const child = spawn(cmd[0]!, cmd.slice(1), { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      const read = (d: Buffer) => {
        out += d.toString();
        const m = /serving (http:\/\/127\.0\.0\.1:(\d+))\/wall/.exec(out);
        if (m) resolve(m[1]!);
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      void exited.then((code) => reject(new Error(`the image's CMD exited (${code}): ${out}`)));
    });
    try {
      expect(out).not.toContain('building the client');
      expect(out).toContain('loaded the estate');
      const port = new URL(url).port;
      const probe = spawnSync(healthcheck[0]!, healthcheck.slice(1), { env: { ...env, PORT: port }, timeout: 10_000 });
      expect(probe.status, probe.stderr.toString()).toBe(0);
      const wall = await fetch(`${url}/wall`);
      expect(wall.headers.get('cache-control')).toBe('no-cache');
      expect(await wall.text()).toContain('<div id="root">');
      expect(((await (await fetch(`${url}/api/estates`)).json()) as unknown[]).length).toBe(1);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(out).toContain('stopped on SIGTERM');
    // Nothing but /data was written: the first admin's password beside the database, mode 0600.
    expect(execFileSync('stat', ['-c', '%a', join(data, 'initial-admin-password.txt')]).toString().trim()).toBe('600');
  });
});
