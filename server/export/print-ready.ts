import type ExcelJS from 'exceljs';

/** Display width of a cell's text in Excel columns: CJK and full-width characters take two. */
function textWidth(value: ExcelJS.CellValue): number {
  const text =
    value === null || value === undefined ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'object' ? JSON.stringify(value) : String(value);
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

/**
 * Sets a sheet up to print as committees print: A4 landscape, fitted to the
 * page's width, the header row repeated on every page and frozen on screen,
 * bold, and every column as wide as its longest text (capped at 60, so a long
 * list of door numbers wraps instead of running off the page).
 */
export function printReady(sheet: ExcelJS.Worksheet): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { ...sheet.headerFooter, oddFooter: '&P / &N' };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => {
    let widest = 4;
    column.eachCell?.({ includeEmpty: false }, (cell) => {
      widest = Math.max(widest, textWidth(cell.value));
    });
    column.width = Math.min(60, widest + 2);
    if (widest > 58) column.alignment = { wrapText: true, vertical: 'top' };
  });
}
