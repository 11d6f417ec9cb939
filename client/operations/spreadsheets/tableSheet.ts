// A sheet of an annex's table as a template or an export prints it: title, subtitle, Chinese headers with
// English below, bordered rows in the columns' formats, frozen headers, one A4 page wide.
import type ExcelJS from 'exceljs';
import type { Bilingual } from '../../../domain/labels.ts';
import { cellRules } from '../../../domain/spreadsheets/cellTypes.ts';
import type { SheetSpec } from '../../../domain/spreadsheets/column.ts';
import { columnLetter } from '../../../domain/spreadsheets/grid.ts';
import { columnPrompt, type ListSheet, validationFor } from './validations.ts';

/** The header takes rows 3 (Chinese) and 4 (English); data starts on row 5. */
export const firstDataRow = 5;

export const fonts = { body: '宋体', heading: '黑体' } as const;
export const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
export const thin: Partial<ExcelJS.Borders> = {
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
    if (lists) cell.note = columnPrompt(column);
    const english = en.getCell(i + 1);
    english.value = column.header.en;
    english.font = { name: 'Arial', size: 9, italic: true, color: { argb: 'FF595959' } };
    for (const c of [cell, english]) {
      c.fill = headerFill;
      c.border = thin;
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
  });
  // Tall enough for the longest header of each row as it wraps in its column (three lines of English, in
  // the results template), so none is cut off on screen or on paper.
  zh.height = Math.max(
    30,
    6 + 15 * Math.max(...spec.columns.map((c) => wrappedLines(c.header.zh, c.width, 2.1))),
  );
  en.height = Math.max(
    28,
    4 + 12 * Math.max(...spec.columns.map((c) => wrappedLines(c.header.en, c.width, 0.8))),
  );

  const lastRow = firstDataRow + rows - 1;
  spec.columns.forEach((column, i) => {
    const letter = columnLetter(i);
    const format = cellRules(column.type).format;
    for (let r = firstDataRow; r <= lastRow; r++) {
      const cell = sheet.getCell(`${letter}${r}`);
      cell.border = thin;
      cell.font = { name: fonts.body, size: 11 };
      cell.alignment = { vertical: 'top', wrapText: column.width >= 26 };
      if (format) cell.numFmt = format;
    }
    if (column.informational || !lists) return;
    validations(sheet).add(`${letter}${firstDataRow}:${letter}${lastRow}`, validationFor(column, lists));
  });
  return sheet;
}

/**
 * Lines `text` takes wrapped in a column `width` characters wide (Excel's unit, a digit of the default
 * font): a Chinese character in 11 pt 黑体 is about two, a Latin letter in 9 pt Arial `latin`; a word
 * never breaks, so whole words are carried to the next line.
 */
export function wrappedLines(text: string, width: number, latin: number): number {
  const room = Math.max(width - 1, 1);
  const size = (word: string) => [...word].reduce((w, c) => w + (c.charCodeAt(0) < 0x2e80 ? latin : 2.1), 0);
  let lines = 1;
  let used = 0;
  for (const word of text.split(/(?<=\s)|(?=[\u2e80-\uffff])/u)) {
    const w = size(word);
    if (used > 0 && used + w > room) {
      lines += 1;
      used = 0;
    }
    used += w;
    while (used > room) {
      lines += 1;
      used -= room;
    }
  }
  return lines;
}
