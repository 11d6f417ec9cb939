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

const csvField = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** A CSV as an office saves it: a header row of the Chinese headers, then the rows, CRLF line ends. */
export function csvText(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `${[headers, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** `text` in GBK, as Excel and WPS on Chinese Windows save "CSV (逗号分隔)". */
export async function gbk(text: string): Promise<Uint8Array> {
  const { default: iconv } = await import('iconv-lite');
  return new Uint8Array(iconv.encode(text, 'gbk'));
}
