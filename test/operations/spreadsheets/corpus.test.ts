// Other writers' files read into the same items as the JSON examples (issue 23, items 1–2): our templates
// filled in, re-saved unchanged and stripped of drop-downs by openpyxl; blank workbooks with the headers
// typed in by openpyxl, XlsxWriter and exceljs (merged titles, styles, comments, shared and inline strings,
// formulas with cached values, hidden and very hidden sheets); our filled templates through LibreOffice as
// .xlsx, .xls, .ods and .csv. A writer that cannot run here is skipped, saying why.
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { findSoffice, sofficeMissing } from '../../../client/operations/reports/libreOffice.ts';
import {
  importSpreadsheet,
  SpreadsheetRejectedError,
} from '../../../client/operations/spreadsheets/importSubmission.ts';
import { firstDataRow } from '../../../client/operations/spreadsheets/tableSheet.ts';
import { buildTemplate } from '../../../client/operations/spreadsheets/template.ts';
import { defaultRegistry } from '../../../domain/defaultRegistry.ts';
import { findUnit } from '../../../domain/registry.ts';
import { activitySheet } from '../../../domain/spreadsheets/annexes/activityRecords.ts';
import { demandSheet } from '../../../domain/spreadsheets/annexes/demandList.ts';
import { caseSheet, resultsSheet } from '../../../domain/spreadsheets/annexes/resultsSummary.ts';
import type { SheetSpec } from '../../../domain/spreadsheets/column.ts';
import { itemToRow } from '../../../domain/spreadsheets/itemToRow.ts';
import { sampleActivity, sampleDemandList, sampleResults } from '../../support/samples.ts';
import {
  type CorpusAnnex,
  type CorpusSheet,
  pythonCorpus,
  sofficeConvert,
} from '../../support/writersCorpus.ts';
import { fillRows, loadWorkbook, toBuffer } from './support.ts';

type Kind = CorpusAnnex['kind'];
const expected: Record<Kind, unknown> = {
  demands: sampleDemandList(),
  activities: [sampleActivity()],
  results: sampleResults(),
};
const kindOf = (file: string) =>
  (['demands', 'activities', 'results'] as const).find((k) => file.includes(k)) as Kind;

const sheetOf = (spec: SheetSpec, rows: CorpusSheet['rows']): CorpusSheet => ({
  name: spec.name.zh,
  headers: spec.columns.map((c) => c.header.zh),
  headersEn: spec.columns.map((c) => c.header.en),
  firstDataRow,
  rows,
});

let dir: string;
let annexes: CorpusAnnex[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wlx-corpus-'));
  const unit = findUnit(defaultRegistry(), '11');
  const results = sampleResults();
  const sheets: Record<Kind, CorpusSheet[]> = {
    demands: [
      sheetOf(
        demandSheet,
        sampleDemandList().items.map((item) => itemToRow(demandSheet, item)),
      ),
    ],
    activities: [sheetOf(activitySheet, [itemToRow(activitySheet, sampleActivity())])],
    results: [
      sheetOf(resultsSheet, [itemToRow(resultsSheet, results, { unitName: unit.nameZh })]),
      sheetOf(
        caseSheet,
        results.typicalCases.map((c) => itemToRow(caseSheet, c)),
      ),
    ],
  };
  annexes = [];
  for (const kind of ['demands', 'activities', 'results'] as const) {
    const template = join(dir, `template-${kind}.xlsx`);
    await writeFile(template, await buildTemplate(kind, { year: 2027, unit }));
    annexes.push({ kind, template, sheets: sheets[kind] });
  }
});

/** What went wrong reading `path`, or null when it read as the writer's content says it should. */
async function problem(path: string): Promise<string | null> {
  const name = basename(path);
  const kind = kindOf(name);
  const outcome = await importSpreadsheet(kind, name, await readFile(path), { unitCode: '11' }).then(
    (value) => ({ value }),
    (error: Error) => ({ error }),
  );
  // A template saved unchanged has no rows: refused for that, row by row, not as a damaged file.
  if (name.includes('-resaved-') && !name.includes('filled')) {
    return 'error' in outcome && outcome.error instanceof SpreadsheetRejectedError
      ? null
      : `expected a refusal of its rows, got ${'error' in outcome ? outcome.error.message : 'an import'}`;
  }
  if ('error' in outcome) return outcome.error.message;
  try {
    expect(outcome.value).toEqual(expected[kind]);
    return null;
  } catch {
    return `read as ${JSON.stringify(outcome.value).slice(0, 300)}`;
  }
}

