// What the national exports share: a sheet of an annex's table, filled with rows of plain cells under the
// exporting department's line, the unit code column before the annex's own, filters, the workbook's bytes.
import type ExcelJS from 'exceljs';
import type { Bilingual } from '../../../domain/labels.ts';
import type { CellValue } from '../../../domain/spreadsheets/cells.ts';
import { info, type SheetSpec } from '../../../domain/spreadsheets/column.ts';
import { columnLetter } from '../../../domain/spreadsheets/grid.ts';
import { addTableSheet, firstDataRow } from './tableSheet.ts';

export const unitCodeColumn = info('unitCode', { zh: '单位代码', en: 'Unit code' }, 9);

/** The sheet with `rows` from row 5 down (a null leaves a cell empty); one blank row when there are none. */
export function addExportSheet(
  workbook: ExcelJS.Workbook,
  spec: SheetSpec,
  title: Bilingual,
  exportedOn: string,
  rows: readonly CellValue[][],
  note = '',
): ExcelJS.Worksheet {
  const subtitle = `国家知识产权局知识产权运用促进司　导出日期：${exportedOn}　　CNIPA IP Application Promotion Department, exported ${exportedOn}${note}`;
  const sheet = addTableSheet(workbook, spec, { title, subtitle }, Math.max(rows.length, 1), null);
  rows.forEach((cells, r) => {
    const row = sheet.getRow(firstDataRow + r);
    cells.forEach((value, c) => {
      if (value !== null) row.getCell(c + 1).value = value;
    });
  });
  return sheet;
}

/** Filter buttons on the English header row, over the data rows below it. */
export function addFilter(sheet: ExcelJS.Worksheet, columns: number, rows: number): void {
  sheet.autoFilter = `A${firstDataRow - 1}:${columnLetter(columns - 1)}${firstDataRow + rows - 1}`;
}

export async function finish(workbook: ExcelJS.Workbook): Promise<Buffer> {
  workbook.creator = 'wlx 知识产权服务万里行';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
