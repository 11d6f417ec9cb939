// Reads one sheet of plain cells into items: finds the header row (Chinese or English, below any title
// rows, columns in any order), skips blank rows, parses every cell, then validates each row with zod.
// Every problem becomes a SheetIssue naming the row and column; nothing stops at the first.
import type { z } from 'zod';
import { keyTaskLabels } from '../labels.ts';
import {
  type CellValue,
  cellText,
  enumLookup,
  fold,
  isBlank,
  keyTaskLookup,
  type Parsed,
  parseAmount,
  parseBoolean,
  parseCode,
  parseCount,
  parseDate,
  parseList,
  parseText,
} from './cells.ts';
import type { ColumnSpec, FieldType, SheetSpec } from './columns.ts';
import type { SheetIssue } from './issues.ts';
import { enumAliases } from './labels.ts';

export interface GridRow {
  /** The row number Excel shows. */
  number: number;
  /** Column A first. */
  cells: CellValue[];
}

export interface Grid {
  name: string;
  rows: GridRow[];
}

/** How far down a header may sit below title rows, and how many data rows a file may have. */
export const headerSearchRows = 20;
export const maxDataRows = 5_000;

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

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const keyTask = keyTaskLookup(keyTaskLabels);
const enumParsers = new Map<FieldType, (value: CellValue) => Parsed<string>>();

function parseCell(type: FieldType, value: CellValue): Parsed<unknown> {
  switch (type.kind) {
    case 'text':
      return parseText(value);
    case 'code':
      return parseCode(value);
    case 'count':
      return parseCount(value);
    case 'amount':
      return parseAmount(value);
    case 'date':
      return parseDate(value);
    case 'boolean':
      return parseBoolean(value);
    case 'list':
      return parseList(value);
    case 'keyTask':
      return keyTask(value);
    case 'enum': {
      let parser = enumParsers.get(type);
      if (!parser) {
        parser = enumLookup({ values: type.values, labels: type.labels, aliases: enumAliases });
        enumParsers.set(type, parser);
      }
      return parser(value);
    }
  }
}

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

/** Reads every data row below the header and validates it with `schema`. */
export function readSheet<S extends z.ZodType>(
  grid: Grid,
  spec: SheetSpec,
  schema: S,
  header: HeaderMatch,
): SheetRead<z.output<S>> {
  const issues = [...header.issues];
  const rows: SheetRow<z.output<S>>[] = [];
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
      const parsed = parseCell(column.type, value);
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
    const result = schema.safeParse(item);
    if (result.success) {
      if (cellIssues.size === 0) rows.push({ row: row.number, item: result.data });
      continue;
    }
    for (const issue of result.error.issues) {
      const key = issue.path.join('.');
      const column = spec.columns.find((c) => c.key === key || key.startsWith(`${c.key}.`));
      // Already reported: the cell itself was wrong, or its whole column is missing.
      if (column && (cellIssues.has(column) || missing.has(column))) continue;
      const cellIndex = [...header.columns].find(([, c]) => c === column)?.[0];
      const rule = spec.rules[key];
      issues.push({
        sheet: spec.name,
        row: row.number,
        column: column?.header ?? null,
        found: rule || cellIndex === undefined ? null : cellText(row.cells[cellIndex] ?? null),
        message: rule ?? {
          zh: column ? column.hint.zh : '本行不符合要求',
          en: issue.message,
        },
      });
    }
  }
  return { rows, dataRows: dataRows.map((r) => r.number), issues, header };
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
