// Files that went through LibreOffice still read: a CSV converted to .xlsx, and our template saved again.
// Skipped, saying why, where soffice is not installed.
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
import { importSpreadsheet } from '../../../client/operations/spreadsheets/importSubmission.ts';
import { firstDataRow } from '../../../client/operations/spreadsheets/tableSheet.ts';
import { buildTemplate } from '../../../client/operations/spreadsheets/template.ts';
import { defaultRegistry } from '../../../domain/defaultRegistry.ts';
import { findUnit } from '../../../domain/registry.ts';
import { activitySheet } from '../../../domain/spreadsheets/annexes/activityRecords.ts';
import { demandSheet } from '../../../domain/spreadsheets/annexes/demandList.ts';
import { itemToRow } from '../../../domain/spreadsheets/itemToRow.ts';
import { sampleActivity, sampleDemandList } from '../../support/samples.ts';
import { fillRows, loadWorkbook, toBuffer } from './support.ts';

const soffice = findSoffice();
if (!soffice) console.warn(`skipping the LibreOffice tests: ${sofficeMissing}`);

const csvField = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

describe.skipIf(!soffice)('files converted by LibreOffice (soffice --headless --convert-to xlsx)', () => {
  it('reads a CSV of the demand list converted to .xlsx', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wlx-lo-'));
    const lines = [
      demandSheet.columns.map((c) => c.header.zh),
      demandSheet.columns.map((c) => c.header.en),
      ...sampleDemandList().items.map((item) => itemToRow(demandSheet, item)),
    ].map((row) => row.map(csvField).join(','));
    const csv = join(dir, 'demands.csv');
    await writeFile(csv, `${lines.join('\r\n')}\r\n`);
    const xlsx = await convertWithLibreOffice(csv, 'xlsx', dir, 'CSV:44,34,76,1');
    const imported = await importSpreadsheet('demands', 'demands.xlsx', await readFile(xlsx));
    expect(imported).toEqual(sampleDemandList());
  });

  it('reads an activity template filled by exceljs and saved again by LibreOffice', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wlx-lo-'));
    const unit = findUnit(defaultRegistry(), '11');
    const workbook = await loadWorkbook(await buildTemplate('activities', { year: 2027, unit }));
    const expected = sampleActivity();
    const row = itemToRow(activitySheet, expected);
    row[2] = new Date(Date.UTC(2022, 5, 8));
    fillRows(workbook.getWorksheet('活动记录') as ExcelJS.Worksheet, firstDataRow, [row]);
    const original = join(dir, 'original');
    await import('node:fs/promises').then((fs) => fs.mkdir(original));
    const source = join(original, 'activities.xlsx');
    await writeFile(source, await toBuffer(workbook));
    const saved = await convertWithLibreOffice(source, 'xlsx', dir);
    const imported = await importSpreadsheet('activities', 'activities.xlsx', await readFile(saved), {
      unitCode: '11',
    });
    expect(imported).toEqual([expected]);
  });
});
