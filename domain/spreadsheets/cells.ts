// Turning what offices type into cells into plain values: full-width digits and punctuation, dates as
// text, Excel serials or Date cells, 是/否/Y/N/✓/×, trailing spaces. Each parser says what it accepts.
import type { Bilingual } from '../labels.ts';

/** A cell as the reader hands it over: rich text, formulas and hyperlinks already made plain. */
export type CellValue = string | number | boolean | Date | null;

export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: Bilingual };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (zh: string, en: string): Parsed<never> => ({ ok: false, expected: { zh, en } });

// Whitespace that trim() misses in pasted text: zero-width spaces and the BOM.
const invisible = /[\u200b-\u200d\u2060\ufeff]/g;

/** Free text keeps its Chinese punctuation; only the ends are trimmed (including U+3000 and NBSP). */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return isoDate(value) ?? '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(+value.toFixed(10));
  return value.replace(invisible, '').trim();
}

export function isBlank(value: CellValue): boolean {
  return cellText(value) === '';
}

/** For codes, numbers and look-ups: full-width forms folded (ＡＢ１２，→ AB12,), spaces gone, lower case. */
export function fold(text: string): string {
  return text.normalize('NFKC').replace(invisible, '').replace(/\s+/g, '').toLowerCase();
}

/** Identifiers and phone numbers: full-width folded, inner spaces kept out, case kept. */
export function parseCode(value: CellValue): Parsed<string> {
  const text = cellText(value).normalize('NFKC').replace(/\s+/g, '');
  return text === '' ? fail('必填', 'required') : ok(text);
}

export function parseText(value: CellValue): Parsed<string> {
  const text = cellText(value);
  return text === '' ? fail('必填', 'required') : ok(text);
}

// Units typed after a number: 120人, 46家, 3场, 3860万元.
const numberSuffix = /(人次|人|家|场次|场|个|次|项|笔|篇|件|条|万元|万)$/;

function parseNumberText(value: CellValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = fold(value).replace(numberSuffix, '').replace(/,/g, '');
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : null;
}

/** A count: a whole number, 0 or more. */
export function parseCount(value: CellValue): Parsed<number> {
  const n = parseNumberText(value);
  if (n === null || n < 0) return fail('0 或正整数，如 120', 'a whole number, 0 or more, e.g. 120');
  // Formulas can leave 119.99999999.
  const rounded = Math.round(n);
  if (Math.abs(n - rounded) > 1e-6) return fail('整数，不带小数', 'a whole number, no decimals');
  return ok(rounded);
}

/** An amount in 万元 (ten thousand yuan), decimals allowed. */
export function parseAmount(value: CellValue): Parsed<number> {
  const n = parseNumberText(value);
  if (n === null || n < 0)
    return fail('以万元计的数额，如 3860 或 12.5', 'an amount in 10,000 yuan, e.g. 3860 or 12.5');
  return ok(Math.round(n * 10_000) / 10_000);
}

const dateExpected = () =>
  fail(
    '日期，如 2027-06-08、2027/6/8 或 2027年6月8日',
    'a date such as 2027-06-08, 2027/6/8 or 2027年6月8日',
  );

