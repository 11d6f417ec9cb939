// An .xlsx upload into the same zod-validated payload a JSON file gives: every error of the file at
// once, each naming the sheet, the Excel row and the Chinese column header; nothing when any is wrong.
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { formatIssue, type SheetIssue } from '../../../domain/spreadsheets/issues.ts';
import {
  activitiesFromSheets,
  demandListFromSheets,
  type ImportResult,
  resultsFromSheets,
  type SpreadsheetKind,
} from '../../../domain/spreadsheets/submissionsFromSheets.ts';
import type { ActivityRecord, DemandList, ResultsSummary } from '../../../domain/submissions.ts';
import { DocumentRejectedError } from '../../../infra/documents/fileType.ts';
import { UserError } from '../../../infra/userError.ts';
import {
  defaultMaxSpreadsheetBytes,
  readWorkbook,
  refuseOversized,
  type WorkbookContent,
} from './readWorkbook.ts';

/** Read as workbooks; the older formats among them get a "save it as .xlsx" message, not a YAML error. */
export const spreadsheetExtensions = ['.xlsx', '.xlsm', '.xls', '.et', '.csv', '.ods'];

export function isSpreadsheet(path: string): boolean {
  return spreadsheetExtensions.includes(extname(path).toLowerCase());
}

/** A rejected upload: exit code 2, one line per issue. */
export class SpreadsheetRejectedError extends UserError {
  constructor(
    readonly fileName: string,
    readonly issues: readonly SheetIssue[],
  ) {
    super(
      [
        `“${fileName}”有 ${issues.length} 处错误，未提交任何内容 (${issues.length} ${issues.length === 1 ? 'error' : 'errors'} in "${fileName}"; nothing was submitted):`,
        ...issues.map((issue) => `  ${formatIssue(issue)}`),
      ].join('\n'),
    );
  }
}

export interface ImportOptions {
  /** The unit submitting; a template made for another unit is refused. */
  unitCode?: string | undefined;
  maxBytes?: number | undefined;
}

interface Payloads {
  demands: DemandList;
  activities: ActivityRecord[];
  results: ResultsSummary;
}

const readers: { [K in SpreadsheetKind]: (content: WorkbookContent) => ImportResult<Payloads[K]> } = {
  demands: (content) => demandListFromSheets(content.grids),
  activities: (content) => activitiesFromSheets(content.grids),
  results: (content) => resultsFromSheets(content.grids),
};

const kindNames: Record<SpreadsheetKind, { zh: string; en: string }> = {
  demands: { zh: '需求清单', en: 'demand list' },
  activities: { zh: '活动记录', en: 'activity records' },
  results: { zh: '成果汇总', en: 'results summary' },
};

function templateIssues(
  content: WorkbookContent,
  kind: SpreadsheetKind,
  options: ImportOptions,
): SheetIssue[] {
  const meta = content.meta;
  const sheet = { zh: '工作簿', en: 'Workbook' };
  const issues: SheetIssue[] = [];
  if (meta && meta.kind !== kind && meta.kind in kindNames) {
    const made = kindNames[meta.kind as SpreadsheetKind];
    issues.push({
      sheet,
      row: null,
      column: null,
      found: null,
      message: {
        zh: `这是${made.zh}模板，不是${kindNames[kind].zh}`,
        en: `this is the ${made.en} template, not the ${kindNames[kind].en}`,
      },
    });
  }
  if (meta?.unitCode && options.unitCode && meta.unitCode !== options.unitCode) {
    issues.push({
      sheet,
      row: null,
      column: null,
      found: null,
      message: {
        zh: `此模板是为单位 ${meta.unitCode} 生成的，不能用 --unit ${options.unitCode} 报送`,
        en: `this template was made for unit ${meta.unitCode}; it cannot be submitted with --unit ${options.unitCode}`,
      },
    });
  }
  return issues;
}

/** Reads bytes already in memory (the web portal's upload); `fileName` is named in messages. */
export async function importSpreadsheet<K extends SpreadsheetKind>(
  kind: K,
  fileName: string,
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<Payloads[K]> {
  const content = await readWorkbook(fileName, bytes, options.maxBytes ?? defaultMaxSpreadsheetBytes);
  const wrongTemplate = templateIssues(content, kind, options);
  if (wrongTemplate.length > 0) throw new SpreadsheetRejectedError(fileName, wrongTemplate);
  const result = readers[kind](content) as ImportResult<Payloads[K]>;
  if (!result.ok) throw new SpreadsheetRejectedError(fileName, result.issues);
  return result.value;
}

export async function importSpreadsheetFile<K extends SpreadsheetKind>(
  kind: K,
  path: string,
  options: ImportOptions = {},
): Promise<Payloads[K]> {
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