async function problems(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const wrong = await problem(path);
    if (wrong) found.push(`${basename(path)}: ${wrong}`);
  }
  return found;
}

/** Our templates filled in by exceljs, as the tests of import.test.ts do. */
async function exceljsFilled(outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const paths: string[] = [];
  for (const annex of annexes) {
    const workbook = await loadWorkbook(await readFile(annex.template));
    for (const sheet of annex.sheets) {
      fillRows(workbook.getWorksheet(sheet.name) as ExcelJS.Worksheet, sheet.firstDataRow, sheet.rows);
    }
    const path = join(outDir, `exceljs-filled-${annex.kind}.xlsx`);
    await writeFile(path, await toBuffer(workbook));
    paths.push(path);
  }
  return paths;
}

describe('files from other writers', () => {
  it('reads openpyxl’s and XlsxWriter’s files: templates filled, re-saved, without drop-downs; blank workbooks', async () => {
    const out = join(dir, 'python');
    const { written, skipped } = await pythonCorpus(annexes, out);
    if (skipped.length > 0) console.warn(`corpus writers skipped: ${skipped.join('; ')}`);
    // Four files a kind from openpyxl, two from XlsxWriter, for each writer installed.
    const ran = (writer: string) => !skipped.some((s) => s.startsWith(writer) || s.startsWith('python'));
    expect(written).toHaveLength(annexes.length * ((ran('openpyxl') ? 4 : 0) + (ran('xlsxwriter') ? 2 : 0)));
    expect(await problems(written.map((name) => join(out, name)))).toEqual([]);
  }, 120_000);

  it('reads exceljs’s blank workbooks: merged title, styles, a note, rich text, a formula with its result, hidden sheets', async () => {
    const paths: string[] = [];
    for (const annex of annexes) {
      const workbook = new ExcelJS.Workbook();
      for (const sheet of annex.sheets) {
        const ws = workbook.addWorksheet(sheet.name);
        ws.getCell('A1').value = `${sheet.name}（填报）`;
        ws.mergeCells(1, 1, 1, sheet.headers.length);
        ws.getRow(2).values = sheet.headers;
        ws.getRow(2).font = { bold: true };
        ws.getCell('A2').note = '必填 required';
        sheet.rows.forEach((row, r) => {
          row.forEach((value, c) => {
            if (value === null) return;
            const cell = ws.getCell(3 + r, c + 1);
            if (typeof value === 'string' && c === 1)
              cell.value = {
                richText: [{ text: value.slice(0, 2), font: { bold: true } }, { text: value.slice(2) }],
              };
            else if (typeof value === 'string' && c === 0)
              cell.value = { formula: `"${value}"`, result: value };
            else cell.value = value as ExcelJS.CellValue;
          });
        });
      }
      workbook.addWorksheet('备用', { state: 'hidden' });
      workbook.addWorksheet('helper', { state: 'veryHidden' });
      const path = join(dir, `exceljs-blank-${annex.kind}.xlsx`);
      await writeFile(path, await toBuffer(workbook));
      paths.push(path);
    }
    paths.push(...(await exceljsFilled(join(dir, 'exceljs'))));
    expect(await problems(paths)).toEqual([]);
  });

  it.skipIf(!findSoffice())(
    'reads our filled templates saved by LibreOffice as .xlsx, .xls, .ods and .csv',
    async () => {
      const filled = await exceljsFilled(join(dir, 'lo-source'));
      const [demands, activities] = filled as [string, string, string];
      const paths = [
        ...(await sofficeConvert(filled, 'xlsx', join(dir, 'libreoffice-xlsx'))),
        ...(await sofficeConvert(filled, 'xls', join(dir, 'libreoffice-xls'))),
        ...(await sofficeConvert([demands, activities], 'ods', join(dir, 'libreoffice-ods'))),
        // CSV holds the first sheet, the table, here in UTF-8.
        ...(await sofficeConvert(
          [demands, activities],
          'csv:Text - txt - csv (StarCalc):44,34,76,1',
          join(dir, 'libreoffice-csv'),
        )),
      ];
      expect(await problems(paths)).toEqual([]);
    },
    240_000,
  );
  if (!findSoffice()) console.warn(`skipping the LibreOffice corpus: ${sofficeMissing}`);
});
