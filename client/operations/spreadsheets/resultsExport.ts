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
import { itemToRow } from '../../../domain/spreadsheets/itemToRow.ts';
import type { ResultsSummary } from '../../../domain/submissions.ts';
import { submittedResults } from '../../../domain/submittedResults.ts';
import { addExportSheet, finish, unitCodeColumn } from './exportSheet.ts';
import { firstDataRow, fonts } from './tableSheet.ts';

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
  // 合计: the sum of each numeric column over the units that reported.
  const totals: CellValue[] = spec.columns.map((column, c) => {
    if (column === reportingUnitColumn) return '合计 Total';
    if (column.type.kind !== 'count' && column.type.kind !== 'amount') return null;
    return rows.reduce<number>((sum, row) => sum + (typeof row[c] === 'number' ? (row[c] as number) : 0), 0);
  });
  const reported = data.units.filter((u) => u.results).length;
  totals[spec.columns.length - 1] = `${reported}/${data.units.length}`;
  const workbook = new ExcelJS.Workbook();
  const title = {
    zh: `${data.year}年“知识产权服务万里行”活动成果汇总表（附件2，全国）`,
    en: `${data.year} IP Service Campaign — results summary (Annex 2), all units`,
  };
  const sheet = addExportSheet(workbook, spec, title, data.exportedOn, [...rows, totals]);
  sheet.getRow(firstDataRow + rows.length).eachCell((cell) => {
    cell.font = { name: fonts.heading, size: 11, bold: true };
  });

  const casesSpec: SheetSpec = { ...caseSheet, columns: [reportingUnitColumn, ...caseSheet.columns] };
  const cases = data.units.flatMap((unit) =>
    (unit.results?.typicalCases ?? []).map((c) => itemToRow(casesSpec, c, { unitName: unit.nameZh })),
  );
  addExportSheet(workbook, casesSpec, caseSheet.title(data.year), data.exportedOn, cases);
  return finish(workbook);
}
