// Never a crash (issue 23, item 4): 1,200 seeded mutations of valid workbooks (truncated, bytes flipped
// in the file or inside a part's compressed data, parts dropped, junk put into a part's XML, sizes
// misstated) and the worst files on purpose (a lying ZIP bomb, millions of shared strings, XML 100,000
// deep, a merged range of a whole sheet). Each ends in an import or a refusal in words (a UserError,
// never a JavaScript exception's text), within bounded time and memory.
import type ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { importSpreadsheet } from '../../../client/operations/spreadsheets/importSubmission.ts';
import { firstDataRow } from '../../../client/operations/spreadsheets/tableSheet.ts';
import { buildTemplate } from '../../../client/operations/spreadsheets/template.ts';
import { defaultRegistry } from '../../../domain/defaultRegistry.ts';
import { findUnit } from '../../../domain/registry.ts';
import { demandSheet } from '../../../domain/spreadsheets/annexes/demandList.ts';
import { itemToRow } from '../../../domain/spreadsheets/itemToRow.ts';
import { UserError } from '../../../infra/userError.ts';
import {
  deepSheet,
  hugeMerge,
  hugeSharedStrings,
  lyingBomb,
  type Parts,
  partsOf,
  zipParts,
} from '../../support/hostileWorkbooks.ts';
import { sampleDemandList } from '../../support/samples.ts';
import { fillRows, loadWorkbook, toBuffer } from './support.ts';

/** Any one file: the slowest here (the bomb, millions of strings) take about 2 s alone. */
const maxMillisPerFile = 8_000;
const maxRssGrowth = 400 * 1024 * 1024;
const exceptionText =
  /TypeError|RangeError|ReferenceError|SyntaxError|Cannot read|undefined|is not a function|at position/;

/**
 * The workbook's bytes with no clock in them (exceljs stamps docProps and the zip's entries with now), so
 * the seed alone decides every mutation: the same seed, the same files, the same outcome.
 */
async function reproducible(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  workbook.created = new Date(Date.UTC(2027, 0, 1));
  workbook.modified = workbook.created;
  return zipParts(partsOf(new Uint8Array(await toBuffer(workbook))));
}

let small: Uint8Array;
let template: Uint8Array;

beforeAll(async () => {
  const rows = sampleDemandList().items.map((item) => itemToRow(demandSheet, item));
  const { default: ExcelJSModule } = await import('exceljs');
  const blank = new ExcelJSModule.Workbook();
  const sheet = blank.addWorksheet('需求清单');
  sheet.addRow(demandSheet.columns.map((c) => c.header.zh));
  for (const row of rows) sheet.addRow(row);
  small = await reproducible(blank);
  const filled = await loadWorkbook(
    await buildTemplate('demands', { year: 2027, unit: findUnit(defaultRegistry(), '11') }),
  );
  fillRows(filled.getWorksheet('需求清单') as ExcelJS.Worksheet, firstDataRow, rows);
  template = await reproducible(filled);
});

/** What is wrong with how `bytes` was handled, or null: an import, or a refusal in words, in time. */
async function judge(bytes: Uint8Array): Promise<string | null> {
  const started = performance.now();
  const outcome = await importSpreadsheet('demands', 'fuzz.xlsx', bytes).then(
    () => null,
    (error: unknown) => error,
  );
  const ms = performance.now() - started;
  if (ms > maxMillisPerFile) return `took ${Math.round(ms)} ms`;
  if (outcome === null) return null;
  if (!(outcome instanceof UserError)) return `threw ${String(outcome)}`;
  if (exceptionText.test(outcome.message)) return `a refusal with an exception's text: ${outcome.message}`;
  return null;
}

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; flips: [number, number][] }
  | { kind: 'flipPart'; part: number; flips: [number, number][] }
  | { kind: 'drop'; part: number }
  | { kind: 'junk'; part: number; at: number; junk: Uint8Array }
  | { kind: 'lie'; part: number; size: number };

