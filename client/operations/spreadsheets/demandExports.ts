// The demand list for the whole country: the flagged demands of every unit with what they were matched
// to, and the recorded matches with the demands still unmatched. Functions of plain data; a Buffer out.
import ExcelJS from 'exceljs';
import { demandSheet } from '../../../domain/spreadsheets/annexes/demandList.ts';
import { reportingUnitColumn } from '../../../domain/spreadsheets/annexes/resultsSummary.ts';
import {
  type ColumnSpec,
  type FieldPath,
  info,
  type SheetSpec,
} from '../../../domain/spreadsheets/column.ts';
import { itemToRow } from '../../../domain/spreadsheets/itemToRow.ts';
import type { DemandItem } from '../../../domain/submissions.ts';
import { addExportSheet, addFilter, finish, unitCodeColumn } from './exportSheet.ts';
import { firstDataRow } from './tableSheet.ts';

// What CNIPA made of a demand, beside the unit's columns.
const matchColumn = info('matchedResource', { zh: '匹配资源', en: 'Matched resource' }, 30);
const noteColumn = info('note', { zh: '备注', en: 'Note' }, 30);

/** The flagged demands and the matches recorded for them: what the demand and the match exports show. */
export interface DemandExportData {
  year: number;
  exportedOn: string;
  units: { unitCode: string; nameZh: string; demands: DemandItem[] }[];
  matches: { unitCode: string; demandId: string; resource: string; note?: string | undefined }[];
}

const unmatched = '未匹配';

export async function buildDemandExport(data: DemandExportData): Promise<Buffer> {
  const spec: SheetSpec = {
    ...demandSheet,
    name: { zh: '需求汇总', en: 'Flagged demands' },
    columns: [unitCodeColumn, reportingUnitColumn, ...demandSheet.columns, matchColumn],
  };
  const rows = data.units.flatMap((unit) =>
    unit.demands.map((demand) => {
      const matched = data.matches
        .filter((m) => m.unitCode === unit.unitCode && m.demandId === demand.id)
        .map((m) => (m.note ? `${m.resource}（${m.note}）` : m.resource));
      return itemToRow(spec, demand, {
        unitCode: unit.unitCode,
        unitName: unit.nameZh,
        matchedResource: matched.join('；') || unmatched,
      });
    }),
  );
  const workbook = new ExcelJS.Workbook();
  const title = {
    zh: `${data.year}年“知识产权服务万里行”需国家知识产权局协调的需求汇总`,
    en: `${data.year} IP Service Campaign — demands flagged for CNIPA coordination`,
  };
  const sheet = addExportSheet(workbook, spec, title, data.exportedOn, rows);
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
      reportingUnitColumn,
      ...(['id', 'entity.name', 'field', 'description'] satisfies FieldPath<DemandItem>[]).map(demandColumn),
      matchColumn,
      noteColumn,
    ],
  };
  const rows = data.units.flatMap((unit) => {
    const unitCells = { unitCode: unit.unitCode, unitName: unit.nameZh };
    const recorded = data.matches.filter((m) => m.unitCode === unit.unitCode);
    // A match outlives a revised demand list: its demand may no longer be there to describe.
    const matched = recorded.map((m) => ({
      cells: itemToRow(spec, unit.demands.find((d) => d.id === m.demandId) ?? { id: m.demandId }, {
        ...unitCells,
        matchedResource: m.resource,
        note: m.note ?? null,
      }),
      matched: true,
    }));
    const open = unit.demands
      .filter((d) => !recorded.some((m) => m.demandId === d.id))
      .map((d) => ({
        cells: itemToRow(spec, d, { ...unitCells, matchedResource: unmatched }),
        matched: false,
      }));
    return [...matched, ...open];
  });
  const workbook = new ExcelJS.Workbook();
  const title = {
    zh: `${data.year}年“知识产权服务万里行”需求与服务资源匹配情况`,
    en: `${data.year} IP Service Campaign — demands matched to service resources`,
  };
  const sheet = addExportSheet(
    workbook,
    spec,
    title,
    data.exportedOn,
    rows.map((r) => r.cells),
    '　　底色标出的为尚未匹配的需求 Shaded rows: not matched yet',
  );
  rows.forEach((row, r) => {
    if (row.matched) return;
    for (let c = 1; c <= spec.columns.length; c++)
      sheet.getRow(firstDataRow + r).getCell(c).fill = unmatchedFill;
  });
  addFilter(sheet, spec.columns.length, rows.length);
  return finish(workbook);
}
