// Filling workbooks by code, the way an office would by hand, for the import tests.
import ExcelJS from 'exceljs';
import type { CellValue } from '../../../domain/spreadsheets/cells.ts';

export type Cell = ExcelJS.CellValue;

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

export async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Writes rows into a sheet from `firstRow` down; null leaves a cell empty. */
export function fillRows(
  sheet: ExcelJS.Worksheet,
  firstRow: number,
  rows: readonly (readonly (Cell | CellValue)[])[],
): void {
  rows.forEach((cells, r) => {
    const row = sheet.getRow(firstRow + r);
    cells.forEach((value, c) => {
      if (value !== null && value !== undefined) row.getCell(c + 1).value = value as Cell;
    });
    row.commit();
  });
}
