// A whole workbook (as plain grids) into a submission: Annex 1, activity records or Annex 2 with its
// typical cases. All issues of the file at once; a value only when there are none.
import {
  type ActivityRecord,
  type DemandList,
  demandListSchema,
  type ResultsSummary,
  resultsSummarySchema,
} from '../submissions.ts';
import { activitySheet } from './annexes/activityRecords.ts';
import { demandSheet } from './annexes/demandList.ts';
import { caseSheet, resultsSheet } from './annexes/resultsSummary.ts';
import type { SpreadsheetKind } from './annexes.ts';
import { fold } from './cells.ts';
import type { SheetSpec } from './column.ts';
import type { Grid } from './grid.ts';
import { findGrid, findHeader } from './header.ts';
import { type SheetIssue, sortIssues } from './issues.ts';
import { readSheet, type SheetRead } from './readSheet.ts';

export type ImportResult<T> = { ok: true; value: T } | { ok: false; issues: SheetIssue[] };

function sheetIssue(spec: SheetSpec, zh: string, en: string): SheetIssue {
  return { sheet: spec.name, row: null, column: null, found: null, message: { zh, en } };
}

function read<T>(grids: readonly Grid[], spec: SheetSpec<T>): SheetRead<T> | SheetIssue {
  const grid = findGrid(grids, spec);
  const header = grid && findHeader(grid, spec);
  if (!grid || !header) {
    const expected = spec.columns.filter((c) => c.required).slice(0, 4);
    return sheetIssue(
      spec,
      `找不到“${spec.name.zh}”表：工作簿中没有名为“${spec.name.zh}”的表，也没有哪张表在前20行有“${expected.map((c) => c.header.zh).join('”“')}”等表头（工作簿中的表：${grids.map((g) => g.name).join('、') || '无'}）`,
      `no "${spec.name.en}" sheet: no sheet of that name, and none with headers such as ${expected.map((c) => `"${c.header.en}"`).join(', ')} in its first 20 rows (sheets: ${grids.map((g) => g.name).join(', ') || 'none'})`,
    );
  }
  return readSheet(grid, spec, header);
}

/** Later rows that repeat an id are errors: a demand list keys matches by id, activities replace by id. */
function duplicateIds(spec: SheetSpec, rows: readonly { row: number; item: { id: string } }[]): SheetIssue[] {
  const first = new Map<string, number>();
  const issues: SheetIssue[] = [];
  const column = spec.columns.find((c) => c.key === 'id');
  for (const { row, item } of rows) {
    const seen = first.get(item.id);
    if (seen === undefined) first.set(item.id, row);
    else
      issues.push({
        sheet: spec.name,
        row,
        column: column?.header ?? null,
        found: item.id,
        message: {
          zh: `不重复的编号（与第${seen}行相同）`,
          en: `an id not used before (row ${seen} has it)`,
        },
      });
  }
  return issues;
}

const noRows = (spec: SheetSpec) =>
  sheetIssue(spec, '没有填写任何数据行', 'no rows filled in below the header');

/** The rows of a sheet keyed by id (demands, activities): at least one, no id twice. */
export function itemsFromSheets<T extends { id: string }>(
  grids: readonly Grid[],
  spec: SheetSpec<T>,
): ImportResult<T[]> {
  const sheet = read(grids, spec);
  if (!('rows' in sheet)) return { ok: false, issues: [sheet] };
  const issues = [...sheet.issues, ...duplicateIds(spec, sheet.rows)];
  if (sheet.rows.length === 0 && issues.length === 0) issues.push(noRows(spec));
  if (issues.length > 0) return { ok: false, issues: sortIssues(issues) };
  return { ok: true, value: sheet.rows.map((r) => r.item) };
}

function demandListFromSheets(grids: readonly Grid[]): ImportResult<DemandList> {
  const items = itemsFromSheets(grids, demandSheet);
  return items.ok ? { ok: true, value: demandListSchema.parse({ items: items.value }) } : items;
}

function activitiesFromSheets(grids: readonly Grid[]): ImportResult<ActivityRecord[]> {
  return itemsFromSheets(grids, activitySheet);
}

/** Annex 2 is one row on its sheet; the typical cases, if any, are rows on theirs. */
function resultsFromSheets(grids: readonly Grid[]): ImportResult<ResultsSummary> {
  const sheet = read(grids, resultsSheet);
  if (!('rows' in sheet)) return { ok: false, issues: [sheet] };
  const issues = [...sheet.issues];
  if (sheet.dataRows.length === 0 && issues.length === 0) issues.push(noRows(resultsSheet));
  if (sheet.dataRows.length > 1) {
    issues.push(
      sheetIssue(
        resultsSheet,
        `只应有一行数据（本单位的汇总），现有${sheet.dataRows.length}行：第${sheet.dataRows.join('、')}行`,
        `one row only (your unit's totals); found ${sheet.dataRows.length}: rows ${sheet.dataRows.join(', ')}`,
      ),
    );
  }
  const names = [caseSheet.name.zh, caseSheet.name.en].map(fold);
  const casesGrid = grids.find((g) => names.some((name) => fold(g.name).includes(name)));
  const casesHeader = casesGrid && findHeader(casesGrid, caseSheet);
  const cases = casesGrid && casesHeader ? readSheet(casesGrid, caseSheet, casesHeader) : null;
  if (cases) issues.push(...cases.issues);
  if (issues.length > 0) return { ok: false, issues: sortIssues(issues) };
  const row = sheet.rows[0];
  if (!row) return { ok: false, issues: [noRows(resultsSheet)] };
  const typicalCases = cases?.rows.map((r) => r.item) ?? [];
  return { ok: true, value: resultsSummarySchema.parse({ ...row.item, typicalCases }) };
}

/** What each annex's workbook gives. */
export interface AnnexPayloads {
  demands: DemandList;
  activities: ActivityRecord[];
  results: ResultsSummary;
}

export const annexFromSheets: {
  [K in SpreadsheetKind]: (grids: readonly Grid[]) => ImportResult<AnnexPayloads[K]>;
} = { demands: demandListFromSheets, activities: activitiesFromSheets, results: resultsFromSheets };
