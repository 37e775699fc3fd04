import { getTableName, is, Table } from 'drizzle-orm';
import type { TestServer } from './test-server.ts';
import { appRouter } from '../../server/routers/_app.ts';

/** JSON text of arrays nested `depth` deep (written as text: JSON.stringify itself would overflow). */
const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

/** Values no field of any procedure accepts, as JSON text. */
export const HOSTILE_VALUES: { name: string; json: string }[] = [
  { name: 'text where a number belongs', json: JSON.stringify('1; DROP TABLE flats') },
  { name: 'a huge number', json: '1e308' },
  { name: 'a negative number', json: '-1' },
  { name: 'a fraction', json: '0.5' },
  { name: 'a date in 9999', json: JSON.stringify('9999-12-31T23:59:59+08:00') },
  { name: 'a date in 1970', json: JSON.stringify('1970-01-01T00:00:00Z') },
  { name: 'a 10,000-character string', json: JSON.stringify('长'.repeat(10_000)) },
  { name: 'arrays 5,000 deep', json: nested(5_000) },
  { name: 'an array of 20,000 items', json: JSON.stringify(new Array(20_000).fill(1e9)) },
  { name: 'an object with __proto__', json: '{"__proto__":{"admin":true},"constructor":"x"}' },
  { name: 'true', json: 'true' },
];

/** Every field name any procedure takes, each set to the hostile value. */
const FIELDS = [
  'estateId', 'stairwellId', 'flatId', 'scenarioId', 'visitId', 'expectedVersion', 'clientId', 'recordedAt', 'nextVisitOn', 'outcome', 'status',
  'concerns', 'compensation', 'note', 'position', 'to', 'reason', 'params', 'moves', 'name', 'door', 'elevatorSite', 'coefficients', 'liftCostYuan',
  'tag', 'answerZh', 'answerEn', 'accept', 'geojson', 'from', 'reference', 'register', 'canvassers', 'floors', 'maxWalkM', 'limit', 'username',
  'password', 'lastEventId',
];

export const HOSTILE_INPUTS: { name: string; json: string }[] = [
  { name: 'null', json: 'null' },
  { name: 'a bare string', json: '"x"' },
  { name: 'a bare number', json: '42' },
  { name: 'an empty array', json: '[]' },
  { name: 'arrays 100,000 deep', json: nested(100_000) },
  ...HOSTILE_VALUES.map((v) => ({ name: `every field ${v.name}`, json: `{${FIELDS.map((f) => `"${f}":${v.json}`).join(',')}}` })),
];

/** Procedures that take no input answer whatever is sent, as a GET of a page would. */
export const TAKES_NO_INPUT = new Set(['auth.me', 'estate.list', 'estate.basemap', 'plan.defaults', 'canvass.answers', 'canvass.flaggedVisits', 'admin.lastBackup', 'admin.site', 'admin.backups', 'users.list']);
/** Not sent: it ends the session the corpus runs in (it writes nothing else). */
const SKIPPED = new Set(['auth.logout', 'live.onChange']);

/** Every procedure of appRouter by its dotted path, with its type. */
export function allProcedures(): { path: string; type: 'query' | 'mutation' | 'subscription' }[] {
  return Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: 'query' | 'mutation' | 'subscription' } }>).map(([path, p]) => ({ path, type: p._def.type }));
}

export function corpusProcedures(): { path: string; type: 'query' | 'mutation' }[] {
  return allProcedures().filter((p): p is { path: string; type: 'query' | 'mutation' } => !SKIPPED.has(p.path) && p.type !== 'subscription');
}

/** What a write would move: every table's row count, the flats' versions and the estates' revisions (sign-ins aside), in either dialect. */
export async function fingerprint(server: Pick<TestServer, 'db' | 'sql'>): Promise<string> {
  const tables = Object.values(server.db.t as Record<string, unknown>)
    .filter((t): t is Table => is(t, Table))
    .map((t) => getTableName(t))
    .filter((name) => name !== 'sessions' && name !== 'login_failures')
    .sort();
  const counts: string[] = [];
  for (const name of tables) counts.push(`${name}:${Number((await server.sql<{ n: number }>(`SELECT count(*) AS n FROM "${name}"`))[0]!.n)}`);
  const [{ v }] = (await server.sql<{ v: number }>('SELECT coalesce(sum(version), 0) AS v FROM flats')) as [{ v: number }];
  const [{ r }] = (await server.sql<{ r: number }>('SELECT coalesce(sum(revision), 0) AS r FROM estates')) as [{ r: number }];
  return [...counts, `versions:${Number(v)}`, `revisions:${Number(r)}`].join(' ');
}

export interface CorpusResult {
  procedures: number;
  inputs: number;
  sent: number;
  refused: number;
  answeredWithoutInput: number;
  crashes: { path: string; input: string; status: number; body: string }[];
  unexpected: { path: string; input: string; status: number; body: string }[];
}

/** Sends every hostile input to every procedure over HTTP as a signed-in admin (so only the input can stop it). */
export async function sendCorpus(url: string, cookie: string): Promise<CorpusResult> {
  const procedures = corpusProcedures();
  const result: CorpusResult = { procedures: procedures.length, inputs: HOSTILE_INPUTS.length, sent: 0, refused: 0, answeredWithoutInput: 0, crashes: [], unexpected: [] };
  for (const { path, type } of procedures)
    for (const { name, json: body } of HOSTILE_INPUTS) {
      const res =
        type === 'query'
          ? await fetch(`${url}/trpc/${path}?input=${encodeURIComponent(body)}`, { headers: { cookie } })
          : await fetch(`${url}/trpc/${path}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body });
      const text = await res.text();
      result.sent += 1;
      const entry = { path, input: name, status: res.status, body: text.slice(0, 200) };
      if (res.status >= 500) result.crashes.push(entry);
      else if (res.status >= 400 && /"message":"[^"]+"|"error"|Header|Request/.test(text + res.statusText)) result.refused += 1;
      else if (res.status < 300 && TAKES_NO_INPUT.has(path)) result.answeredWithoutInput += 1;
      // The import's refusal is data: every problem by feature, nothing written.
      else if (res.status < 300 && /"ok":false,"problems":\["/.test(text)) result.refused += 1;
      else result.unexpected.push(entry);
    }
  return result;
}
