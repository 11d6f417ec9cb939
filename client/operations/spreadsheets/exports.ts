// National workbooks for CNIPA: the flagged demands of every unit with what they were matched to, the
// recorded matches with the demands still unmatched, and Annex 2 with a row per unit and the national
// totals. Functions of plain data; a Buffer out.
import ExcelJS from 'exceljs';
import type { CellValue } from '../../../domain/spreadsheets/cells.ts';
import {
  type ColumnSpec,
  caseSheet,
  demandSheet,
  resultsSheet,
  type SheetSpec,
} from '../../../domain/spreadsheets/columns.ts';
import { columnLetter } from '../../../domain/spreadsheets/grid.ts';
import { itemToRow } from '../../../domain/spreadsheets/itemToRow.ts';
import type { DemandItem, ResultsSummary } from '../../../domain/submissions.ts';
import { addTableSheet, firstDataRow, fonts } from './template.ts';

const info = (zh: string, en: string, width: number): ColumnSpec => ({
  key: '',
  header: { zh, en },
  type: { kind: 'text' },
  required: false,
  hint: { zh: '', en: '' },
  width,
  informational: true,
});

const unitCodeColumn = info('单位代码', 'Unit code', 9);
const unitNameColumn = info('填报单位', 'Reporting unit', 22);

/** The flagged demands and the matches recorded for them: what the demand and the match exports show. */
export interface DemandExportData {
  year: number;
  exportedOn: string;
  units: { unitCode: string; nameZh: string; demands: DemandItem[] }[];
  matches: { unitCode: string; demandId: string; resource: string; note?: string | undefined }[];
}

export interface ResultsExportData {
  year: number;
  exportedOn: string;
  units: { unitCode: string; nameZh: string; results: ResultsSummary | null }[];
}

const subtitle = (exportedOn: string) =>
  `国家知识产权局知识产权运用促进司　导出日期：${exportedOn}　　CNIPA IP Application Promotion Department, exported ${exportedOn}`;

function fill(sheet: ExcelJS.Worksheet, rows: readonly CellValue[][]): void {
  rows.forEach((cells, r) => {
    const row = sheet.getRow(firstDataRow + r);
    cells.forEach((value, c) => {
      if (value !== null) row.getCell(c + 1).value = value;
    });
  });
}

/** Filter buttons on the English header row, over the data rows below it. */
function addFilter(sheet: ExcelJS.Worksheet, columns: number, rows: number): void {
  sheet.autoFilter = `A${firstDataRow - 1}:${columnLetter(columns - 1)}${firstDataRow + rows - 1}`;
}

const unmatched = '未匹配';

