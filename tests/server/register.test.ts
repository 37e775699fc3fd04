import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/auth/manage-users.ts';
import { consentEvents, flats, stairwells } from '../../server/db/schema.ts';
import { sessionCookieFor } from '../support/sign-in.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let staff: string;
let viewer: string;
beforeAll(async () => {
  server = await startTestServer();
  staff = await sessionCookieFor(server.url, 'li', addUser(server.db, 'li', 'planner'));
  viewer = await sessionCookieFor(server.url, 'guest', addUser(server.db, 'guest', 'viewer'));
});
afterAll(() => server.close());

const upload = async (bytes: Uint8Array, name: string, dryRun: boolean) => {
  const res = await fetch(`${server.url}/api/estates/1/register${dryRun ? '?dryRun=1' : ''}`, {
    method: 'POST',
    headers: { cookie: staff, 'x-file-name': encodeURIComponent(name), 'content-type': name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv' },
    body: Buffer.from(bytes),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; encoding: string; problems?: string[]; changes?: { doorNumber: string; room: string; fields: string[] }[]; unchanged?: number } };
};
const eventCount = () => server.db.select({ n: count() }).from(consentEvents).get()!.n;
const statusOf = (door: string, room: string) =>
  server.db.select({ status: flats.status }).from(flats).innerJoin(stairwells, eq(stairwells.id, flats.stairwellId)).where(and(eq(stairwells.doorNumber, door), eq(flats.room, room))).get()!.status;

describe('the register in and out', () => {
  it('exports XLSX that imports back with no changes', async () => {
    const res = await fetch(`${server.url}/api/estates/1/register.xlsx`, { headers: { cookie: staff } });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.getRow(1).getCell(1).value).toBe('门牌号');
    const dry = await upload(bytes, '名册.xlsx', true);
    expect(dry.body).toMatchObject({ ok: true, encoding: 'xlsx', changes: [], unchanged: 1920 });
    // Applied, it writes nothing: every flat keeps its version, so no canvasser's open form goes stale.
    const versions = () => server.sqlite.prepare('SELECT id, version FROM flats ORDER BY id').all();
    const before = versions();
    expect((await upload(bytes, '名册.xlsx', false)).body).toMatchObject({ ok: true, applied: true, changes: [] });
    expect(versions()).toEqual(before);
  });

  it('reads a GBK CSV as Chinese Excel writes it; the dry run shows the change and writes nothing', async () => {
    const res = await fetch(`${server.url}/api/estates/1/register.csv?encoding=gbk`, { headers: { cookie: staff } });
    const text = iconv.decode(Buffer.from(await res.arrayBuffer()), 'gbk');
    expect(text.split('\n')[0]).toMatch(/^门牌号,楼层,室号,面积/);
    const lines = text.split('\r\n');
    const target = lines.findIndex((l) => /,unvisited,/.test(l));
    const [door, , room] = lines[target]!.split(',');
    lines[target] = lines[target]!.replace(',unvisited,', ',signed,');
    const gbk = iconv.encode(lines.join('\r\n'), 'gbk');
    const before = eventCount();
    const dry = await upload(gbk, '名册.csv', true);
    expect(dry.body.encoding).toBe('gbk');
    expect(dry.body.changes).toEqual([expect.objectContaining({ doorNumber: door, room, fields: ['status'] })]);
    expect(statusOf(door!, room!)).toBe('unvisited');
    expect(eventCount()).toBe(before);
    const applied = await upload(gbk, '名册.csv', false);
    expect(applied.body.ok).toBe(true);
    expect(statusOf(door!, room!)).toBe('signed');
    expect(eventCount()).toBe(before + 1);
  });

  it('reports every bad row with row number and column, and changes nothing', async () => {
    const res = await fetch(`${server.url}/api/estates/1/register.csv`, { headers: { cookie: staff } });
    const lines = (await res.text()).split('\r\n');
    lines[2] = lines[2]!.replace(/^长风二村 1号,/, '长风二村 999号,');
    lines[5] = lines[5]!.replace(/,(\d+\.\d+|),/, ',很大,');
    const firstStatus = statusOf('长风二村 1号', '101');
    lines[1] = lines[1]!.replace(/,(unvisited|undecided|intent|signed|abstain|opposed|unreachable),/, ',opposed,');
    const before = eventCount();
    const bad = await upload(Buffer.from(lines.join('\r\n')), 'register.csv', false);
    expect(bad.status).toBe(422);
    expect(bad.body.problems).toContain('register.csv row 6, column areaM2: expected an area in m² such as 45.67');
    expect(eventCount()).toBe(before);
    expect(statusOf('长风二村 1号', '101')).toBe(firstStatus);
    // With the cells fixed, the unknown door is still named by its row.
    const rest = await upload(Buffer.from([lines[0], lines[2]].join('\r\n')), 'register.csv', false);
    expect(rest.body.problems).toEqual(['row 2, column doorNumber: no stairwell 长风二村 999号 in this estate']);
    expect(eventCount()).toBe(before);
  });

  it('keeps the register from viewers and strangers', async () => {
    expect((await fetch(`${server.url}/api/estates/1/register.xlsx`, { headers: { cookie: viewer } })).status).toBe(403);
    expect((await fetch(`${server.url}/api/estates/1/register.xlsx`)).status).toBe(401);
  });
});
