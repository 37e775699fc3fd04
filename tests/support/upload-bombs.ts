/**
 * Files made to hurt the server, each small on the wire: the reproductions
 * of the issue "Never down", for the tests and the chaos benchmark. Built
 * by hand from their formats so that each is exactly what it claims.
 */
import { strToU8, zipSync } from 'fflate';
import { createDeflateRaw, crc32, deflateSync } from 'node:zlib';

const SHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The parts of a one-sheet workbook around its sheet. */
function workbookParts(): Record<string, string> {
  return {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${SHEET_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="名册" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_NS}"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  };
}

const HEADER_ROW = `<row r="1">${['门牌号', '楼层', '室号', '面积', '表决人编号'].map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('')}</row>`;

/** An XLSX of one sheet whose XML is `sheetXml`, deflated as Excel does. */
function xlsx(sheetXml: string): Uint8Array {
  const files = Object.fromEntries(Object.entries(workbookParts()).map(([name, text]) => [name, strToU8(text)]));
  return zipSync({ ...files, 'xl/worksheets/sheet1.xml': strToU8(sheetXml) }, { level: 6 });
}

/** A register's header row, then one merged range (`A2:XFD1048576` is 17 billion cells): about 1.5 KB. */
export function mergedRangeXlsx(ref = 'A2:XFD1048576'): Uint8Array {
  return xlsx(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${SHEET_NS}"><sheetData>${HEADER_ROW}</sheetData><mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells></worksheet>`);
}

/** A workbook of `rows` rows of one number each: a million is about 7 MB. */
export function manyRowsXlsx(rows = 1_000_000): Uint8Array {
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${SHEET_NS}"><sheetData>${HEADER_ROW}`];
  for (let r = 2; r <= rows + 1; r++) parts.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  parts.push('</sheetData></worksheet>');
  return xlsx(parts.join(''));
}

/**
 * A workbook under the row count and 100 MB inflated whose 6.75 million
 * small cells would take gigabytes once a spreadsheet library builds them:
 * refused by its cell count before it is loaded.
 */
export function manyCellsXlsx(rows = 150_000, cellsPerRow = 45): Uint8Array {
  const cells = '<c><v>1</v></c>'.repeat(cellsPerRow);
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${SHEET_NS}"><sheetData>${HEADER_ROW}`];
  for (let r = 2; r <= rows + 1; r++) parts.push(`<row>${cells}</row>`);
  parts.push('</sheetData></worksheet>');
  return xlsx(parts.join(''));
}

/**
 * A register as a district keeps it: `rows` flats of 24 per stairwell, each
 * with its door, floor, room, area, voter, name, phone and status (names
 * and phones made up), the cells addressed as Excel writes them.
 */
export function registerXlsx(rows: number): Uint8Array {
  const headers = ['门牌号', '楼层', '室号', '面积', '表决人编号', '姓名', '电话', '人数', '状态'];
  const col = (i: number) => String.fromCharCode(65 + i);
  const text = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${SHEET_NS}"><sheetData><row r="1">${headers.map((h, i) => text(`${col(i)}1`, h)).join('')}</row>`];
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    const floor = 1 + Math.floor((i % 24) / 4);
    parts.push(
      `<row r="${r}">${text(`A${r}`, `长风${1 + Math.floor(i / 1920)}村 ${1 + Math.floor((i % 1920) / 24)}号`)}<c r="B${r}"><v>${floor}</v></c>${text(`C${r}`, String(floor * 100 + 1 + (i % 4)))}<c r="D${r}"><v>${45 + (i % 20)}.5</v></c>${text(`E${r}`, `V${i}`)}${text(`F${r}`, '居民')}${text(`G${r}`, '13800000000')}<c r="H${r}"><v>2</v></c>${text(`I${r}`, '未走访')}</row>`,
    );
  }
  parts.push('</sheetData></worksheet>');
  return xlsx(parts.join(''));
}

/** Raw DEFLATE of `megabytes` of zeros, streamed so it never sits in memory whole. */
async function deflatedZeros(megabytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (d: Buffer) => out.push(d));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const mb = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < megabytes; i++) if (!deflate.write(mb)) await new Promise((resolve) => deflate.once('drain', resolve));
  deflate.end();
  await done;
  return Buffer.concat(out);
}

/**
 * An XLSX whose worksheet inflates to `megabytes` of zeros while its local
 * header and central directory both claim 4 KB: a size check that trusts
 * the directory lets it through (400 MB from a 400 KB upload).
 */
export async function lyingZipXlsx(megabytes = 400): Promise<Uint8Array> {
  const entries: { name: string; data: Uint8Array; method: number; claimed: number }[] = [
    ...Object.entries(workbookParts()).map(([name, text]) => ({ name, data: strToU8(text), method: 0, claimed: strToU8(text).length })),
    { name: 'xl/worksheets/sheet1.xml', data: await deflatedZeros(megabytes), method: 8, claimed: 4096 },
  ];
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.method === 0 ? crc32(e.data) : 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.claimed, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt32LE(e.method === 0 ? crc32(e.data) : 0, 16);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.claimed, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, name, Buffer.from(e.data));
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

/** A PNG chunk: length, type, data, CRC. */
function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A valid 1-bit PNG of `side`×`side` white pixels: 17 KB for 12000×12000,
 * 576 MB once decoded to RGBA as a signature check would.
 */
export function hugePng(side = 12_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr.writeUInt8(1, 8); // bit depth 1
  ihdr.writeUInt8(0, 9); // greyscale
  const row = Buffer.alloc(1 + Math.ceil(side / 8), 0xff);
  row[0] = 0; // filter: none
  const raw = Buffer.alloc(row.length * side);
  for (let y = 0; y < side; y++) row.copy(raw, y * row.length);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw, { level: 9 })), pngChunk('IEND', Buffer.alloc(0))]);
}

/**
 * An estate file of `buildings` buildings of `vertices` points each (under
 * the 10,000 per ring the import allows): 1.3 MB that once took a minute
 * of the main thread to check.
 */
export function heavyEstate(buildings = 5, vertices = 9_990, name = '大文件小区'): GeoJSON.FeatureCollection {
  const [lng, lat] = [121.4, 31.227];
  const ring = (cy: number) => {
    const points = Array.from({ length: vertices }, (_, i) => {
      const t = (2 * Math.PI * i) / vertices;
      return [lng + 3e-4 * Math.cos(t), cy + 8e-5 * Math.sin(t)];
    });
    return [...points, points[0]!];
  };
  const square = (d: number) => [[lng - d, lat - d], [lng + d, lat - d], [lng + d, lat + d], [lng - d, lat + d], [lng - d, lat - d]];
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { kind: 'boundary', name }, geometry: { type: 'Polygon', coordinates: [square(0.002)] } },
      ...Array.from({ length: buildings }, (_, b): GeoJSON.Feature => ({
        type: 'Feature',
        properties: { kind: 'building', code: `${b + 1}幢`, floors: 6, stairwellCount: 3 },
        geometry: { type: 'Polygon', coordinates: [ring(lat - 0.0015 + b * 0.0006)] },
      })),
    ],
  };
}
