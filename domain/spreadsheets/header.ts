// Finding a sheet's header row (Chinese or English, below any title rows, columns in any order, under
// their aliases too) and the sheet itself in a workbook.
import { type CellValue, fold } from './cells.ts';
import type { ColumnSpec, SheetSpec } from './column.ts';
import { columnLetter, type Grid, type GridRow } from './grid.ts';
import type { SheetIssue } from './issues.ts';

/** How far down a header may sit below title rows. */
export const headerSearchRows = 20;

const stripParens = (text: string) => text.replace(/\([^)]*\)/g, '');

/** Header text as compared: folded, without required-marks, colons or a trailing note in parentheses. */
export function headerKey(text: string): string {
  return fold(text).replace(/[*※:：]/g, '');
}

function headerTable(spec: SheetSpec): Map<string, ColumnSpec> {
  const table = new Map<string, ColumnSpec>();
  for (const column of spec.columns) {
    for (const name of [column.header.zh, column.header.en, ...(column.aliases ?? [])]) {
      const key = headerKey(name);
      if (!table.has(key)) table.set(key, column);
      if (!table.has(stripParens(key))) table.set(stripParens(key), column);
    }
  }
  return table;
}

function matchHeader(table: Map<string, ColumnSpec>, cell: CellValue): ColumnSpec | undefined {
  if (typeof cell !== 'string') return undefined;
  const key = headerKey(cell);
  return key === '' ? undefined : (table.get(key) ?? table.get(stripParens(key)));
}

export interface HeaderMatch {
  /** The last header row (the English one when there are two). */
  lastRow: number;
  firstRow: number;
  columns: Map<number, ColumnSpec>;
  issues: SheetIssue[];
}

/** The header row: the first of the top rows that names enough of the sheet's columns. */
export function findHeader(grid: Grid, spec: SheetSpec): HeaderMatch | null {
  const table = headerTable(spec);
  const threshold = Math.min(3, spec.columns.length);
  const matches = (row: GridRow) => new Set(row.cells.map((c) => matchHeader(table, c)).filter(Boolean)).size;
  const top = grid.rows.filter((row) => row.number <= headerSearchRows);
  const index = top.findIndex((row) => matches(row) >= threshold);
  if (index < 0) return null;
  const first = top[index] as GridRow;
  const headerRows = [first];
  const next = top[index + 1];
  if (next && next.number === first.number + 1 && matches(next) >= threshold) headerRows.push(next);

  const columns = new Map<number, ColumnSpec>();
  const where = new Map<ColumnSpec, number>();
  const issues: SheetIssue[] = [];
  for (const row of headerRows) {
    row.cells.forEach((cell, c) => {
      const column = matchHeader(table, cell);
      if (!column || columns.has(c)) return;
      const seen = where.get(column);
      if (seen !== undefined && seen !== c) {
        issues.push({
          sheet: spec.name,
          row: row.number,
          column: column.header,
          found: null,
          message: {
            zh: `此列重复（${columnLetter(seen)}列与${columnLetter(c)}列），请删去一列`,
            en: `appears twice (columns ${columnLetter(seen)} and ${columnLetter(c)}); delete one`,
          },
        });
        return;
      }
      columns.set(c, column);
      where.set(column, c);
    });
  }
  for (const column of spec.columns) {
    if (column.required && !where.has(column)) {
      issues.push({
        sheet: spec.name,
        row: first.number,
        column: column.header,
        found: null,
        message: { zh: '表头中缺少此列', en: 'this column is missing from the header row' },
      });
    }
  }
  return {
    firstRow: first.number,
    lastRow: (headerRows.at(-1) ?? first).number,
    columns,
    issues,
  };
}

/** The sheet for `spec`: by its Chinese or English tab name, else the first whose header fits. */
export function findGrid(grids: readonly Grid[], spec: SheetSpec): Grid | null {
  const names = [spec.name.zh, spec.name.en].map(fold);
  return (
    grids.find((g) => names.includes(fold(g.name))) ??
    grids.find((g) => names.some((name) => fold(g.name).includes(name))) ??
    grids.find((g) => findHeader(g, spec) !== null) ??
    null
  );
}
