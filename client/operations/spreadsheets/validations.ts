// What a template checks as a unit types: a drop-down for every enumeration (long lists on a hidden
// sheet), whole numbers, amounts and dates, and on every column a prompt saying what to fill in.
import type ExcelJS from 'exceljs';
import { cellRules } from '../../../domain/spreadsheets/cellTypes.ts';
import type { ColumnSpec } from '../../../domain/spreadsheets/column.ts';
import { columnLetter } from '../../../domain/spreadsheets/grid.ts';
import { listsSheetName } from './readWorkbook.ts';

/** Excel refuses an inline list longer than this; longer ones go to the hidden lists sheet. */
export const inlineListLimit = 255;

/** Collects the long lists for a veryHidden sheet, one column each, and hands out range references. */
export class ListSheet {
  private readonly columns = new Map<string, { range: string; options: readonly string[] }>();
  formula(options: readonly string[]): string {
    const inline = `"${options.join(',')}"`;
    // Counted in UTF-8 bytes, which keeps clear of the limit however a program counts Chinese.
    if (Buffer.byteLength(inline) <= inlineListLimit && !options.some((o) => o.includes(','))) return inline;
    const key = options.join('\n');
    let column = this.columns.get(key);
    if (!column) {
      const letter = columnLetter(this.columns.size);
      column = { range: `${listsSheetName}!$${letter}$1:$${letter}$${options.length}`, options };
      this.columns.set(key, column);
    }
    return column.range;
  }
  /** Added last, so the first tab (the one Excel opens) is a visible one. */
  addTo(workbook: ExcelJS.Workbook): void {
    if (this.columns.size === 0) return;
    const sheet = workbook.addWorksheet(listsSheetName, { state: 'veryHidden' });
    [...this.columns.values()].forEach(({ options }, c) => {
      options.forEach((option, r) => {
        sheet.getCell(r + 1, c + 1).value = option;
      });
    });
  }
}

/** Required or optional, and the hint: the header's note and the cell's prompt. */
export function columnPrompt(column: ColumnSpec): string {
  return `${column.required ? '必填' : '选填'}：${column.hint.zh}\n${column.required ? 'Required' : 'Optional'}: ${column.hint.en}`;
}

const checks: Partial<Record<ColumnSpec['type']['kind'], ExcelJS.DataValidation>> = {
  count: {
    type: 'whole',
    operator: 'greaterThanOrEqual',
    formulae: [0],
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: '应为整数',
    error: '请填写 0 或正整数。Enter a whole number, 0 or more.',
  },
  amount: {
    type: 'decimal',
    operator: 'greaterThanOrEqual',
    formulae: [0],
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: '应为数额（万元）',
    error: '请填写以万元计的数额，可有小数。Enter an amount in 10,000 yuan.',
  },
  date: {
    type: 'date',
    operator: 'between',
    formulae: [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: '应为日期',
    error: '请填写日期，如 2027-06-08。Enter a date such as 2027-06-08.',
  },
};

/** The column's check: its drop-down, else the check of its kind, else the prompt alone. */
export function validationFor(column: ColumnSpec, lists: ListSheet): ExcelJS.DataValidation {
  const prompt = {
    showInputMessage: true,
    promptTitle: column.header.zh.slice(0, 32),
    prompt: columnPrompt(column).slice(0, 255),
  };
  const options = cellRules(column.type).options;
  if (options) {
    return {
      type: 'list',
      allowBlank: true,
      formulae: [lists.formula(options)],
      showErrorMessage: true,
      // A warning, not a stop: 填表说明 promises that a name, an English name, a number, Y/N or ✓/× typed in are
      // taken (and the importer takes them), which a stop would forbid.
      errorStyle: 'warning',
      errorTitle: '不在下拉列表中',
      error:
        '建议从下拉列表中选择；也可输入中文名称、英文名称或编号，“是/否”可填 Y/N、✓/×。' +
        'Best picked from the list; a name, English name or number typed in is taken too, and Y/N or ✓/× for 是/否.',
      ...prompt,
    };
  }
  const check = checks[column.type.kind];
  return check
    ? { ...check, ...prompt }
    : { type: 'custom', formulae: ['TRUE'], allowBlank: true, ...prompt };
}
