// What a column holds, and for each kind the four things the sheets need of it: how a cell is read, how a
// value is written back (in the drop-down's own words), what the drop-down offers and the number format.
import { z } from 'zod';
import { type Bilingual, keyTaskLabels } from '../labels.ts';
import {
  type CellValue,
  enumLookup,
  keyTaskLookup,
  type Parsed,
  parseAmount,
  parseBoolean,
  parseCode,
  parseContacts,
  parseCount,
  parseDate,
  parseList,
  parseText,
} from './cells.ts';
import { enumAliases, keyTaskOption, optionLabel } from './labels.ts';

export type CellType =
  | { kind: 'text' }
  | { kind: 'code' }
  | { kind: 'email' }
  | { kind: 'count' }
  | { kind: 'amount' }
  | { kind: 'date' }
  | { kind: 'boolean' }
  | { kind: 'list' }
  | { kind: 'keyTask' }
  | { kind: 'contacts' }
  | { kind: 'enum'; values: readonly string[]; labels: Record<string, Bilingual> }
  /** Several values of one kind in one cell, separated by 、: the catalogue's categories, regions, key tasks. */
  | { kind: 'listOf'; item: Exclude<CellType, { kind: 'listOf' }> };

export interface CellRules {
  parse(value: CellValue): Parsed<unknown>;
  /** A value of the item as its cell; never given null or undefined. */
  toCell(value: unknown): CellValue;
  /** What the template's drop-down offers, or null for a free cell. */
  options: readonly string[] | null;
  /** Excel's number format for the column's cells. */
  format?: string;
}

const keyTasks = [1, 2, 3, 4, 5] as const;
const isKeyTask = (value: unknown): value is 1 | 2 | 3 | 4 | 5 =>
  typeof value === 'number' && value >= 1 && value <= 5;
const numberOrText = (value: unknown): CellValue => (typeof value === 'number' ? value : String(value));
// Text, so a phone number keeps its leading 0 and an id stays as typed.
const asText = '@';

// The schema's own test, so a cell passes exactly when the submission will.
const emailSchema = z.email();
function parseEmail(value: CellValue): Parsed<string> {
  const code = parseCode(value);
  if (!code.ok || emailSchema.safeParse(code.value).success) return code;
  return {
    ok: false,
    expected: {
      zh: '电子邮箱地址，如 name@example.cn（不填亦可）',
      en: 'an e-mail address such as name@example.cn (or nothing)',
    },
  };
}

const rules: Record<Exclude<CellType['kind'], 'enum' | 'listOf'>, CellRules> = {
  text: { parse: parseText, toCell: String, options: null, format: asText },
  code: { parse: parseCode, toCell: String, options: null, format: asText },
  email: { parse: parseEmail, toCell: String, options: null, format: asText },
  count: { parse: parseCount, toCell: numberOrText, options: null, format: '0' },
  amount: { parse: parseAmount, toCell: numberOrText, options: null, format: '0.####' },
  date: { parse: parseDate, toCell: String, options: null, format: 'yyyy-mm-dd' },
  boolean: { parse: parseBoolean, toCell: (value) => (value ? '是' : '否'), options: ['是', '否'] },
  list: {
    parse: parseList,
    toCell: (value) => (Array.isArray(value) ? value.join('、') : String(value)),
    options: null,
    format: asText,
  },
  keyTask: {
    parse: keyTaskLookup(keyTaskLabels),
    toCell: (value) => (isKeyTask(value) ? keyTaskOption(value) : String(value)),
    options: keyTasks.map(keyTaskOption),
  },
  contacts: {
    parse: parseContacts,
    toCell: (value) =>
      Array.isArray(value)
        ? value.map((c: { name: string; email: string }) => `${c.name} <${c.email}>`).join('、')
        : String(value),
    options: null,
    format: asText,
  },
};

/**
 * Each item read by its kind's rules, every one reported when wrong. Written back in short words (the
 * Chinese name, the key task's number), which the drop-down's long labels would crowd in one cell.
 */
function rulesOfList(item: Exclude<CellType, { kind: 'listOf' }>): CellRules {
  const one = cellRules(item);
  const short = (value: unknown): string | number => {
    if (item.kind === 'enum') return item.labels[String(value)]?.zh ?? String(value);
    if (item.kind === 'keyTask') return Number(value);
    return String(one.toCell(value));
  };
  return {
    parse: (value) => {
      const items = parseList(value);
      if (!items.ok) return items;
      const values: unknown[] = [];
      const wrong: string[] = [];
      let expected: Bilingual | null = null;
      for (const text of items.value) {
        const result = one.parse(text);
        if (result.ok) values.push(result.value);
        else {
          wrong.push(text);
          expected ??= result.expected;
        }
      }
      if (!expected) return { ok: true, value: values };
      return {
        ok: false,
        expected: {
          zh: `${expected.zh}（多项用“、”分隔；不符的是“${wrong.join('”“')}”）`,
          en: `${expected.en} (several separated by 、; not accepted: ${wrong.map((n) => `"${n}"`).join(', ')})`,
        },
      };
    },
    toCell: (value) => (Array.isArray(value) ? value : [value]).map(short).join('、'),
    options: one.options,
    format: asText,
  };
}

// An enumeration's (or a list's) rules are built once, the first time a column of it is met.
const enumRules = new WeakMap<CellType, CellRules>();

function rulesOfEnum(type: Extract<CellType, { kind: 'enum' }>): CellRules {
  const { values, labels } = type;
  return {
    parse: enumLookup({ values, labels, aliases: enumAliases }),
    toCell: (value) => {
      const label = labels[String(value)];
      return label ? optionLabel(label) : String(value);
    },
    options: values.map((value) => optionLabel(labels[value] ?? { zh: value, en: value })),
  };
}

export function cellRules(type: CellType): CellRules {
  if (type.kind !== 'enum' && type.kind !== 'listOf') return rules[type.kind];
  let found = enumRules.get(type);
  if (!found) {
    found = type.kind === 'enum' ? rulesOfEnum(type) : rulesOfList(type.item);
    enumRules.set(type, found);
  }
  return found;
}
