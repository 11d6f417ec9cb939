// An uploaded .xlsx into plain grids: its value parts inflated and capped first (xlsxParts.ts), then every
// cell made plain — rich text joined, formulas replaced by their results, hyperlinks by their text, errors
// by their code — so zod only ever sees strings, numbers, booleans and dates.
import ExcelJS from 'exceljs';
import type { CellValue } from '../../../domain/spreadsheets/cells.ts';
import type { Grid, GridRow } from '../../../domain/spreadsheets/grid.ts';
import { DocumentRejectedError } from '../../../infra/documents/fileType.ts';
import type { ZipEntry } from '../../../infra/documents/zipEntries.ts';
import { valuePartsZip } from './xlsxParts.ts';

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

/** Sheet elements that refer to parts left out (comments, drawings, tables, links) or are not values. */
const ignoredNodes = [
  'dataValidations',
  'hyperlinks',
  'picture',
  'drawing',
  'tableParts',
  'conditionalFormatting',
  'extLst',
  'headerFooter',
  'pageSetup',
  'printOptions',
  'rowBreaks',
  'autoFilter',
  'sheetProtection',
  'pageMargins',
];

/** An .xlsx's grids; `entries` is its zip directory, already known to hold xl/workbook.xml. */
export async function readWorkbook(
  fileName: string,
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
): Promise<WorkbookContent> {
  const parts = valuePartsZip(fileName, bytes, entries);
  const workbook = new ExcelJS.Workbook();
  try {
    // Drop-downs are not needed to read values either, and a template has thousands of them.
    await workbook.xlsx.load(Buffer.from(parts) as unknown as ExcelJS.Buffer, { ignoreNodes: ignoredNodes });
  } catch {
    // The parser's own words (a JavaScript exception) help no user.
    throw new DocumentRejectedError(
      `无法读取“${fileName}”：文件已损坏或内容不是有效的 Excel 表格。请在 Excel 或 WPS 中打开，另存为 .xlsx 后重新上传`,
      `cannot read "${fileName}": the file is damaged or not a valid Excel workbook. Open it in Excel or WPS, save it as .xlsx and upload it again`,
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
