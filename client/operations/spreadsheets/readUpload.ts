// Any spreadsheet an office sends, into plain grids: .xlsx read directly, .csv decoded (csvGrid.ts), .xls,
// .et and .ods converted by LibreOffice (legacyWorkbook.ts); the format told by the bytes, not the name,
// except for CSV, which has no signature. Whatever is refused is refused in words that say what to do.
import { extname } from 'node:path';
import { DocumentRejectedError, formatBytes } from '../../../infra/documents/fileType.ts';
import { zipEntries } from '../../../infra/documents/zipEntries.ts';
import { readCsv } from './csvGrid.ts';
import { convertLegacy } from './legacyWorkbook.ts';
import { readWorkbook, type WorkbookContent } from './readWorkbook.ts';

/** 10 MiB: a demand list of thousands of rows is well under 1 MiB. */
export const defaultMaxSpreadsheetBytes = 10 * 1024 * 1024;

const ole2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function refuseOversized(fileName: string, size: number, maxBytes: number): void {
  if (size > maxBytes) {
    throw new DocumentRejectedError(
      `“${fileName}”过大：${formatBytes(size)}，表格上限 ${formatBytes(maxBytes)}`,
      `"${fileName}" is too large: ${formatBytes(size)}, the limit for spreadsheets is ${formatBytes(maxBytes)}`,
    );
  }
}

async function readXlsx(fileName: string, bytes: Uint8Array): Promise<WorkbookContent> {
  const entries = zipEntries(bytes);
  if (entries?.some((e) => e.name === 'xl/workbook.xml')) return readWorkbook(fileName, bytes, entries);
  throw new DocumentRejectedError(
    `“${fileName}”无法作为 Excel 文件读取：文件已损坏，或其格式不是 .xlsx。请用 Excel 或 WPS 另存为 .xlsx 后重新上传`,
    `"${fileName}" cannot be read as an Excel file: it is damaged or not an .xlsx. Save it as .xlsx from Excel or WPS and upload it again`,
  );
}

export async function readSpreadsheet(
  fileName: string,
  bytes: Uint8Array,
  maxBytes: number = defaultMaxSpreadsheetBytes,
): Promise<WorkbookContent> {
  refuseOversized(fileName, bytes.length, maxBytes);
  if (bytes.length === 0) throw new DocumentRejectedError(`“${fileName}”是空文件`, `"${fileName}" is empty`);
  if (ole2.every((b, i) => bytes[i] === b)) {
    return readXlsx(fileName, await convertLegacy(fileName, bytes, 'xls'));
  }
  const entries = zipEntries(bytes);
  if (entries?.some((e) => e.name === 'content.xml') && !entries.some((e) => e.name === 'xl/workbook.xml')) {
    return readXlsx(fileName, await convertLegacy(fileName, bytes, 'ods'));
  }
  const zipOrBinary = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (extname(fileName).toLowerCase() === '.csv' && !zipOrBinary) {
    return { grids: await readCsv(fileName, bytes), meta: null };
  }
  return readXlsx(fileName, bytes);
}
