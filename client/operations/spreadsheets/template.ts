// The blank workbooks units fill in: a title with the unit and year, Chinese headers with English below,
// a drop-down for every enumeration, number and date formats, and an instructions sheet. Pure apart from
// exceljs: a Buffer out, so the web portal can serve the same file.
import ExcelJS from 'exceljs';
import type { Bilingual } from '../../../domain/labels.ts';
import type { ColumnSpec, SheetSpec } from '../../../domain/spreadsheets/columns.ts';
import { caseSheet, sheetSpecs } from '../../../domain/spreadsheets/columns.ts';
import { columnLetter } from '../../../domain/spreadsheets/grid.ts';
import { keyTaskOption, optionLabel } from '../../../domain/spreadsheets/labels.ts';
import type { SpreadsheetKind } from '../../../domain/spreadsheets/submissionsFromSheets.ts';
import { listsSheetName, metaSheetName } from './readWorkbook.ts';

export interface TemplateUnit {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface TemplateOptions {
  year: number;
  unit?: TemplateUnit | undefined;
}

/** Excel refuses an inline list longer than this; longer ones go to the hidden lists sheet. */
export const inlineListLimit = 255;
/** The header takes rows 3 (Chinese) and 4 (English); data starts on row 5. */
export const firstDataRow = 5;

export const fonts = { body: '宋体', heading: '黑体' } as const;
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

interface DataValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
}
const validations = (sheet: ExcelJS.Worksheet) =>
  (sheet as unknown as { dataValidations: DataValidations }).dataValidations;

/** The options a drop-down offers for a column, or null if it has none. */
export function dropDownOptions(column: ColumnSpec): string[] | null {
  switch (column.type.kind) {
    case 'enum': {
      const labels = column.type.labels;
      return column.type.values.map((v) => optionLabel(labels[v] ?? { zh: v, en: v }));
    }
    case 'keyTask':
      return ([1, 2, 3, 4, 5] as const).map(keyTaskOption);
    case 'boolean':
      return ['是', '否'];
    default:
      return null;
  }
}

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

function unitLine(options: TemplateOptions): string {
  const unit = options.unit;
  return (
    `填报单位：${unit?.nameZh ?? '＿＿＿＿＿＿＿＿'}　　年度：${options.year}` +
    `　　Reporting unit: ${unit?.nameEn ?? '________'}, ${options.year}`
  );
}

