/**
 * A throwaway PostgreSQL cluster for the tests (vitest globalSetup of the
 * "postgres" project): initdb in a temporary folder, on a free loopback port,
 * C collation so text sorts byte-wise as in SQLite. Two template databases
 * are made once: migrated, and migrated with Fenghe seeded; each test server
 * gets a copy (CREATE DATABASE … TEMPLATE, a fraction of a second).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPostgres } from '../../server/db/open-postgres.ts';
import { seedIfEmpty } from '../../server/import/seed-if-empty.ts';

const FENGHE = join(import.meta.dirname, '..', '..', 'data', 'fenghe');

function pgBin(): string {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root) ? readdirSync(root).sort().at(-1) : undefined;
  const bin = version ? join(root, version, 'bin') : '';
  if (!bin || !existsSync(join(bin, 'initdb')))
    throw new Error('PostgreSQL is not installed: apt-get install -y postgresql (the "postgres" test project needs initdb and pg_ctl)');
  return bin;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** Starts the cluster and its two templates; returns its base URL (no database) and how to stop it. */
export async function startPgCluster(): Promise<{ base: string; stop: () => void }> {
  const bin = pgBin();
  const dir = mkdtempSync(join(tmpdir(), 'liftmap-pg-'));
  // initdb refuses to run as root: the cluster belongs to the postgres user then.
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' }) : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'liftmap', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  // Durability is not what the tests are about: no fsync, so a test database is made in milliseconds.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400`;
  run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  const base = `postgres://liftmap@127.0.0.1:${port}`;
  const stop = () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    await makeTemplates(base);
  } catch (e) {
    stop();
    throw e;
  }
  return { base, stop };
}

async function makeTemplates(base: string): Promise<void> {
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE liftmap_migrated');
  const migrated = await openPostgres(`${base}/liftmap_migrated`, { poolSize: 2 });
  await migrated.close();
  await admin.query('CREATE DATABASE liftmap_seeded TEMPLATE liftmap_migrated');
  const seeded = await openPostgres(`${base}/liftmap_seeded`, { poolSize: 2 });
  await seedIfEmpty(seeded.db, FENGHE);
  await seeded.close();
  await admin.end();
}

/** vitest's globalSetup for the "postgres" project: test workers find the cluster in LIFTMAP_TEST_PG_BASE. */
export default async function setup() {
  const { base, stop } = await startPgCluster();
  process.env.LIFTMAP_TEST_PG_BASE = base;
  return stop;
}
