import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolygonGeometry } from '../../geo/estate/index.ts';
import { buildingChoices, DEFAULT_MAPPING, outlinesToEstate, outlinesFromFeatures, preselectOutlines } from '../../geo/outlines/index.ts';
import type { Problem } from '../../geo/problems/index.ts';
import { addUser } from '../../server/auth/manage-users.ts';
import { callerAs } from '../support/caller.ts';
import { sessionCookieFor } from '../support/sign-in.ts';
import { ROOT, startTestServer, type TestServer } from '../support/test-server.ts';

const MESSY = join(ROOT, 'tests', 'fixtures', 'registers', 'messy-register.xlsx');
const OUTLINES = join(ROOT, 'tests', 'fixtures', 'outlines');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let server: TestServer;
let staff: string;
let estateId: number;

beforeAll(async () => {
  server = await startTestServer();
  staff = await sessionCookieFor(server.url, 'li', await addUser(server.db, 'li', 'planner'));
  // 长风四村 as /import makes it from the city's GIS layer: 1幢…6幢, doors 1幢1单元….
  const read = outlinesFromFeatures(JSON.parse(readFileSync(join(OUTLINES, 'city-gis.geojson'), 'utf8')), { kind: 'lnglat', name: { zh: '', en: '' } });
  if (!read.ok) throw new Error('fixture');
  const boundary = (JSON.parse(readFileSync(join(OUTLINES, 'boundary.geojson'), 'utf8')) as GeoJSON.FeatureCollection).features[0]!.geometry as PolygonGeometry;
  const mapping = { ...DEFAULT_MAPPING, floorsField: 'Floor' };
  const estate = outlinesToEstate({ name: '长风四村', boundary, buildings: buildingChoices(read.set.outlines, preselectOutlines(read.set.outlines, mapping, boundary).selected, mapping) });
  const admin = await callerAs(server.db, 'admin');
  const result = await admin.admin.importEstate({ geojson: estate.ok && estate.geojson });
  if (!result.ok || result.outcome.kind !== 'created') throw new Error('estate');
  estateId = result.outcome.estateId;
});
afterAll(() => server.close());

interface Answer {
  ok: boolean;
  problems?: Problem[];
  warnings?: Problem[];
  changes?: { sheet: string; row: number; doorNumber: string; room: string; kind: string }[];
  unchanged?: number;
}
async function upload(bytes: Uint8Array, name: string, dryRun: boolean): Promise<{ status: number; body: Answer }> {
  const res = await fetch(`${server.url}/api/estates/${estateId}/register${dryRun ? '?dryRun=1' : ''}`, {
    method: 'POST',
    headers: { cookie: staff, 'x-file-name': encodeURIComponent(name), 'content-type': name.endsWith('.xlsx') ? XLSX : 'text/csv' },
    body: Buffer.from(bytes),
  });
  return { status: res.status, body: (await res.json()) as Answer };
}