function validationFor(column: ColumnSpec, lists: ListSheet): ExcelJS.DataValidation | null {
  const prompt = {
    showInputMessage: true,
    promptTitle: column.header.zh.slice(0, 32),
    prompt:
      `${column.required ? '必填' : '选填'}：${column.hint.zh}\n${column.required ? 'Required' : 'Optional'}: ${column.hint.en}`.slice(
        0,
        255,
      ),
  };
  const options = dropDownOptions(column);
  if (options) {
    return {
      type: 'list',
      allowBlank: true,
      formulae: [lists.formula(options)],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '请从列表中选择',
      error: '请从下拉列表中选择一项。Pick a value from the drop-down list.',
      ...prompt,
    };
  }
  switch (column.type.kind) {
    case 'count':
      return {
        type: 'whole',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '应为整数',
        error: '请填写 0 或正整数。Enter a whole number, 0 or more.',
        ...prompt,
      };
    case 'amount':
      return {
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '应为数额（万元）',
        error: '请填写以万元计的数额，可有小数。Enter an amount in 10,000 yuan.',
        ...prompt,
      };
    case 'date':
      return {
        type: 'date',
        operator: 'between',
        formulae: [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '应为日期',
        error: '请填写日期，如 2027-06-08。Enter a date such as 2027-06-08.',
        ...prompt,
      };
    default:
      return { type: 'custom', formulae: ['TRUE'], allowBlank: true, ...prompt };
  }
}

function numberFormat(column: ColumnSpec): string | undefined {
  switch (column.type.kind) {
    case 'code':
    case 'text':
    case 'list':
      // Text, so a phone number keeps its leading 0 and an id stays as typed.
      return '@';
    case 'date':
      return 'yyyy-mm-dd';
    case 'amount':
      return '0.####';
    case 'count':
      return '0';
    default:
      return undefined;
  }
}

export interface SheetHeading {
  title: Bilingual;
  /** Row 2: who fills it in, or who exported it and when. */
  subtitle: string;
}

/**
 * A sheet of `spec`'s table: title, subtitle, Chinese and English headers, `rows` bordered rows with the
 * columns' formats, and with `lists` a drop-down or check on every column (templates; exports have none).
 */
export function addTableSheet(
  workbook: ExcelJS.Workbook,
  spec: SheetSpec,
  heading: SheetHeading,
  rows: number,
  lists: ListSheet | null,
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(spec.name.zh, {
    views: [{ state: 'frozen', ySplit: firstDataRow - 1, xSplit: 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `3:${firstDataRow - 1}`,
      // All the columns go on one A4 page's width, scaled down: narrow margins leave the type larger.
      margins: { left: 0.25, right: 0.25, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      horizontalCentered: true,
    },
  });
  const last = columnLetter(spec.columns.length - 1);
  sheet.columns = spec.columns.map((column) => ({ width: column.width }));

  const title = heading.title;
  sheet.mergeCells(`A1:${last}1`);
  Object.assign(sheet.getCell('A1'), {
    value: `${title.zh}\n${title.en}`,
    font: { name: fonts.heading, size: 14, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  });
  sheet.getRow(1).height = 42;
  sheet.mergeCells(`A2:${last}2`);
  Object.assign(sheet.getCell('A2'), {
    value: heading.subtitle,
    font: { name: fonts.body, size: 11 },
    alignment: { vertical: 'middle' },
  });
  sheet.getRow(2).height = 22;

  const zh = sheet.getRow(3);
  const en = sheet.getRow(4);
  spec.columns.forEach((column, i) => {
    const cell = zh.getCell(i + 1);
    // A template marks what must be filled in; an export has nothing left to fill.
    cell.value =
      column.required && lists
        ? {
            richText: [
              { text: '*', font: { color: { argb: 'FFFF0000' }, bold: true } },
              { text: column.header.zh },
            ],
          }
        : column.header.zh;
    cell.font = { name: fonts.heading, size: 11, bold: true };
    if (lists)
      cell.note = `${column.required ? '必填' : '选填'}：${column.hint.zh}\n${column.required ? 'Required' : 'Optional'}: ${column.hint.en}`;
    const english = en.getCell(i + 1);
    english.value = column.header.en;
    english.font = { name: 'Arial', size: 9, italic: true, color: { argb: 'FF595959' } };
    for (const c of [cell, english]) {
      c.fill = headerFill;
      c.border = thin;
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
  });
  zh.height = 30;
  en.height = 28;

  const lastRow = firstDataRow + rows - 1;
  spec.columns.forEach((column, i) => {
    const letter = columnLetter(i);
    const format = numberFormat(column);
    for (let r = firstDataRow; r <= lastRow; r++) {
      const cell = sheet.getCell(`${letter}${r}`);
      cell.border = thin;
      cell.font = { name: fonts.body, size: 11 };
      cell.alignment = { vertical: 'top', wrapText: column.width >= 26 };
      if (format) cell.numFmt = format;
    }
    if (column.informational || !lists) return;
    const validation = validationFor(column, lists);
    if (validation) validations(sheet).add(`${letter}${firstDataRow}:${letter}${lastRow}`, validation);
  });
  return sheet;
}

interface Instruction {
  zh: string;
  en: string;
}

function generalInstructions(kind: SpreadsheetKind, options: TemplateOptions): Instruction[] {
  const unit = options.unit;
  const who: Instruction = unit
    ? {
        zh: `本表由${unit.nameZh}填报，年度为${options.year}年。`,
        en: `For ${unit.nameEn}, ${options.year}.`,
      }
    : {
        zh: `年度为${options.year}年；请在第2行填写本单位名称。`,
        en: `For ${options.year}; write your unit's name on row 2.`,
      };
  const command = `wlx submit ${kind === 'activities' ? 'activity' : kind} --year ${options.year} --unit ${unit?.code ?? '单位代码'} --file 本文件.xlsx`;
  const perKind: Record<SpreadsheetKind, Instruction[]> = {
    demands: [
      {
        zh: '从第5行起，每行填写一条需求；空行会被忽略。',
        en: 'One demand per row from row 5; blank rows are skipped.',
      },
      {
        zh: '“需要国家局协调”填“是”的，须在“协调事由”中写明需要国家知识产权局协调什么、为什么。',
        en: 'Where "Needs CNIPA coordination" is 是 (yes), say in "Coordination reason" what CNIPA should coordinate and why.',
      },
      {
        zh: '需求清单与工作方案须在5月25日前报送（以当年通知为准）。',
        en: "The demand list is due with the work plan by May 25 (see the year's notice).",
      },
    ],
    activities: [
      {
        zh: '从第5行起，每行填写一项活动；同一活动编号再次报送将覆盖原记录，不会重复计数。',
        en: 'One activity per row from row 5; sending the same activity ID again replaces the record.',
      },
      {
        zh: '日期可写作 2027-06-08、2027/6/8 或 2027年6月8日。',
        en: 'Dates may be 2027-06-08, 2027/6/8 or 2027年6月8日.',
      },
    ],
    results: [
      {
        zh: '“成果汇总”表第5行填写本单位全年汇总数（只填一行）；“典型案例”表每行一个案例。',
        en: 'On "成果汇总", row 5 holds your unit\'s totals for the year (one row only); on "典型案例", one case per row.',
      },
      {
        zh: '书面总结与成果汇总须在11月10日前报送（以当年通知为准）。',
        en: "The written summary and the results summary are due by November 10 (see the year's notice).",
      },
    ],
  };
  return [
    who,
    ...perKind[kind],
    {
      zh: '第3行为中文表头、第4行为英文表头，请勿修改；列的顺序可以调整，不需要的选填列可以删除。带 * 的列为必填。',
      en: 'Row 3 holds the Chinese headers and row 4 the English ones: keep them. Columns may be reordered; optional ones may be deleted. Columns marked * are required.',
    },
    {
      zh: '有下拉列表的列，也可以直接输入中文名称、英文名称或编号；“是/否”也可填 Y/N、✓/×。',
      en: 'Columns with a drop-down also take the Chinese or English name typed in; 是/否 also takes Y/N and ✓/×.',
    },
    {
      zh: `报送前可先检查：${command} --dry-run；所有错误一次列出（注明行号和列名），有错误时不会提交任何内容。`,
      en: `Check before sending: ${command} --dry-run. Every error is listed at once with its row and column; nothing is sent while any remains.`,
    },
  ];
}

function addInstructions(
  workbook: ExcelJS.Workbook,
  kind: SpreadsheetKind,
  specs: readonly SheetSpec[],
  options: TemplateOptions,
): void {
  const sheet = workbook.addWorksheet('填表说明', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [{ width: 18 }, { width: 48 }, { width: 24 }, { width: 48 }];
  sheet.mergeCells('A1:D1');
  Object.assign(sheet.getCell('A1'), {
    value: '填表说明　Instructions',
    font: { name: fonts.heading, size: 14, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle' },
  });
  sheet.getRow(1).height = 28;
  const body = { name: fonts.body, size: 11 };
  const wrap: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
  generalInstructions(kind, options).forEach((line, i) => {
    const r = i + 2;
    sheet.mergeCells(`A${r}:B${r}`);
    sheet.mergeCells(`C${r}:D${r}`);
    Object.assign(sheet.getCell(`A${r}`), { value: `${i + 1}. ${line.zh}`, font: body, alignment: wrap });
    Object.assign(sheet.getCell(`C${r}`), {
      value: `${i + 1}. ${line.en}`,
      font: { name: 'Arial', size: 10 },
      alignment: wrap,
    });
    sheet.getRow(r).height = Math.max(20, 16 * Math.ceil(Math.max(line.zh.length / 30, line.en.length / 60)));
  });
  let r = sheet.rowCount + 2;
  for (const spec of specs) {
    const heading = sheet.getRow(r);
    heading.values = [`“${spec.name.zh}”各列`, '填写要求', `Columns of "${spec.name.en}"`, 'How to fill in'];
    heading.eachCell((cell) => {
      cell.font = { name: fonts.heading, size: 11, bold: true };
      cell.fill = headerFill;
      cell.border = thin;
    });
    r++;
    for (const column of spec.columns) {
      const options = dropDownOptions(column);
      const row = sheet.getRow(r);
      const howZh = `${column.required ? '必填' : '选填'}。${column.hint.zh}${options ? `。可选：${options.map((o) => o.split(' ')[0]).join('、')}` : ''}`;
      const howEn = `${column.required ? 'Required' : 'Optional'}. ${column.hint.en}`;
      row.values = [column.header.zh, howZh, column.header.en, howEn];
      row.eachCell((cell, c) => {
        cell.font = c <= 2 ? body : { name: 'Arial', size: 10 };
        cell.alignment = wrap;
        cell.border = thin;
      });
      // Neither Excel nor LibreOffice grows a row for wrapped text when opening a file: as many lines as
      // the longest cell needs in its column (widths 18, 48, 24, 48; a Chinese character takes about 2.2).
      const lines = Math.max(
        column.header.zh.length / 8,
        howZh.length / 21,
        column.header.en.length / 22,
        howEn.length / 40,
        1,
      );
      row.height = 16 * Math.ceil(lines);
      r++;
    }
    r++;
  }
}

function addMeta(workbook: ExcelJS.Workbook, kind: SpreadsheetKind, options: TemplateOptions): void {
  const sheet = workbook.addWorksheet(metaSheetName, { state: 'veryHidden' });
  sheet.addRows([
    ['wanlixing-template', 1],
    ['kind', kind],
    ['year', options.year],
    ['unit', options.unit?.code ?? ''],
  ]);
}

export async function buildTemplate(kind: SpreadsheetKind, options: TemplateOptions): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'wlx 知识产权服务万里行';
  workbook.title = sheetSpecs[kind].title(options.year).zh;
  const specs = kind === 'results' ? [sheetSpecs.results, caseSheet] : [sheetSpecs[kind]];
  const lists = new ListSheet();
  const dataSheets = specs.map((spec) =>
    addTableSheet(
      workbook,
      spec,
      { title: spec.title(options.year), subtitle: unitLine(options) },
      spec.templateRows,
      lists,
    ),
  );
  if (kind === 'results' && options.unit) {
    (dataSheets[0] as ExcelJS.Worksheet).getCell(`A${firstDataRow}`).value = options.unit.nameZh;
  }
  addInstructions(workbook, kind, specs, options);
  lists.addTo(workbook);
  addMeta(workbook, kind, options);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
