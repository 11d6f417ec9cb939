// The way back: an item as the cells of its row, in the drop-downs' own words, for exports and for
// filling a template. Reading the row again gives the same item.
import type { CellValue } from './cells.ts';
import { cellRules } from './cellTypes.ts';
import type { SheetSpec } from './column.ts';

function getPath(item: unknown, key: string): unknown {
  let node = item;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** The row's cells in the spec's column order; informational columns from `info`, by their key. */
export function itemToRow(spec: SheetSpec, item: unknown, info: Record<string, CellValue> = {}): CellValue[] {
  return spec.columns.map((column) => {
    if (column.informational) return info[column.key] ?? null;
    const value = getPath(item, column.key);
    return value === undefined || value === null ? null : cellRules(column.type).toCell(value);
  });
}
