// The template's instructions sheet (填表说明): who fills it in, the annex's own lines, how headers and
// drop-downs work and how to check the file; then, sheet by sheet, what each column wants.
import type ExcelJS from 'exceljs';
import type { Bilingual } from '../../../domain/labels.ts';
import { annexes, type SpreadsheetKind } from '../../../domain/spreadsheets/annexes.ts';
import { cellRules } from '../../../domain/spreadsheets/cellTypes.ts';
import type { SheetSpec } from '../../../domain/spreadsheets/column.ts';
import { fonts, headerFill, thin } from './tableSheet.ts';
import type { TemplateOptions } from './templateFor.ts';

/** The general lines of an annex's template: who fills it in, the annex's own lines, headers, checks. */
export function annexInstructions(kind: SpreadsheetKind, options: TemplateOptions): Bilingual[] {
  const annex = annexes[kind];
  const unit = options.unit;
  const who: Bilingual = unit
    ? {
        zh: `本表由${unit.nameZh}填报，年度为${options.year}年。`,
        en: `For ${unit.nameEn}, ${options.year}.`,
      }
    : {
        zh: `年度为${options.year}年；请在第2行填写本单位名称。`,
        en: `For ${options.year}; write your unit's name on row 2.`,
      };
  const command = `wlx submit ${kind === 'activities' ? 'activity' : kind} --year ${options.year} --unit ${unit?.code ?? '单位代码'} --file 本文件.xlsx`;
  return [
    who,
    ...annex.instructions,
    ...headerInstructions,
    {
      zh: `报送前可先检查：${command} --dry-run；所有错误一次列出（注明行号和列名），有错误时不会提交任何内容。`,
      en: `Check before sending: ${command} --dry-run. Every error is listed at once with its row and column; nothing is sent while any remains.`,
    },
  ];
}

/** How the header rows and drop-downs work, the same in every template. */
export const headerInstructions: readonly Bilingual[] = [
  {
    zh: '第3行为中文表头、第4行为英文表头，请勿修改；列的顺序可以调整，不需要的选填列可以删除。带 * 的列为必填。',
    en: 'Row 3 holds the Chinese headers and row 4 the English ones: keep them. Columns may be reordered; optional ones may be deleted. Columns marked * are required.',
  },
  {
    zh: '有下拉列表的列，也可以直接输入中文名称、英文名称或编号；“是/否”也可填 Y/N、✓/×。',
    en: 'Columns with a drop-down also take the Chinese or English name typed in; 是/否 also takes Y/N and ✓/×.',
  },
];

/** The 填表说明 sheet: the general `lines`, then what each column of each of `sheets` wants. */
export function addInstructions(
  workbook: ExcelJS.Workbook,
  lines: readonly Bilingual[],
  sheets: readonly SheetSpec[],
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
  lines.forEach((line, i) => {
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
  for (const spec of sheets) {
    const heading = sheet.getRow(r);
    heading.values = [`“${spec.name.zh}”各列`, '填写要求', `Columns of "${spec.name.en}"`, 'How to fill in'];
    heading.eachCell((cell) => {
      cell.font = { name: fonts.heading, size: 11, bold: true };
      cell.fill = headerFill;
      cell.border = thin;
    });
    r++;
    for (const column of spec.columns) {
      const options = cellRules(column.type).options;
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
