// A whole workbook (as plain grids) into a submission: Annex 1, activity records or Annex 2 with its
// typical cases. All issues of the file at once; a value only when there are none.
import { z } from 'zod';
import {
  type ActivityRecord,
  activityRecordSchema,
  type DemandList,
  demandItemSchema,
  demandListSchema,
  type ResultsSummary,
  resultsSummarySchema,
} from '../submissions.ts';
import { fold } from './cells.ts';
import { activitySheet, caseSheet, demandSheet, resultsSheet, type SheetSpec } from './columns.ts';
import type { Grid } from './grid.ts';
import { findGrid, findHeader } from './header.ts';
import { type SheetIssue, sortIssues } from './issues.ts';
import { readSheet, type SheetRead } from './readSheet.ts';

export type ImportResult<T> = { ok: true; value: T } | { ok: false; issues: SheetIssue[] };

export type SpreadsheetKind = 'demands' | 'activities' | 'results';

function sheetIssue(spec: SheetSpec, zh: string, en: string): SheetIssue {
  return { sheet: spec.name, row: null, column: null, found: null, message: { zh, en } };
}

function read<S extends z.ZodType>(
  grids: readonly Grid[],
  spec: SheetSpec,
  schema: S,
): SheetRead<z.output<S>> | SheetIssue {
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
  return readSheet(grid, spec, schema, header);
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

export function demandListFromSheets(grids: readonly Grid[]): ImportResult<DemandList> {
  const sheet = read(grids, demandSheet, demandItemSchema);
  if (!('rows' in sheet)) return { ok: false, issues: [sheet] };
  const issues = [...sheet.issues, ...duplicateIds(demandSheet, sheet.rows)];
  if (sheet.rows.length === 0 && issues.length === 0) issues.push(noRows(demandSheet));
  if (issues.length > 0) return { ok: false, issues: sortIssues(issues) };
  return { ok: true, value: demandListSchema.parse({ items: sheet.rows.map((r) => r.item) }) };
}

export function activitiesFromSheets(grids: readonly Grid[]): ImportResult<ActivityRecord[]> {
  const sheet = read(grids, activitySheet, activityRecordSchema);
  if (!('rows' in sheet)) return { ok: false, issues: [sheet] };
  const issues = [...sheet.issues, ...duplicateIds(activitySheet, sheet.rows)];
  if (sheet.rows.length === 0 && issues.length === 0) issues.push(noRows(activitySheet));
  if (issues.length > 0) return { ok: false, issues: sortIssues(issues) };
  return { ok: true, value: sheet.rows.map((r) => r.item) };
}

const caseSchema = z.object({ title: z.string(), text: z.string() });

/** Annex 2 is one row on its sheet; the typical cases, if any, are rows on theirs. */
export function resultsFromSheets(grids: readonly Grid[]): ImportResult<ResultsSummary> {
  const sheet = read(grids, resultsSheet, resultsSummarySchema);
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
  let typicalCases: z.output<typeof caseSchema>[] = [];
  const casesHeader = casesGrid && findHeader(casesGrid, caseSheet);
  if (casesGrid && casesHeader) {
    const cases = readSheet(casesGrid, caseSheet, caseSchema, casesHeader);
    issues.push(...cases.issues);
    typicalCases = cases.rows.map((r) => r.item);
  }
  if (issues.length > 0) return { ok: false, issues: sortIssues(issues) };
  const row = sheet.rows[0];
  if (!row) return { ok: false, issues: [noRows(resultsSheet)] };
  return { ok: true, value: resultsSummarySchema.parse({ ...row.item, typicalCases }) };
}
