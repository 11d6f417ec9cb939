// How a template prints: landscape, every column on one page's width, the two header rows on every page,
// instruction rows tall enough for their wrapped text. Printed through LibreOffice where it is installed.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  convertWithLibreOffice,
  findSoffice,
  sofficeMissing,
} from '../../../client/operations/reports/libreOffice.ts';
import { renderToPng } from '../../../client/operations/reports/renderReport.ts';
import { firstDataRow, wrappedLines } from '../../../client/operations/spreadsheets/tableSheet.ts';
import { buildTemplate } from '../../../client/operations/spreadsheets/template.ts';
import { defaultRegistry } from '../../../domain/defaultRegistry.ts';
import { findUnit } from '../../../domain/registry.ts';
import { demandSheet } from '../../../domain/spreadsheets/annexes/demandList.ts';
import { itemToRow } from '../../../domain/spreadsheets/itemToRow.ts';
import { sampleDemandList } from '../../support/samples.ts';
import { fillRows, loadWorkbook, toBuffer } from './support.ts';

const demandsTemplate = () =>
  buildTemplate('demands', { year: 2027, unit: findUnit(defaultRegistry(), '11') });

describe('the header rows', () => {
  it('are tall enough for every header as it wraps: three lines of English in the results template', async () => {
    const workbook = await loadWorkbook(await buildTemplate('results', { year: 2027 }));
    const sheet = workbook.getWorksheet('成果汇总表') ?? workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const widths = Array.from({ length: sheet.columnCount }, (_, i) => sheet.getColumn(i + 1).width ?? 9);
    const english = Array.from({ length: sheet.columnCount }, (_, i) => sheet.getRow(4).getCell(i + 1).text);
    const lines = english.map((text, i) => wrappedLines(text, widths[i] ?? 9, 0.8));
    // "Licensing and transfer amount (10k yuan)" prints in three lines in its column (LibreOffice); the
    // estimate may give a line more, never fewer. 12 points a line.
    expect(lines[english.indexOf('Licensing and transfer amount (10k yuan)')]).toBeGreaterThanOrEqual(3);
    expect(sheet.getRow(4).height).toBeGreaterThanOrEqual(3 * 12);
    expect(wrappedLines('知识讲座活动场次', 10, 0.8)).toBe(2);
    expect(wrappedLines('Participants', 12, 0.8)).toBe(1);
  });
});

describe('the demands template’s page setup', () => {
  it('prints landscape, one page wide, as many pages down as the rows need, headers on each', async () => {
    const sheet = (await loadWorkbook(await demandsTemplate())).getWorksheet('需求清单') as ExcelJS.Worksheet;
    expect(sheet.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `3:${firstDataRow - 1}`,
    });
    expect(sheet.pageSetup.margins?.left).toBeLessThan(0.5);
  });

  it('makes each column’s instruction row tall enough for its wrapped text', async () => {
    const sheet = (await loadWorkbook(await demandsTemplate())).getWorksheet('填表说明') as ExcelJS.Worksheet;
    const rowOf = (header: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === header) found = row;
      });
      if (!found) throw new Error(`no instruction row for ${header}`);
      return found;
    };
    // 服务类别 lists ten categories, 联系人 says 必填。姓名: three lines against one.
    expect(rowOf('服务类别').height).toBeGreaterThanOrEqual(3 * 16);
    expect(rowOf('联系人').height).toBe(16);
  });
});

const soffice = findSoffice();
let poppler = true;
try {
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
} catch {
  poppler = false;
}
if (!soffice || !poppler)
  console.warn(`skipping the template printing tests: ${sofficeMissing} poppler-utils`);

/** The text of each page of `pdf`, whitespace removed (a wrapped header reads as one word). */
function pageTexts(pdf: string): string[] {
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
    .split('\f')
    .map((page) => page.replace(/\s+/g, ''));
}

describe.skipIf(!soffice || !poppler)('printing the demands template (LibreOffice → PDF)', () => {
  it('puts every column of a long filled list on each page, headers repeated, then the instructions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wlx-print-'));
    const workbook = await loadWorkbook(await demandsTemplate());
    const items = sampleDemandList().items;
    const rows = Array.from({ length: 150 }, (_, i) =>
      itemToRow(demandSheet, { ...items[i % items.length], id: `PRINT-${i + 1}` }),
    );
    fillRows(workbook.getWorksheet('需求清单') as ExcelJS.Worksheet, firstDataRow, rows);
    const xlsx = join(dir, 'demands.xlsx');
    await writeFile(xlsx, await toBuffer(workbook));
    const pages = pageTexts(await convertWithLibreOffice(xlsx, 'pdf', dir));

    const listPages = pages.filter((page) => page.includes('PRINT-'));
    expect(listPages.length).toBeGreaterThanOrEqual(2);
    for (const [i, page] of listPages.entries()) {
      for (const column of demandSheet.columns) expect(page, `page ${i + 1}`).toContain(column.header.zh);
    }
    expect(listPages.at(-1)).toContain('PRINT-150');
    expect(pages[listPages.length]).toContain('填表说明');
  });

  it('renders the blank template’s first page alone to one PNG', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wlx-print-'));
    const xlsx = join(dir, 'demands-template.xlsx');
    await writeFile(xlsx, await demandsTemplate());
    const pngs = await renderToPng(xlsx, dir, 30, { firstPageOnly: true });
    expect(pngs).toEqual([join(dir, 'demands-template.png')]);
    expect((await readFile(pngs[0] as string)).subarray(1, 4).toString()).toBe('PNG');
  });
});
