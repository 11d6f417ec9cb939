// The blank workbooks units fill in: for each sheet of the annex a title with the unit and year, Chinese
// headers with English below, a drop-down for every enumeration, number and date formats; then the
// instructions. Pure apart from exceljs: a Buffer out, so the web portal can serve the same file.
import ExcelJS from 'exceljs';
import { reportingUnitColumn } from '../../../domain/spreadsheets/annexes/resultsSummary.ts';
import { annexes, type SpreadsheetKind } from '../../../domain/spreadsheets/annexes.ts';
import { itemToRow } from '../../../domain/spreadsheets/itemToRow.ts';
import { addInstructions, annexInstructions } from './instructions.ts';
import { metaSheetName } from './readWorkbook.ts';
import { addTableSheet, firstDataRow } from './tableSheet.ts';
import { type TemplateOptions, unitLine } from './templateFor.ts';
import { ListSheet } from './validations.ts';

function addMeta(workbook: ExcelJS.Workbook, kind: SpreadsheetKind, options: TemplateOptions): void {
  const sheet = workbook.addWorksheet(metaSheetName, { state: 'veryHidden' });
  sheet.addRows([
    ['wanlixing-template', 1],
    ['kind', kind],
    ['year', options.year],
    ['unit', options.unit?.code ?? ''],
  ]);
}

/**
 * The template, blank or (with `items`) filled with a unit's rows on its main sheet: what a liaison
 * downloads to edit and hand in again. Reading it back gives the same items.
 */
export async function buildTemplate(
  kind: SpreadsheetKind,
  options: TemplateOptions,
  items: readonly unknown[] = [],
): Promise<Buffer> {
  const annex = annexes[kind];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'wlx 知识产权服务万里行';
  workbook.title = annex.sheets[0].title(options.year).zh;
  const lists = new ListSheet();
  for (const spec of annex.sheets) {
    const rows = spec === annex.sheets[0] ? items : [];
    const sheet = addTableSheet(
      workbook,
      spec,
      { title: spec.title(options.year), subtitle: unitLine(options) },
      // Room to add rows below a long list, formatted and with its drop-downs.
      Math.max(spec.templateRows, rows.length + 100),
      lists,
    );
    rows.forEach((item, r) => {
      itemToRow(spec, item).forEach((value, c) => {
        if (value !== null) sheet.getCell(firstDataRow + r, c + 1).value = value;
      });
    });
    // Annex 2's row names the unit it totals.
    const unitColumn = spec.columns.indexOf(reportingUnitColumn);
    if (options.unit && unitColumn >= 0)
      sheet.getCell(firstDataRow, unitColumn + 1).value = options.unit.nameZh;
  }
  addInstructions(workbook, annexInstructions(kind, options), annex.sheets);
  lists.addTo(workbook);
  addMeta(workbook, kind, options);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
