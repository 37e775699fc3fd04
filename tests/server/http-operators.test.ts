import { sql } from 'drizzle-orm';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/auth/manage-users.ts';
import { rawRows } from '../../server/db/database.ts';
import { MIGRATIONS } from '../../server/db/open-database.ts';
import { MIGRATIONS_PG } from '../../server/db/open-postgres.ts';
import { sessionCookieFor } from '../support/sign-in.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let cookie: string;
beforeAll(async () => {
  server = await startTestServer();
  cookie = await sessionCookieFor(server.url, 'ops-admin', await addUser(server.db, 'ops-admin', 'admin'));
});
afterAll(() => server.close());

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request with exactly these headers (fetch would add accept-encoding and undo the compression). */
function raw(path: string, opts: { method?: string; headers?: Record<string, string> } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method: opts.method ?? 'GET', headers: opts.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const builtAsset = (pattern: RegExp) => {
  const name = readdirSync(join(import.meta.dirname, '..', '..', 'dist', 'client', 'assets')).find((f) => pattern.test(f));
  if (!name) throw new Error(`no built asset like ${pattern}`);
  return `/assets/${name}`;
};

describe('probes', () => {
  it('/readyz says the database answers with every migration this version carries; /livez that the process answers', async () => {
    const ready = await raw('/readyz');
    expect(ready.status).toBe(200);
    const body = JSON.parse(ready.body.toString()) as { ready: boolean; database: string; migrations: number };
    expect(body.ready).toBe(true);
    const journal = server.databaseUrl ? MIGRATIONS_PG : MIGRATIONS;
    expect(body.migrations).toBe((JSON.parse(readFileSync(join(journal, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length);
    expect(JSON.parse((await raw('/livez')).body.toString())).toEqual({ live: true });
  });

  it('/readyz is 503 naming the migration when the database is behind this version', async () => {
    const table = server.databaseUrl ? sql`drizzle.__drizzle_migrations` : sql`__drizzle_migrations`;
    const [last] = await rawRows<{ id: number; hash: string; created_at: number | string }>(server.db, sql`SELECT id, hash, created_at FROM ${table} ORDER BY created_at DESC LIMIT 1`);
    await rawRows(server.db, sql`DELETE FROM ${table} WHERE hash = ${last!.hash}`);
    try {
      const behind = await raw('/readyz');
      expect(behind.status).toBe(503);
      expect((JSON.parse(behind.body.toString()) as { reason: string }).reason).toMatch(/^database at migration \d+ of \d+$/);
      expect((await raw('/livez')).status).toBe(200);
    } finally {
      await rawRows(server.db, sql`INSERT INTO ${table} (id, hash, created_at) VALUES (${last!.id}, ${last!.hash}, ${last!.created_at})`);
    }
    expect((await raw('/readyz')).status).toBe(200);
  });

  it('a probe path that does not exist is a 404 in JSON, never the app page answering 200', async () => {
    for (const path of ['/metrics', '/health', '/status', '/api/nothing', '/trpc', '/wp-login.php', '/stairwell/abc', '/wall/extra']) {
      const res = await raw(path);
      expect(res.status, path).toBe(404);
      expect(res.body.toString(), path).not.toContain('<html');
    }
    for (const path of ['/', '/wall', '/canvass', '/admin', '/plan', '/stairwell/7', '/papers/3/result']) {
      const res = await raw(path);
      expect(res.status, path).toBe(200);
      expect(res.body.toString(), path).toContain('<div id="root">');
    }
  });
});

describe('HEAD', () => {
  it('answers every GET route with its headers and no body, so GDAL and QGIS can open a URL', async () => {
    const paths = ['/api/estates/1/stairwells.geojson', '/api/estates/1/estate.geojson', '/api/estates', '/api/district/overview.json', '/readyz', '/healthz', '/wall', builtAsset(/^index-.*\.js$/)];
    for (const path of paths) {
      const get = await raw(path);
      const head = await raw(path, { method: 'HEAD' });
      expect(head.status, path).toBe(get.status);
      expect(head.status, path).toBe(200);
      expect(head.headers['content-type'], path).toBe(get.headers['content-type']);
      expect(head.body.length, path).toBe(0);
    }
    const missing = await raw('/api/estates/999/stairwells.geojson', { method: 'HEAD' });
    expect(missing.status).toBe(404);
  });
});

describe('compression and caching', () => {
  it('sends the build precompressed: brotli when taken, else gzip, else plain, each the same file', async () => {
    const path = builtAsset(/^index-.*\.js$/);
    const plain = await raw(path);
    const br = await raw(path, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const gz = await raw(path, { headers: { 'accept-encoding': 'gzip' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
  });

  it('caches hashed assets for a year and makes every page revalidate', async () => {
    const asset = await raw(builtAsset(/^index-.*\.js$/));
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const page of ['/', '/canvass', '/index.html']) expect((await raw(page)).headers['cache-control'], page).toBe('no-cache');
  });

  it('compresses the API and tRPC answers on the fly', async () => {
    const geo = await raw('/api/estates/1/stairwells.geojson', { headers: { 'accept-encoding': 'br' } });
    expect(geo.headers['content-encoding']).toBe('br');
    const parsed = JSON.parse(brotliDecompressSync(geo.body).toString()) as { features: unknown[] };
    expect(parsed.features).toHaveLength(80);
    const input = encodeURIComponent(JSON.stringify({ 0: { estateId: 1 } }));
    const map = await raw(`/trpc/estate.map?batch=1&input=${input}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(map.status).toBe(200);
    expect(map.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(map.body).toString())).toHaveLength(1);
  });
});

describe('access log', () => {
  it('writes method, path without its query, status and time, never a cookie or a query', async () => {
    server.access.length = 0;
    await raw('/api/estates/1/stairwells.geojson?name=%E5%BC%A0%E4%B8%89&phone=13800000000', { headers: { cookie } });
    await raw('/metrics');
    await new Promise((r) => setTimeout(r, 50));
    expect(server.access[0]).toMatch(/^GET \/api\/estates\/1\/stairwells\.geojson 200 \d+\.\dms$/);
    expect(server.access[1]).toMatch(/^GET \/metrics 404 \d+\.\dms$/);
    const all = server.access.join('\n');
    for (const secret of ['13800000000', '%E5%BC%A0', '张三', cookie.split('=')[1]!]) expect(all).not.toContain(secret);
  });
});
