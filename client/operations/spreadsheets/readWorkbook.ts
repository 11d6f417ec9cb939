// An uploaded .xlsx into plain grids: capped in size before parsing (the file and what it unzips to),
// then every cell made plain — rich text joined, formulas replaced by their results, hyperlinks by their
// text, errors by their code — so zod only ever sees strings, numbers, booleans and dates.
import ExcelJS from 'exceljs';
import type { CellValue } from '../../../domain/spreadsheets/cells.ts';
import type { Grid, GridRow } from '../../../domain/spreadsheets/grid.ts';
import { DocumentRejectedError, formatBytes } from '../../../infra/documents/fileType.ts';
import { uncompressedTotal, zipEntries } from '../../../infra/documents/zipEntries.ts';

/** 10 MiB: a demand list of thousands of rows is well under 1 MiB. */
export const defaultMaxSpreadsheetBytes = 10 * 1024 * 1024;
/** What the XML inside may expand to; a ZIP bomb declares far more. */
const maxUnzippedBytes = 200 * 1024 * 1024;
/** Columns read per row: the widest template has 22. */
const maxColumns = 100;

export const metaSheetName = 'wlx_meta';
export const listsSheetName = 'wlx_lists';

export interface TemplateMeta {
  kind: string;
  year: number | null;
  unitCode: string | null;
}

export interface WorkbookContent {
  grids: Grid[];
  /** What our template recorded about itself, when the file came from one. */
  meta: TemplateMeta | null;
}

function plain(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return plain(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    // A formula never calculated (written by a program): show it, so the error says what is there.
    if (result === undefined) return `=${value.formula ?? ''}`;
    return plain(result as ExcelJS.CellValue);
  }
  if ('error' in value) return value.error;
  return null;
}

export function refuseOversized(fileName: string, size: number, maxBytes: number): void {
  if (size > maxBytes) {
    throw new DocumentRejectedError(
      `“${fileName}”过大：${formatBytes(size)}，表格上限 ${formatBytes(maxBytes)}`,
      `"${fileName}" is too large: ${formatBytes(size)}, the limit for spreadsheets is ${formatBytes(maxBytes)}`,
    );
  }
}

function checkSize(fileName: string, bytes: Uint8Array, maxBytes: number): void {
  refuseOversized(fileName, bytes.length, maxBytes);
  const ole2 = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  const entries = zipEntries(bytes);
  if (!entries?.some((e) => e.name === 'xl/workbook.xml')) {
    throw new DocumentRejectedError(
      ole2
        ? `“${fileName}”是旧版 Excel 97–2003（.xls）或 WPS 表格（.et）文件，请另存为 .xlsx 后再上传`
        : `“${fileName}”不是 .xlsx 文件，请用 Excel 或 WPS 另存为 .xlsx 后再上传`,
      ole2
        ? `"${fileName}" is an Excel 97–2003 (.xls) or WPS (.et) file; save it as .xlsx and try again`
        : `"${fileName}" is not an .xlsx file; save it as .xlsx from Excel or WPS and try again`,
    );
  }
  if (uncompressedTotal(entries) > maxUnzippedBytes) {
    throw new DocumentRejectedError(
      `“${fileName}”解压后超过 ${formatBytes(maxUnzippedBytes)}，不予读取`,
      `"${fileName}" would unzip to more than ${formatBytes(maxUnzippedBytes)}; not read`,
    );
  }
}

export async function readWorkbook(
  fileName: string,
  bytes: Uint8Array,
  maxBytes: number = defaultMaxSpreadsheetBytes,
): Promise<WorkbookContent> {
  checkSize(fileName, bytes, maxBytes);
  const workbook = new ExcelJS.Workbook();
  try {
    // Drop-downs are not needed to read values, and a template has thousands of them.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer, {
      ignoreNodes: ['dataValidations'],
    });
  } catch (error) {
    throw new DocumentRejectedError(
      `无法读取“${fileName}”：文件已损坏或不是 Excel 文件（${(error as Error).message}）`,
      `cannot read "${fileName}": damaged or not an Excel file (${(error as Error).message})`,
    );
  }
  const grids: Grid[] = [];
  let meta: TemplateMeta | null = null;
  for (const sheet of workbook.worksheets) {
    if (sheet.name === metaSheetName) {
      meta = readMeta(sheet);
      continue;
    }
    if (sheet.name === listsSheetName) continue;
    const rows: GridRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: CellValue[] = [];
      const count = Math.min(row.cellCount, maxColumns);
      for (let c = 1; c <= count; c++) cells.push(plain(row.getCell(c).value));
      rows.push({ number, cells });
    });
    grids.push({ name: sheet.name, rows });
  }
  return { grids, meta };
}

function readMeta(sheet: ExcelJS.Worksheet): TemplateMeta | null {
  const values = new Map<string, CellValue>();
  sheet.eachRow((row) => values.set(String(plain(row.getCell(1).value)), plain(row.getCell(2).value)));
  if (values.get('wanlixing-template') === undefined) return null;
  const year = Number(values.get('year'));
  const unit = values.get('unit');
  return {
    kind: String(values.get('kind') ?? ''),
    year: Number.isInteger(year) && year > 0 ? year : null,
    unitCode: typeof unit === 'string' && unit !== '' ? unit : null,
  };
}
