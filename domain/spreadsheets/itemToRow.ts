// The way back: an item as the cells of its row, in the drop-downs' own words, for exports and for
// filling a template. Reading the row again gives the same item.
import type { CellValue } from './cells.ts';
import type { ColumnSpec, SheetSpec } from './columns.ts';
import { keyTaskOption, optionLabel } from './labels.ts';

function getPath(item: unknown, key: string): unknown {
  let node = item;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export function cellFor(column: ColumnSpec, value: unknown): CellValue {
  if (value === undefined || value === null) return null;
  const type = column.type;
  switch (type.kind) {
    case 'enum': {
      const label = type.labels[String(value)];
      return label ? optionLabel(label) : String(value);
    }
    case 'keyTask':
      return typeof value === 'number' && value >= 1 && value <= 5
        ? keyTaskOption(value as 1 | 2 | 3 | 4 | 5)
        : String(value);
    case 'boolean':
      return value ? '是' : '否';
    case 'list':
      return Array.isArray(value) ? value.join('、') : String(value);
    case 'count':
    case 'amount':
      return typeof value === 'number' ? value : String(value);
    default:
      return String(value);
  }
}

/** The row's cells in the spec's column order; informational columns from `info` by header. */
export function itemToRow(spec: SheetSpec, item: unknown, info: Record<string, CellValue> = {}): CellValue[] {
  return spec.columns.map((column) =>
    column.informational ? (info[column.header.zh] ?? null) : cellFor(column, getPath(item, column.key)),
  );
}