async function finish(workbook: ExcelJS.Workbook): Promise<Buffer> {
  workbook.creator = 'wlx 知识产权服务万里行';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function buildDemandExport(data: DemandExportData): Promise<Buffer> {
  const matchColumn = info('匹配资源', 'Matched resource', 30);
  const spec: SheetSpec = {
    ...demandSheet,
    name: { zh: '需求汇总', en: 'Flagged demands' },
    columns: [unitCodeColumn, unitNameColumn, ...demandSheet.columns, matchColumn],
  };
  const rows = data.units.flatMap((unit) =>
    unit.demands.map((demand) => {
      const matched = data.matches
        .filter((m) => m.unitCode === unit.unitCode && m.demandId === demand.id)
        .map((m) => (m.note ? `${m.resource}（${m.note}）` : m.resource));
      return itemToRow(spec, demand, {
        单位代码: unit.unitCode,
        填报单位: unit.nameZh,
        匹配资源: matched.join('；') || unmatched,
      });
    }),
  );
  const workbook = new ExcelJS.Workbook();
  const sheet = addTableSheet(
    workbook,
    spec,
    {
      title: {
        zh: `${data.year}年“知识产权服务万里行”需国家知识产权局协调的需求汇总`,
        en: `${data.year} IP Service Campaign — demands flagged for CNIPA coordination`,
      },
      subtitle: subtitle(data.exportedOn),
    },
    Math.max(rows.length, 1),
    null,
  );
  fill(sheet, rows);
  addFilter(sheet, spec.columns.length, rows.length);
  return finish(workbook);
}

const unmatchedFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

/**
 * A row per recorded match, with what the unit's flagged demand says; after each unit's matches, its
 * flagged demands that have none, shaded, so what is left to match stands out and filters out.
 */
export async function buildMatchExport(data: DemandExportData): Promise<Buffer> {
  const demandColumn = (key: string) => demandSheet.columns.find((c) => c.key === key) as ColumnSpec;
  const spec: SheetSpec = {
    ...demandSheet,
    name: { zh: '需求匹配', en: 'Matches' },
    columns: [
      unitCodeColumn,
      unitNameColumn,
      ...['id', 'entity.name', 'field', 'description'].map(demandColumn),
      info('匹配资源', 'Matched resource', 30),
      info('备注', 'Note', 30),
    ],
  };
  const rows = data.units.flatMap((unit) => {
    const unitCells = { 单位代码: unit.unitCode, 填报单位: unit.nameZh };
    const recorded = data.matches.filter((m) => m.unitCode === unit.unitCode);
    // A match outlives a revised demand list: its demand may no longer be there to describe.
    const matched = recorded.map((m) => ({
      cells: itemToRow(spec, unit.demands.find((d) => d.id === m.demandId) ?? { id: m.demandId }, {
        ...unitCells,
        匹配资源: m.resource,
        备注: m.note ?? null,
      }),
      matched: true,
    }));
    const open = unit.demands
      .filter((d) => !recorded.some((m) => m.demandId === d.id))
      .map((d) => ({ cells: itemToRow(spec, d, { ...unitCells, 匹配资源: unmatched }), matched: false }));
    return [...matched, ...open];
  });
  const workbook = new ExcelJS.Workbook();
  const sheet = addTableSheet(
    workbook,
    spec,
    {
      title: {
        zh: `${data.year}年“知识产权服务万里行”需求与服务资源匹配情况`,
        en: `${data.year} IP Service Campaign — demands matched to service resources`,
      },
      subtitle: `${subtitle(data.exportedOn)}　　底色标出的为尚未匹配的需求 Shaded rows: not matched yet`,
    },
    Math.max(rows.length, 1),
    null,
  );
  fill(
    sheet,
    rows.map((r) => r.cells),
  );
  rows.forEach((row, r) => {
    if (row.matched) return;
    for (let c = 1; c <= spec.columns.length; c++)
      sheet.getRow(firstDataRow + r).getCell(c).fill = unmatchedFill;
  });
  addFilter(sheet, spec.columns.length, rows.length);
  return finish(workbook);
}

export async function buildResultsExport(data: ResultsExportData): Promise<Buffer> {
  const statusColumn = info('报送情况', 'Status', 10);
  const spec: SheetSpec = {
    ...resultsSheet,
    columns: [unitCodeColumn, ...resultsSheet.columns, statusColumn],
  };
  const rows: CellValue[][] = data.units.map((unit) =>
    itemToRow(spec, unit.results ?? {}, {
      单位代码: unit.unitCode,
      填报单位: unit.nameZh,
      报送情况: unit.results ? '已报送' : '未报送',
    }),
  );
  // 合计: the sum of each numeric column over the units that reported.
  const totals: CellValue[] = spec.columns.map((column, c) => {
    if (column.header.zh === '填报单位') return '合计 Total';
    if (column.type.kind !== 'count' && column.type.kind !== 'amount') return null;
    return rows.reduce<number>((sum, row) => sum + (typeof row[c] === 'number' ? (row[c] as number) : 0), 0);
  });
  const reported = data.units.filter((u) => u.results).length;
  totals[spec.columns.length - 1] = `${reported}/${data.units.length}`;
  const workbook = new ExcelJS.Workbook();
  const sheet = addTableSheet(
    workbook,
    spec,
    {
      title: {
        zh: `${data.year}年“知识产权服务万里行”活动成果汇总表（附件2，全国）`,
        en: `${data.year} IP Service Campaign — results summary (Annex 2), all units`,
      },
      subtitle: subtitle(data.exportedOn),
    },
    rows.length + 1,
    null,
  );
  fill(sheet, [...rows, totals]);
  const totalRow = sheet.getRow(firstDataRow + rows.length);
  totalRow.eachCell((cell) => {
    cell.font = { name: fonts.heading, size: 11, bold: true };
  });

  const casesSpec: SheetSpec = { ...caseSheet, columns: [unitNameColumn, ...caseSheet.columns] };
  const cases = data.units.flatMap((unit) =>
    (unit.results?.typicalCases ?? []).map((c) => itemToRow(casesSpec, c, { 填报单位: unit.nameZh })),
  );
  const casesSheet = addTableSheet(
    workbook,
    casesSpec,
    { title: caseSheet.title(data.year), subtitle: subtitle(data.exportedOn) },
    Math.max(cases.length, 1),
    null,
  );
  fill(casesSheet, cases);
  return finish(workbook);
}
