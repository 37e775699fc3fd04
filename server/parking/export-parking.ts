import ExcelJS from 'exceljs';
import { printReady } from '../export/print-ready.ts';
import type { ComputedParking } from './compute-parking.ts';

/**
 * The property company's list (物业): for each state (now, each phase, after),
 * which space serves which door, floor and room, and who waits. No names.
 */
export async function parkingToXlsx(parking: ComputedParking): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'LiftMap 加梯作战图';
  for (const state of parking.states) {
    const title = state.key === 'now' ? '现状 Now' : state.key === 'after' ? '完工后 After' : `第${(state.phase ?? 0) + 1}批 Phase ${(state.phase ?? 0) + 1}`;
    const sheet = book.addWorksheet(title);
    sheet.columns = [
      { header: '车位 Space', key: 'space', width: 10 },
      { header: '门牌号 Door number', key: 'door', width: 18 },
      { header: '楼层 Floor', key: 'floor', width: 8 },
      { header: '室号 Room', key: 'room', width: 8 },
      { header: '步行距离 Walk (m)', key: 'walk', width: 14 },
      { header: '变动 Change', key: 'change', width: 22 },
    ];
    const moved = new Map(state.moves.map((m) => [m.flatId, m]));
    for (const a of [...state.assignments].sort((x, y) => x.spaceCode.localeCompare(y.spaceCode))) {
      const m = moved.get(a.flatId);
      sheet.addRow({ space: a.spaceCode, door: a.doorNumber, floor: a.floor, room: a.room, walk: a.walkM, change: m ? `${m.from ?? '候补'} → ${m.to ?? '候补'}` : '' });
    }
    for (const w of state.waiting) sheet.addRow({ space: '候补 waiting', door: w.doorNumber, floor: w.floor, room: w.room, walk: '', change: '' });
    printReady(sheet);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
