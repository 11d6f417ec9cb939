// Annex 2 for the whole country: a row per unit (reported or not) and the national totals, then every
// unit's typical cases. A function of plain data; a Buffer out.
import ExcelJS from 'exceljs';
import {
  caseSheet,
  reportingUnitColumn,
  resultsSheet,
} from '../../../domain/spreadsheets/annexes/resultsSummary.ts';
import type { CellValue } from '../../../domain/spreadsheets/cells.ts';
import { info, type SheetSpec } from '../../../domain/spreadsheets/column.ts';
import { columnLetter } from '../../../domain/spreadsheets/grid.ts';
import { itemToRow } from '../../../domain/spreadsheets/itemToRow.ts';
import type { ResultsSummary } from '../../../domain/submissions.ts';
import { submittedResults } from '../../../domain/submittedResults.ts';
import { addExportSheet, finish, unitCodeColumn } from './exportSheet.ts';
import { firstDataRow, fonts, thin } from './tableSheet.ts';

export interface ResultsExportData {
  year: number;
  exportedOn: string;
  /** Every unit's report: its Annex 2 is shown once its summary is 已报送 (domain/submittedResults.ts). */
  units: {
    unitCode: string;
    nameZh: string;
    summary: { submittedAt: string | null };
    resultsSummary: ResultsSummary | null;
  }[];
}

const statusColumn = info('status', { zh: '报送情况', en: 'Status' }, 10);

export async function buildResultsExport(input: ResultsExportData): Promise<Buffer> {
  const data = {
    ...input,
    units: input.units.map((unit) => ({ ...unit, results: submittedResults(unit) })),
  };
  const spec: SheetSpec = {
    ...resultsSheet,
    columns: [unitCodeColumn, ...resultsSheet.columns, statusColumn],
  };
  const rows: CellValue[][] = data.units.map((unit) =>
    itemToRow(spec, unit.results ?? {}, {
      unitCode: unit.unitCode,
      unitName: unit.nameZh,
      status: unit.results ? '已报送' : '未报送',
    }),
  );
  const workbook = new ExcelJS.Workbook();
  const title = {
    zh: `${data.year}年“知识产权服务万里行”活动成果汇总表（附件2，全国）`,
    en: `${data.year} IP Service Campaign — results summary (Annex 2), all units`,
  };
  const sheet = addExportSheet(workbook, spec, title, data.exportedOn, rows);
  addTotals(sheet, spec, rows);
  // Excel and WPS recompute on opening, so 合计 follows any figure edited before or after.
  workbook.calcProperties = { fullCalcOnLoad: true };

  const casesSpec: SheetSpec = { ...caseSheet, columns: [reportingUnitColumn, ...caseSheet.columns] };
  const cases = data.units.flatMap((unit) =>
    (unit.results?.typicalCases ?? []).map((c) => itemToRow(casesSpec, c, { unitName: unit.nameZh })),
  );
  addExportSheet(workbook, casesSpec, caseSheet.title(data.year), data.exportedOn, cases);
  return finish(workbook);
}

/**
 * 合计 below the units: each numeric column's SUM and the count of 已报送 as formulas over the rows, each
 * with the value it has now, so readers that do not compute (and our tests) see the figure too.
 */
function addTotals(sheet: ExcelJS.Worksheet, spec: SheetSpec, rows: CellValue[][]): void {
  const first = firstDataRow;
  const last = firstDataRow + rows.length - 1;
  const range = (c: number) => `${columnLetter(c)}${first}:${columnLetter(c)}${last}`;
  const total = sheet.getRow(last + 1);
  spec.columns.forEach((column, c) => {
    const cell = total.getCell(c + 1);
    if (column === reportingUnitColumn) cell.value = '合计 Total';
    else if (column.type.kind === 'count' || column.type.kind === 'amount') {
      const sum = rows.reduce<number>((s, row) => s + (typeof row[c] === 'number' ? row[c] : 0), 0);
      cell.value = { formula: `SUM(${range(c)})`, result: sum };
    } else if (column === statusColumn) {
      const reported = rows.filter((row) => row[c] === '已报送').length;
      cell.value = {
        formula: `COUNTIF(${range(c)},"已报送")&"/"&ROWS(${range(c)})`,
        result: `${reported}/${rows.length}`,
      };
    }
    cell.numFmt = sheet.getCell(first, c + 1).numFmt;
    cell.font = { name: fonts.heading, size: 11, bold: true };
    cell.border = thin;
  });
}
