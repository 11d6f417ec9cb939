// An .xlsx upload into the same zod-validated payload a JSON file gives: every error of the file at
// once, each naming the sheet, the Excel row and the Chinese column header; nothing when any is wrong.
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Bilingual } from '../../../domain/labels.ts';
import type { SpreadsheetKind } from '../../../domain/spreadsheets/annexes.ts';
import { formatIssue, type SheetIssue } from '../../../domain/spreadsheets/issues.ts';
import { type AnnexPayloads, annexFromSheets } from '../../../domain/spreadsheets/submissionsFromSheets.ts';
import { DocumentRejectedError } from '../../../infra/documents/fileType.ts';
import { UserError } from '../../../infra/userError.ts';
import { type FileTarget, fileIssues } from './fileChecks.ts';
import { defaultMaxSpreadsheetBytes, readSpreadsheet, refuseOversized } from './readUpload.ts';

/** Read as workbooks (readUpload.ts): .xls, .et and .ods through LibreOffice, .csv decoded; never as YAML. */
export const spreadsheetExtensions = ['.xlsx', '.xlsm', '.xls', '.et', '.csv', '.ods'];

export function isSpreadsheet(path: string): boolean {
  return spreadsheetExtensions.includes(extname(path).toLowerCase());
}

/** A rejected upload: exit code 2, one line per issue. */
export class SpreadsheetRejectedError extends UserError {
  constructor(
    readonly fileName: string,
    readonly issues: readonly SheetIssue[],
    nothing: Bilingual = { zh: '未提交任何内容', en: 'nothing was submitted' },
  ) {
    super(
      [
        `“${fileName}”有 ${issues.length} 处错误，${nothing.zh} (${issues.length} ${issues.length === 1 ? 'error' : 'errors'} in "${fileName}"; ${nothing.en}):`,
        ...issues.map((issue) => `  ${formatIssue(issue)}`),
      ].join('\n'),
    );
  }
}

/** The unit and year submitting (a template made for another, or another unit's rows, are refused). */
export interface ImportOptions extends FileTarget {
  maxBytes?: number | undefined;
}

/** Reads bytes already in memory (the web portal's upload); `fileName` is named in messages. */
export async function importSpreadsheet<K extends SpreadsheetKind>(
  kind: K,
  fileName: string,
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<AnnexPayloads[K]> {
  const content = await readSpreadsheet(fileName, bytes, options.maxBytes ?? defaultMaxSpreadsheetBytes);
  const wrongFile = fileIssues(content, kind, options);
  if (wrongFile.length > 0) throw new SpreadsheetRejectedError(fileName, wrongFile);
  const result = annexFromSheets[kind](content.grids);
  if (!result.ok) throw new SpreadsheetRejectedError(fileName, result.issues);
  return result.value;
}

export async function importSpreadsheetFile<K extends SpreadsheetKind>(
  kind: K,
  path: string,
  options: ImportOptions = {},
): Promise<AnnexPayloads[K]> {
  const maxBytes = options.maxBytes ?? defaultMaxSpreadsheetBytes;
  let bytes: Buffer;
  try {
    // Refuse an oversized file before reading it into memory.
    refuseOversized(basename(path), (await stat(path)).size, maxBytes);
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    throw new DocumentRejectedError(`无法读取“${path}”（${code}）`, `cannot read "${path}" (${code})`);
  }
  return importSpreadsheet(kind, basename(path), bytes, options);
}
