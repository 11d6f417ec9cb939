// Reads one sheet of plain cells into items: below the header row (header.ts), skips blank rows and
// notes, parses every cell by its column's type, then validates each row with the sheet's schema.
// Every problem becomes a SheetIssue naming the row and column; nothing stops at the first.
import { cellText, isBlank } from './cells.ts';
import { cellRules } from './cellTypes.ts';
import type { ColumnSpec, SheetSpec } from './column.ts';
import type { Grid } from './grid.ts';
import type { HeaderMatch } from './header.ts';
import type { SheetIssue } from './issues.ts';

/** How many data rows a file may have. */
export const maxDataRows = 5_000;

function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1) as string] = value;
}

/** Lines offices add below a table ("填表人：王芳", "注：…", "合计"): not rows of data. */
const notePattern = /^(注|说明|备注|填表人|填报人|审核人|负责人|制表|填报日期|合计|总计|小计|以下空白)/;
function isNote(text: string): boolean {
  return notePattern.test(text.normalize('NFKC'));
}

export interface SheetRow<T> {
  row: number;
  item: T;
}

export interface SheetRead<T> {
  rows: SheetRow<T>[];
  /** Every row with data, valid or not. */
  dataRows: number[];
  issues: SheetIssue[];
  /** Where each field's column is, so later checks (duplicates) can name it. */
  header: HeaderMatch;
}

/** Reads every data row below the header and validates it with the sheet's schema. */
export function readSheet<T>(grid: Grid, spec: SheetSpec<T>, header: HeaderMatch): SheetRead<T> {
  const issues = [...header.issues];
  const rows: SheetRow<T>[] = [];
  const missing = new Set(spec.columns.filter((c) => ![...header.columns.values()].includes(c)));
  const dataRows = grid.rows.filter((row) => {
    if (row.number <= header.lastRow) return false;
    const filled = [...header.columns]
      .filter(([c, column]) => !column.informational && !isBlank(row.cells[c] ?? null))
      .map(([c]) => cellText(row.cells[c] ?? null));
    return filled.length > 0 && !(filled.length === 1 && isNote(filled[0] ?? ''));
  });
  if (dataRows.length > maxDataRows) {
    issues.push({
      sheet: spec.name,
      row: null,
      column: null,
      found: null,
      message: {
        zh: `数据行过多（${dataRows.length}行），每个文件至多${maxDataRows}行`,
        en: `too many rows (${dataRows.length}); at most ${maxDataRows} a file`,
      },
    });
    return { rows, dataRows: [], issues, header };
  }
  for (const row of dataRows) {
    const item: Record<string, unknown> = {};
    const cellIssues = new Set<ColumnSpec>();
    for (const [c, column] of header.columns) {
      if (column.informational) continue;
      const value = row.cells[c] ?? null;
      if (isBlank(value)) {
        if (column.required) {
          cellIssues.add(column);
          issues.push({
            sheet: spec.name,
            row: row.number,
            column: column.header,
            found: null,
            message: {
              zh: `必填，未填写（${column.hint.zh}）`,
              en: `required, but empty (${column.hint.en})`,
            },
          });
        }
        continue;
      }
      const parsed = cellRules(column.type).parse(value);
      if (parsed.ok) setPath(item, column.key, parsed.value);
      else {
        cellIssues.add(column);
        issues.push({
          sheet: spec.name,
          row: row.number,
          column: column.header,
          found: cellText(value),
          message: parsed.expected,
        });
      }
    }
    const result = spec.schema.safeParse(item);
    if (result.success) {
      if (cellIssues.size === 0) rows.push({ row: row.number, item: result.data });
      continue;
    }
    for (const issue of result.error.issues) {
      const key = issue.path.join('.');
      const column = spec.columns.find((c) => c.key === key || key.startsWith(`${c.key}.`));
      // Already reported: the cell itself was wrong, or its column (every column of an object) is missing.
      const related = column ? [column] : spec.columns.filter((c) => c.key.startsWith(`${key}.`));
      if (related.length > 0 && related.every((c) => cellIssues.has(c) || missing.has(c))) continue;
      const cellIndex = [...header.columns].find(([, c]) => c === column)?.[0];
      const rule = spec.rules[key];
      issues.push({
        sheet: spec.name,
        row: row.number,
        column: column?.header ?? null,
        found: rule || cellIndex === undefined ? null : cellText(row.cells[cellIndex] ?? null),
        // Never zod's own words: they name code ("expected object, received undefined"), not the sheet.
        message: rule ??
          spec.issueMessage?.(issue.message) ?? {
            zh: column ? column.hint.zh : '本行不符合要求',
            en: column ? column.hint.en : 'this row does not meet the requirements',
          },
      });
    }
  }
  return { rows, dataRows: dataRows.map((r) => r.number), issues, header };
}
