// A sheet as plain cells, the way the reader is given it and the writers address it.
import type { CellValue } from './cells.ts';

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

/** The letters Excel shows for a column: 0 is A, 26 is AA. */
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
