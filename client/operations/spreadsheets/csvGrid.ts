// A .csv upload into one plain grid, as Excel would show it: UTF-8 with or without a BOM (what Excel's
// "CSV UTF-8" and most programs write), UTF-16 with a BOM (Excel's "Unicode text"), and otherwise GB18030,
// the superset of GBK that Excel and WPS on Chinese Windows write by default.
import { parseString } from '@fast-csv/parse';
import type { CellValue } from '../../../domain/spreadsheets/cells.ts';
import type { Grid, GridRow } from '../../../domain/spreadsheets/grid.ts';
import { DocumentRejectedError } from '../../../infra/documents/fileType.ts';

/** Columns read per row, as for workbooks. */
const maxColumns = 100;

/** The text, by its BOM, else UTF-8 when every byte sequence is valid UTF-8, else GB18030. */
export function decodeCsv(bytes: Uint8Array): string {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Commas, unless the first line has tabs and no commas (Excel's "Unicode text"). */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
}

export async function readCsv(fileName: string, bytes: Uint8Array): Promise<Grid[]> {
  const text = decodeCsv(bytes);
  if (text.includes('\u0000')) {
    throw new DocumentRejectedError(
      `“${fileName}”不是文本格式的 CSV 文件。请用 Excel 或 WPS 另存为 .xlsx（或“CSV UTF-8”）后重新上传`,
      `"${fileName}" is not a text CSV file. Save it as .xlsx (or "CSV UTF-8") from Excel or WPS and upload it again`,
    );
  }
  const rows: GridRow[] = [];
  await new Promise<void>((resolve, reject) => {
    let number = 0;
    parseString<string[], string[]>(text, { delimiter: delimiterOf(text), ignoreEmpty: false })
      .on('data', (fields: string[]) => {
        number++;
        const cells: CellValue[] = fields.slice(0, maxColumns).map((f) => (f.trim() === '' ? null : f));
        if (cells.some((cell) => cell !== null)) rows.push({ number, cells });
      })
      .on('error', reject)
      .on('end', () => resolve());
  }).catch(() => {
    throw new DocumentRejectedError(
      `无法读取“${fileName}”：CSV 格式有误（如引号未闭合）。请用 Excel 或 WPS 另存为 .xlsx 后重新上传`,
      `cannot read "${fileName}": the CSV is malformed (an unclosed quote, say). Save it as .xlsx from Excel or WPS and upload it again`,
    );
  });
  return [{ name: fileName.replace(/\.[^.]*$/, ''), rows }];
}
