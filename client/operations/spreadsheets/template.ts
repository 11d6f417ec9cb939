// The blank workbooks units fill in: for each sheet of the annex a title with the unit and year, Chinese
// headers with English below, a drop-down for every enumeration, number and date formats; then the
// instructions. Pure apart from exceljs: a Buffer out, so the web portal can serve the same file.
import ExcelJS from 'exceljs';
import { reportingUnitColumn } from '../../../domain/spreadsheets/annexes/resultsSummary.ts';
import { annexes, type SpreadsheetKind } from '../../../domain/spreadsheets/annexes.ts';
import { addInstructions } from './instructions.ts';
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

export async function buildTemplate(kind: SpreadsheetKind, options: TemplateOptions): Promise<Buffer> {
  const annex = annexes[kind];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'wlx 知识产权服务万里行';
  workbook.title = annex.sheets[0].title(options.year).zh;
  const lists = new ListSheet();
  for (const spec of annex.sheets) {
    const sheet = addTableSheet(
      workbook,
      spec,
      { title: spec.title(options.year), subtitle: unitLine(options) },
      spec.templateRows,
      lists,
    );
    // Annex 2's row names the unit it totals.
    const unitColumn = spec.columns.indexOf(reportingUnitColumn);
    if (options.unit && unitColumn >= 0)
      sheet.getCell(firstDataRow, unitColumn + 1).value = options.unit.nameZh;
  }
  addInstructions(workbook, kind, options);
  lists.addTo(workbook);
  addMeta(workbook, kind, options);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
