import { describe, expect, it } from 'vitest';
import { areaCell, chineseNumber, concernsCell, floorCell, registerRowSchema, roomCell, statusCell } from '../../../geo/register/index.ts';

describe('register cells as committees type them', () => {
  it.each([
    ['3', 3],
    ['３', 3],
    ['3F', 3],
    ['3楼', 3],
    ['3层', 3],
    ['三楼', 3],
    ['第六层', 6],
    ['十二楼', 12],
  ])('floor %s → %s', (cell, floor) => expect(floorCell(cell)).toBe(floor));

  it.each([
    ['301', '301'],
    ['301室', '301'],
    ['3-301', '301'],
    ['3楼301', '301'],
    ['三楼301室', '301'],
    ['3F-301', '301'],
    ['３０１', '301'],
    ['1201', '1201'],
    ['301A', '301A'],
  ])('room %s → %s', (cell, room) => expect(roomCell(cell)).toBe(room));

  it.each([
    ['45.6', 45.6],
    ['45.6㎡', 45.6],
    ['45.6m²', 45.6],
    ['45.6 平方米', 45.6],
    ['４５．６', 45.6],
  ])('area %s → %s', (cell, area) => expect(areaCell(cell)).toBe(area));

  it.each([
    ['已签字同意', 'signed'],
    ['已签字', 'signed'],
    ['同意', 'signed'],
    ['不同意', 'opposed'],
    ['反对', 'opposed'],
    ['弃权', 'abstain'],
    ['口头同意', 'intent'],
    ['考虑中', 'undecided'],
    ['未走访', 'unvisited'],
    ['联系不上', 'unreachable'],
    ['signed', 'signed'],
  ])('status %s → %s', (cell, status) => expect(statusCell(cell)).toBe(status));

  it('reads concerns in Chinese or English, however separated', () => {
    expect(concernsCell('噪音、采光；停车, cost_share')).toEqual(['noise', 'light', 'parking', 'cost_share']);
  });

  it('leaves what it does not recognise for the schema to refuse with its message', () => {
    expect(chineseNumber('百')).toBeNull();
    expect(floorCell('顶楼')).toBe('顶楼');
    expect(statusCell('也许')).toBe('也许');
    const row = registerRowSchema.safeParse({ doorNumber: '长风二村 45号', floor: '顶楼', room: '601', voterId: 'V1', status: '也许', concerns: '' });
    expect(row.success).toBe(false);
    expect(row.error!.issues.map((i) => i.path[0])).toEqual(['floor', 'status']);
  });

  it('turns a messy row into the register’s values', () => {
    const row = registerRowSchema.parse({ doorNumber: '长风二村 ４５号', floor: '三楼', room: '3-301', areaM2: '45.6㎡', voterId: 'V1', status: '已签字', concerns: '噪音、采光' });
    expect(row).toMatchObject({ doorNumber: '长风二村 45号', floor: 3, room: '301', areaM2: 45.6, status: 'signed', concerns: ['noise', 'light'] });
  });
});