function ymd(year: number, month: number, day: number): string | null {
  if (year < 2000 || year > 2100) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** Excel stores dates as days since 1899-12-30 (which absorbs its 1900 leap-year bug). */
export function excelSerialToDate(serial: number): string | null {
  if (!(serial >= 1 && serial < 2_958_466)) return null;
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial + 1e-9) * 86_400_000);
  return ymd(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** exceljs gives dates as UTC instants; a read-back can land a few milliseconds before midnight. */
function isoDate(value: Date): string | null {
  if (Number.isNaN(value.getTime())) return null;
  const rounded = new Date(Math.round(value.getTime() / 60_000) * 60_000);
  return ymd(rounded.getUTCFullYear(), rounded.getUTCMonth() + 1, rounded.getUTCDate());
}

function numberToDate(n: number): string | null {
  // 20270608 typed as a number.
  if (Number.isInteger(n) && n >= 2000_01_01 && n <= 2100_12_31) {
    return ymd(Math.floor(n / 10_000), Math.floor(n / 100) % 100, n % 100);
  }
  return excelSerialToDate(n);
}

export function parseDate(value: CellValue): Parsed<string> {
  let date: string | null = null;
  if (value instanceof Date) date = isoDate(value);
  else if (typeof value === 'number') date = numberToDate(value);
  else if (typeof value === 'string') {
    const text = fold(value).replace(/(\d)(\d{1,2}:\d{2}(:\d{2})?)$/, '$1');
    const parts =
      /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
    if (parts) date = ymd(Number(parts[1]), Number(parts[2]), Number(parts[3]));
    else if (/^\d{5}(\.\d+)?$/.test(text)) date = excelSerialToDate(Number(text));
  }
  return date === null ? dateExpected() : ok(date);
}

const yes = new Set(['是', 'y', 'yes', 'true', '1', '✓', '✔', '√', '☑', '对', '需要', '有', 't']);
const no = new Set(['否', 'n', 'no', 'false', '0', '×', '✗', '✘', 'x', '☐', '不需要', '无', '不', 'f', '错']);

export function parseBoolean(value: CellValue): Parsed<boolean> {
  if (typeof value === 'boolean') return ok(value);
  const text = typeof value === 'number' ? String(value) : fold(cellText(value));
  // ×/x survive NFKC as themselves; "√" likewise.
  if (yes.has(text)) return ok(true);
  if (no.has(text)) return ok(false);
  return fail('“是”或“否”（也可填 Y/N、✓/×）', '是 (yes) or 否 (no); Y/N and ✓/× also work');
}

export interface EnumOptions<T extends string> {
  values: readonly T[];
  labels: Record<T, Bilingual>;
  aliases?: Record<string, readonly string[]>;
}

/** Accepts the code ("sme"), the Chinese or English name, the drop-down label ("中小企业 SME") or an alias. */
export function enumLookup<T extends string>(options: EnumOptions<T>): (value: CellValue) => Parsed<T> {
  const table = new Map<string, T>();
  for (const value of options.values) {
    const label = options.labels[value];
    for (const spelling of [
      value,
      label.zh,
      label.en,
      `${label.zh} ${label.en}`,
      ...(options.aliases?.[value] ?? []),
    ]) {
      const key = fold(spelling);
      if (!table.has(key)) table.set(key, value);
    }
  }
  const accepted = options.values.map((v) => options.labels[v]);
  return (value) => {
    const found = table.get(fold(cellText(value)));
    if (found) return ok(found);
    return fail(
      `以下之一：${accepted.map((l) => l.zh).join('、')}`,
      `one of: ${accepted.map((l) => l.en).join(', ')}`,
    );
  };
}

const chineseDigits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5 };

/** A key task: 2, "2", "２", "二", "任务2", "（二）", "2 服务企业创新 enterprise innovation" or the name alone. */
export function keyTaskLookup(
  labels: Record<1 | 2 | 3 | 4 | 5, Bilingual>,
): (value: CellValue) => Parsed<1 | 2 | 3 | 4 | 5> {
  const byName = new Map<string, 1 | 2 | 3 | 4 | 5>();
  for (const task of [1, 2, 3, 4, 5] as const) {
    byName.set(fold(labels[task].zh), task);
    byName.set(fold(labels[task].en), task);
  }
  return (value) => {
    const text = fold(cellText(value));
    const lead = /^(?:重点任务|任务|第)?\(?([1-5一二三四五])(?![0-9.])/.exec(text)?.[1];
    const task = lead ? (chineseDigits[lead] ?? Number(lead)) : byName.get(text);
    if (task !== undefined && task >= 1 && task <= 5) return ok(task as 1 | 2 | 3 | 4 | 5);
    return fail(
      `1 至 5 的重点任务编号（${([1, 2, 3, 4, 5] as const).map((t) => `${t} ${labels[t].zh}`).join('；')}）`,
      'a key task number from 1 to 5',
    );
  };
}

/** Several names in one cell: 北京市知识产权局、专利局审查协作北京中心 (、，,;； or new lines). */
export function parseList(value: CellValue): Parsed<string[]> {
  const items = cellText(value)
    .split(/[、，,;；\n\r]+/)
    .map((item) => item.trim())
    .filter(Boolean);
  return items.length === 0
    ? fail('至少一项，多项用“、”分隔', 'at least one; separate several with 、')
    : ok(items);
}

// "王芳 <wang@x.cn>", "王芳（wang@x.cn）", "王芳：wang@x.cn" or "王芳 wang@x.cn" once NFKC has folded them.
const contactPattern = /^(.*?)[\s<(:]+([^\s<>():@]+@[^\s<>():@]+)[>)]?$/;

/** Contacts as "姓名 <邮箱>", several separated by 、 or ；: the address itself is checked by the schema. */
export function parseContacts(value: CellValue): Parsed<{ name: string; email: string }[]> {
  const items = cellText(value)
    .split(/[、;；\n\r]+/)
    .map((item) => item.normalize('NFKC').trim())
    .filter(Boolean);
  const contacts = items.map((item) => contactPattern.exec(item));
  if (items.length === 0 || contacts.some((c) => !c?.[1]?.trim()))
    return fail(
      '姓名和电子邮箱，如“王芳 <wang@example.cn>”，多人用“、”分隔',
      'a name and an e-mail address, e.g. "王芳 <wang@example.cn>"; several separated by 、',
    );
  return ok(contacts.map((c) => ({ name: (c?.[1] ?? '').trim(), email: c?.[2] ?? '' })));
}
