// The shape of an annex's table: its sheets, and for each column the headers, the spellings a reader
// accepts, the schema field it fills, what the cell holds and how wide it is. The tables themselves are
// in annexes/; templates, imports and exports are all built from them, so a header means one thing.
import type { z } from 'zod';
import type { Bilingual } from '../labels.ts';
import type { CellType } from './cellTypes.ts';

export interface ColumnSpec {
  /**
   * The schema field the column fills, as a dotted path ("entity.type"); for an informational column,
   * the name its value is given by (itemToRow's `info`).
   */
  key: string;
  header: Bilingual;
  /** Other headers offices use for the same column, compared after folding. */
  aliases?: readonly string[];
  type: CellType;
  required: boolean;
  /** What to fill in: shown in the instructions, as a cell prompt and in error messages. */
  hint: Bilingual;
  width: number;
  /** Shown and exported, not read into the submission (the unit's name on Annex 2). */
  informational?: boolean;
}

/** A sheet of rows that each give one `T`. */
export interface SheetSpec<T = unknown> {
  /** The sheet's tab name; Excel allows 31 characters. */
  name: Bilingual;
  title: (year: number) => Bilingual;
  /** What each row is checked against once its cells are read. */
  schema: z.ZodType<T>;
  columns: readonly ColumnSpec[];
  /** Rows the template prepares with drop-downs. */
  templateRows: number;
  /** Messages for the schema's cross-field rules, by the field they are reported on. */
  rules: Readonly<Partial<Record<string, Bilingual>>>;
  /** A schema message already written for users, in both languages, to say instead of the column's hint. */
  issueMessage?: (message: string) => Bilingual | undefined;
}

/** Every field of `T` a cell can fill, as a dotted path: "entity.type", "activitiesByType.lecture". */
export type FieldPath<T> = {
  [K in keyof T & string]-?: NonNullable<T[K]> extends readonly unknown[]
    ? K
    : NonNullable<T[K]> extends object
      ? `${K}.${FieldPath<NonNullable<T[K]>>}`
      : K;
}[keyof T & string];

/** A column of a sheet of `T`: one that fills a field of its schema, or an informational one. */
export type ColumnOf<T> = ColumnSpec &
  ({ key: FieldPath<T>; informational?: false } | { informational: true });

/** Checks, when an annex's table is written, that its columns and rules name fields of its schema. */
export function sheetOf<T>(
  spec: Omit<SheetSpec<T>, 'columns' | 'rules'> & {
    columns: readonly ColumnOf<T>[];
    rules: Partial<Record<FieldPath<T>, Bilingual>>;
  },
): SheetSpec<T> {
  return spec;
}

interface ColumnOptions {
  aliases?: readonly string[];
  hint: Bilingual;
  width: number;
  /** Columns are required unless they say so. */
  optional?: boolean;
}

export function column<K extends string>(
  key: K,
  header: Bilingual,
  type: CellType,
  { optional, ...options }: ColumnOptions,
): ColumnSpec & { key: K; informational?: false } {
  return { key, header, type, required: !optional, ...options };
}

/** A column shown and exported but not read: who reported, what was matched. */
export function info(
  key: string,
  header: Bilingual,
  width: number,
  more: { hint?: Bilingual; aliases?: readonly string[] } = {},
): ColumnSpec & { informational: true } {
  return {
    key,
    header,
    type: text,
    required: false,
    hint: { zh: '', en: '' },
    width,
    ...more,
    informational: true,
  };
}

export const text = { kind: 'text' } as const satisfies CellType;
export const code: CellType = { kind: 'code' };
export const email: CellType = { kind: 'email' };
export const count: CellType = { kind: 'count' };
export const amount: CellType = { kind: 'amount' };
export const date: CellType = { kind: 'date' };
export const yesNo: CellType = { kind: 'boolean' };
export const list: CellType = { kind: 'list' };
export const keyTask = { kind: 'keyTask' } as const satisfies CellType;
export const contacts: CellType = { kind: 'contacts' };

/** Several values of `item`'s kind in one cell. */
export function listOf(item: Exclude<CellType, { kind: 'listOf' }>): CellType {
  return { kind: 'listOf', item };
}

/** An enumeration of the schema, offered in a drop-down under its names in domain/labels.ts. */
export function choice<T extends string>(
  values: readonly T[],
  labels: Record<T, Bilingual>,
): Extract<CellType, { kind: 'enum' }> {
  return { kind: 'enum', values, labels };
}