const flips = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), flips }),
  fc.record({ kind: fc.constant('flipPart' as const), part: fc.nat(), flips }),
  fc.record({ kind: fc.constant('drop' as const), part: fc.nat() }),
  fc.record({
    kind: fc.constant('junk' as const),
    part: fc.nat(),
    at: fc.nat(),
    junk: fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 64 }),
      fc
        .constantFrom('<', '</row>', '<c r="ZZZ9999999">', '&#0;', '"', ']]>', '<x>')
        .map((s) => new TextEncoder().encode(s)),
    ),
  }),
  fc.record({ kind: fc.constant('lie' as const), part: fc.nat(), size: fc.nat() }),
);

function flipped(bytes: Uint8Array, changes: [number, number][]): Uint8Array {
  const copy = bytes.slice();
  for (const [at, mask] of changes) copy[at % copy.length] = (copy[at % copy.length] as number) ^ mask;
  return copy;
}

function mutate(bytes: Uint8Array, parts: Parts, m: Mutation): Uint8Array {
  const pick = (n: number) => parts[n % parts.length] as [string, Uint8Array];
  switch (m.kind) {
    case 'truncate':
      return bytes.subarray(0, m.at % bytes.length);
    case 'flip':
      return flipped(bytes, m.flips);
    case 'flipPart': {
      // The part's data as stored, flipped, then inflated as the reader would: a damaged deflate stream.
      const [name] = pick(m.part);
      const zipped = zipParts(parts);
      const at = Buffer.from(zipped).indexOf(Buffer.from(name)) + name.length;
      return flipped(
        zipped,
        m.flips.map(([offset, mask]) => [at + (offset % 512), mask]),
      );
    }
    case 'drop':
      return zipParts(parts.filter(([name]) => name !== pick(m.part)[0]));
    case 'junk': {
      const [name, data] = pick(m.part);
      const at = m.at % (data.length + 1);
      const changed = new Uint8Array([...data.subarray(0, at), ...m.junk, ...data.subarray(at)]);
      return zipParts(parts.map(([n, d]) => [n, n === name ? changed : d]));
    }
    case 'lie':
      return zipParts(parts, { [pick(m.part)[0]]: m.size });
  }
}

describe('mutated and hostile workbooks', () => {
  it('end in an import or a refusal in words: 1,000 mutations of a small workbook, 200 of our template', async () => {
    const before = process.memoryUsage().rss;
    for (const [base, runs] of [
      [small, 1_000],
      [template, 200],
    ] as const) {
      const parts = partsOf(base);
      await fc.assert(
        fc.asyncProperty(mutation, async (m) => {
          const problem = await judge(mutate(base, parts, m));
          if (problem) throw new Error(`${m.kind}: ${problem}`);
          expect(process.memoryUsage().rss - before).toBeLessThan(maxRssGrowth);
        }),
        { numRuns: runs, seed: 23, endOnFailure: true },
      );
    }
  }, 180_000);

  it('refuse the worst on purpose in words, each in bounded time and memory', async () => {
    const cases: [string, Uint8Array, RegExp][] = [
      ['a ZIP bomb with a lying directory', await lyingBomb(template), /解压后超过 32\.0 MB/],
      ['2,000,000 shared strings', hugeSharedStrings(small, 2_000_000), /解压后超过/],
      ['XML 100,000 deep', deepSheet(small), /嵌套超过 64 层/],
      ['a merged range of a whole sheet', hugeMerge(small), /合并单元格共 \d+ 个，超过上限/],
    ];
    for (const [what, bytes, message] of cases) {
      const before = process.memoryUsage().rss;
      expect(await judge(bytes), what).toBeNull();
      const refusal = await importSpreadsheet('demands', 'worst.xlsx', bytes).catch((e: Error) => e.message);
      expect(refusal, what).toMatch(message);
      expect(process.memoryUsage().rss - before, what).toBeLessThan(200 * 1024 * 1024);
    }
    // 200,000 strings (~6 MB) pass the cap: read, and refused only for what the sheet lacks.
    expect(await judge(hugeSharedStrings(small, 200_000))).toBeNull();
  }, 120_000);
});