/** The fixture with one sheet's cells changed, as a committee member would in Excel. */
async function edited(sheet: string, edit: (s: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(MESSY) as unknown as ArrayBuffer);
  edit(book.getWorksheet(sheet)!);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('a register as a committee keeps it', () => {
  it('reads title rows, a two-row header, a sheet per building, rooms and statuses as typed; skips blank, 小计 and 合计 rows and the 说明 sheet', async () => {
    const dry = await upload(readFileSync(MESSY), '风荷登记表.xlsx', true);
    expect(dry.status).toBe(200);
    expect(dry.body.changes).toHaveLength(84);
    expect(dry.body.changes!.filter((c) => c.sheet === '2幢').map((c) => c.doorNumber)).toEqual(expect.arrayContaining(['2幢1单元', '2幢2单元', '2幢3单元']));
    expect(dry.body.warnings!.map((w) => w.zh)).toEqual([
      '工作表「说明」没有名册表头（室号、面积等），已跳过',
      expect.stringContaining('名册没有「表决人编号」列：每户按一个表决人计'),
    ]);
    expect((await upload(readFileSync(MESSY), '风荷登记表.xlsx', false)).body.ok).toBe(true);
    const rows = await server.sql<{ door: string; floor: number; room: string; area: number; status: string }>(
      `SELECT s.door_number door, f.floor, f.room, f.area_centi_m2 area, f.status FROM flats f JOIN stairwells s ON s.id = f.stairwell_id WHERE s.estate_id = ? ORDER BY s.door_number, f.room`,
      estateId,
    );
    expect(rows).toHaveLength(84);
    // 3-301 style rooms and full-width digits read as the room's own number, on the floor it names.
    expect(rows.filter((r) => r.door === '1幢1单元').map((r) => `${r.floor}:${r.room}`)).toEqual(['1:101', '1:102', '2:201', '2:202', '3:301', '3:302', '4:401', '4:402', '5:501', '5:502', '6:601', '6:602']);
    // No 产证面积: the 实测面积 beside it (row 13 of 1幢, the ninth flat).
    expect(rows.filter((r) => r.door === '1幢1单元' && r.room === '501').map((r) => Number(r.area))).toEqual([4860]);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['unvisited', 'undecided', 'intent', 'signed', 'abstain', 'opposed', 'unreachable']));
  });

  it('refuses floor 9 of a six-storey building, naming the sheet, row, column and value, in Chinese and English; nothing is written', async () => {
    const before = await server.sql<{ n: number }>('SELECT count(*) n FROM consent_events');
    const bytes = await edited('1幢', (s) => (s.getCell('C16').value = '901'));
    const res = await upload(bytes, '登记表.xlsx', false);
    expect(res.status).toBe(422);
    expect(res.body.problems).toContainEqual({
      zh: '「1幢」第 16 行「室号（楼层）」列是 9：1幢1单元 所在楼只有 6 层，没有第 9 层',
      en: 'sheet “1幢”, row 16, column “室号（楼层）” is 9: 1幢1单元 is in a building of 6 floors, so there is no floor 9',
    });
    expect(await server.sql<{ n: number }>('SELECT count(*) n FROM consent_events')).toEqual(before);
  });

  it('refuses a cell it cannot read with the file’s own header and the value', async () => {
    const bytes = await edited('2幢', (s) => (s.getCell('F7').value = '四十五平'));
    const res = await upload(bytes, '登记表.xlsx', true);
    expect(res.body.problems).toEqual([
      { zh: '「2幢」第 7 行「面积（㎡） 产证面积」列是「四十五平」：应为面积（平方米），如 45.67 或 45.67㎡', en: 'sheet “2幢”, row 7, column “面积（㎡） 产证面积” is “四十五平”: expected an area in m² such as 45.67' },
    ]);
  });

  it('warns of a floor with more flats than the stairwell’s other floors, and still imports', async () => {
    const bytes = await edited('1幢', (s) => {
      s.spliceRows(10, 0, [99, '1', '303', '住户99', '', '44.1', '', 1, '同意', '', '']);
    });
    const dry = await upload(bytes, '登记表.xlsx', true);
    expect(dry.body.ok).toBe(true);
    expect(dry.body.warnings).toContainEqual({
      zh: '1幢1单元 第 3 层有 3 户（301、302、303），该门洞其他楼层一般每层 2 户：请核对室号和楼层',
      en: '1幢1单元 floor 3 has 3 flats (301, 302, 303) where its other floors have 2: check the rooms and floors',
    });
  });

  it('exports in the language of the screen and either file imports back unchanged', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const res = await fetch(`${server.url}/api/estates/${estateId}/register.xlsx?lang=${lang}`, { headers: { cookie: staff } });
      const bytes = new Uint8Array(await res.arrayBuffer());
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
      const header = book.worksheets[0]!.getRow(1).values as unknown[];
      expect(header.slice(1, 4)).toEqual(lang === 'zh' ? ['门牌号', '楼层', '室号'] : ['doorNumber', 'floor', 'room']);
      const statuses = new Set(book.worksheets[0]!.getColumn(header.indexOf(lang === 'zh' ? '状态' : 'status')).values.slice(2));
      expect(statuses.has(lang === 'zh' ? '已签字同意' : 'signed')).toBe(true);
      expect((await upload(bytes, `register-${lang}.xlsx`, true)).body).toMatchObject({ ok: true, changes: [], unchanged: 84 });
    }
  });
});
