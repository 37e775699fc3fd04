import { describe, expect, it } from 'vitest';
import { findSheetHeader, sheetColumnOf, sheetRecords, validateSheetRecords, type Sheet } from '../../../geo/register/index.ts';

const sheet = (name: string, rows: string[][]): Sheet => ({ name, rows: rows.map((cells, i) => ({ number: i + 1, cells })) });

describe('a register sheet as committees lay it out', () => {
  it('knows the columns by the words committees use', () => {
    expect(['户号', '房号', ' 产证面积（㎡） ', '建筑面积(m²)', '产权人', '承租人', '联系电话', '意见', '单元', '常住人数', '序号'].map(sheetColumnOf)).toEqual([
      'room', 'room', 'areaM2', 'areaM2', 'voterName', 'voterName', 'phone', 'status', 'unit', 'residents', null,
    ]);
  });

  it('finds the header under title rows, and a merged heading over sub-headings', () => {
    const header = findSheetHeader([
      ['风荷苑 45号 意见征询登记表', '风荷苑 45号 意见征询登记表', ''],
      ['', '', ''],
      ['门牌号', '户号', '产权人', '产权人', '面积', '面积'],
      ['门牌号', '户号', '姓名', '电话', '产证面积', '实测面积'],
      ['长风二村 45号', '101', '张', '138', '45.6', ''],
    ]);
    expect(header?.rows).toEqual([2, 3]);
    expect(header?.columns).toEqual(['doorNumber', 'room', 'voterName', 'phone', 'areaM2', 'areaM2']);
    expect([...header!.areaRank]).toEqual([[4, 0], [5, 1]]);
    expect(header?.text[4]).toBe('面积 产证面积');
  });

  it('reads each flat once: blank and totals rows skipped, the certificate area before the survey, floors from rooms, doors from the sheet and unit', () => {
    const { records, warnings } = sheetRecords([
      sheet('12幢', [
        ['单元', '室号', '产证面积', '实测面积', '意见'],
        ['1', '301', '', '46.2', '同意'],
        ['一单元', '3-302', '45.6㎡', '46.0', '反对'],
        ['', '', '', '', ''],
        ['小计', '', '91.8', '', ''],
        ['合计', '', '', '', ''],
      ]),
    ]);
    expect(records.map((r) => r.cells)).toEqual([
      { doorNumber: '12幢1单元', room: '301', areaM2: '46.2', status: '同意', floor: '3' },
      { doorNumber: '12幢1单元', room: '3-302', areaM2: '45.6㎡', status: '反对', floor: '3' },
    ]);
    expect(warnings.map((w) => w.en)).toEqual([expect.stringContaining('no voter id')]);
    const { rows, problems } = validateSheetRecords(records);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.doorNumber, r.floor, r.room, r.areaM2, r.voterId, r.status])).toEqual([
      ['12幢1单元', 3, '301', 46.2, '12幢1单元 301', 'signed'],
      ['12幢1单元', 3, '302', 45.6, '12幢1单元 302', 'opposed'],
    ]);
  });

  it('says so when no sheet has a register header', () => {
    const r = sheetRecords([sheet('Sheet1', [['姓名', '电话'], ['张', '138']])]);
    expect(r.problems.map((p) => p.zh)).toEqual([expect.stringContaining('找不到名册表头')]);
  });
});
