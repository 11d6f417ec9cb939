// .csv and .xls (issue 23, item 3): a CSV in UTF-8 with or without a BOM, GBK, GB18030 or UTF-16 reads into
// the JSON example's items, with the same row and column errors as the .xlsx; an .xls is converted by
// LibreOffice where it is installed, or refused naming the fix; both through `wlx submit … --dry-run`.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { findSoffice, sofficeMissing } from '../../../client/operations/reports/libreOffice.ts';
import {
  importSpreadsheet,
  SpreadsheetRejectedError,
} from '../../../client/operations/spreadsheets/importSubmission.ts';
import { convertLegacy } from '../../../client/operations/spreadsheets/legacyWorkbook.ts';
import { demandSheet } from '../../../domain/spreadsheets/annexes/demandList.ts';
import { formatIssue } from '../../../domain/spreadsheets/issues.ts';
import { itemToRow } from '../../../domain/spreadsheets/itemToRow.ts';
import { sampleDemandList } from '../../support/samples.ts';
import { compiledOnCi } from '../../support/wlx.ts';
import { sofficeConvert } from '../../support/writersCorpus.ts';
import { csvText, gbk, toBuffer } from './support.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const headers = demandSheet.columns.map((c) => c.header.zh);
const rows = () => sampleDemandList().items.map((item) => itemToRow(demandSheet, item));

function wlx(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['bin/wlx.js', ...args],
      { cwd: root, env: { ...process.env, ...compiledOnCi } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

async function issuesOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SpreadsheetRejectedError);
  return (error as SpreadsheetRejectedError).issues.map((issue) =>
    formatIssue({ ...issue, sheet: { zh: '', en: '' } }),
  );
}

describe('.csv', () => {
  it('reads UTF-8 with and without a BOM, GBK, GB18030 and UTF-16 into the same items', async () => {
    const text = csvText(headers, rows());
    const utf8 = new TextEncoder().encode(text);
    const { default: iconv } = await import('iconv-lite');
    const encodings: [string, Uint8Array][] = [
      ['utf8.csv', utf8],
      ['bom.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])],
      ['gbk.csv', await gbk(text)],
      ['gb18030.csv', new Uint8Array(iconv.encode(text, 'gb18030'))],
      ['utf16.csv', new Uint8Array(iconv.encode(text.replaceAll(',', '\t'), 'utf16-le', { addBOM: true }))],
    ];
    for (const [name, bytes] of encodings) {
      expect(await importSpreadsheet('demands', name, bytes), name).toEqual(sampleDemandList());
    }
  });

  it('gives the same row and column errors as the same rows in an .xlsx', async () => {
    const bad = rows();
    const column = (key: string) => demandSheet.columns.findIndex((c) => c.key === key);
    (bad[0] as unknown[])[column('entity.name')] = null;
    (bad[1] as unknown[])[column('keyTask')] = '9';
    (bad[1] as unknown[])[column('needsCnipaCoordination')] = '也许';
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('需求清单');
    sheet.addRow(headers);
    for (const row of bad) sheet.addRow(row as ExcelJS.CellValue[]);
    const fromXlsx = await issuesOf(importSpreadsheet('demands', 'bad.xlsx', await toBuffer(workbook)));
    const fromCsv = await issuesOf(importSpreadsheet('demands', 'bad.csv', await gbk(csvText(headers, bad))));
    expect(fromCsv).toHaveLength(3);
    expect(fromCsv).toEqual(fromXlsx);
  });

  it('refuses a binary file named .csv and an unclosed quote, saying what to do', async () => {
    const binary = await importSpreadsheet('demands', 'x.csv', new Uint8Array([1, 0, 2, 0, 3])).catch(
      (e: Error) => e.message,
    );
    expect(binary).toContain('不是文本格式的 CSV 文件');
    const unclosed = await importSpreadsheet(
      'demands',
      'y.csv',
      new TextEncoder().encode('编号,"需求\n'),
    ).catch((e: Error) => e.message);
    expect(unclosed).toMatch(/另存为 \.xlsx/);
  });
});

describe('.xls', () => {
  it('is refused naming the fix when LibreOffice is not installed, or when it is damaged', async () => {
    const convert = () =>
      convertLegacy('old.xls', new Uint8Array(16), 'xls').then(
        () => 'converted',
        (e: Error) => e.message,
      );
    const path = process.env.PATH;
    process.env.PATH = '';
    const withoutSoffice = await convert().finally(() => {
      process.env.PATH = path;
    });
    expect(withoutSoffice).toContain(
      '“old.xls”是旧版 Excel 97–2003（.xls）或 WPS 表格（.et）文件，本系统无法直接读取。请另存为 .xlsx 后重新上传',
    );
    if (findSoffice()) {
      expect(await convert()).toContain('无法读取“old.xls”：文件已损坏，或不是旧版 Excel 97–2003（.xls）');
    }
  });

  it.skipIf(!findSoffice())(
    'and a GBK .csv go through wlx submit demands --dry-run',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'wlx-formats-'));
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('需求清单');
      sheet.addRow(headers);
      for (const row of rows()) sheet.addRow(row as ExcelJS.CellValue[]);
      await writeFile(join(dir, 'demands.xlsx'), await toBuffer(workbook));
      const [xls] = await sofficeConvert([join(dir, 'demands.xlsx')], 'xls', join(dir, 'xls'));
      const csv = join(dir, '需求清单.csv');
      await writeFile(csv, await gbk(csvText(headers, rows())));
      for (const file of [xls as string, csv]) {
        const run = await wlx([
          'submit',
          'demands',
          '--year',
          '2027',
          '--unit',
          '11',
          '--file',
          file,
          '--dry-run',
          '--json',
        ]);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(JSON.parse(run.stdout)).toEqual(sampleDemandList());
      }
      expect((await readFile(xls as string)).subarray(0, 4)).toEqual(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    },
    120_000,
  );
  if (!findSoffice()) console.warn(`skipping the .xls conversion: ${sofficeMissing}`);
});
