// The catalogue in Excel end to end: the shipped catalogue written as the template, saved again by
// LibreOffice, and read back equal; a campaign started from the workbook takes the same catalogue; an
// annex's template offered as a catalogue is refused by name.
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCatalogueFile, writeCatalogueWorkbook } from '../../../client/operations/catalogueFile.ts';
import {
  convertWithLibreOffice,
  findSoffice,
  sofficeMissing,
} from '../../../client/operations/reports/libreOffice.ts';
import {
  buildCatalogueWorkbook,
  importCatalogueWorkbook,
} from '../../../client/operations/spreadsheets/catalogueWorkbook.ts';
import { SpreadsheetRejectedError } from '../../../client/operations/spreadsheets/importSubmission.ts';
import { firstDataRow } from '../../../client/operations/spreadsheets/tableSheet.ts';
import { buildTemplate } from '../../../client/operations/spreadsheets/template.ts';
import { planCampaign } from '../../../client/operations/startCampaign.ts';
import { defaultCatalogue } from '../../../domain/defaultCatalogue.ts';
import { defaultRegistry } from '../../../domain/defaultRegistry.ts';
import { loadWorkbook, toBuffer } from './support.ts';

const registry = defaultRegistry();
const shipped = defaultCatalogue(registry);
const soffice = findSoffice();
if (!soffice) console.warn(`skipping the catalogue's LibreOffice round trip: ${sofficeMissing}`);

async function rejection(promise: Promise<unknown>): Promise<SpreadsheetRejectedError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SpreadsheetRejectedError);
  return error as SpreadsheetRejectedError;
}

describe('the catalogue workbook', () => {
  it('round-trips the shipped catalogue through its own template', async () => {
    const bytes = await buildCatalogueWorkbook(registry, shipped);
    expect(await importCatalogueWorkbook('catalogue.xlsx', bytes, registry)).toEqual(shipped);
  });

  it('offers drop-downs for the kind, categories, form and regions, and instructions', async () => {
    const workbook = await loadWorkbook(await buildCatalogueWorkbook(registry, null));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '服务资源目录',
      '填表说明',
      'wlx_lists',
      'wlx_meta',
    ]);
    const sheet = workbook.getWorksheet('服务资源目录') as ExcelJS.Worksheet;
    const headers = (sheet.getRow(4).values as unknown[]).slice(1);
    const listOf = (header: string) => {
      const letter = String.fromCharCode(65 + headers.indexOf(header));
      return sheet.getCell(`${letter}${firstDataRow}`).dataValidation;
    };
    for (const header of ['Kind', 'Service categories', 'Form', 'Regions', 'Conflicts', 'CNIPA unit']) {
      expect(listOf(header)?.type, header).toBe('list');
    }
    expect(listOf('Form')?.formulae).toEqual(['"线上 online,线下 offline,线上线下结合 online and offline"']);
    // 49 regions are too long for an inline list: they sit on the hidden lists sheet.
    expect(listOf('Regions')?.formulae?.[0]).toMatch(/^wlx_lists!\$[A-Z]+\$1:\$[A-Z]+\$49$/);
    const instructions = workbook.getWorksheet('填表说明') as ExcelJS.Worksheet;
    const text = (instructions.getSheetValues() as unknown[][]).flat().join('\n');
    expect(text).toContain('wlx catalogue import');
    expect(text).toContain('服务地区');
  });

  it.skipIf(!soffice)(
    'reads the shipped catalogue back after LibreOffice saved the workbook again',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'wlx-catalogue-'));
      await mkdir(join(dir, 'original'));
      const source = join(dir, 'original', 'catalogue.xlsx');
      await writeCatalogueWorkbook({ out: source });
      const saved = await convertWithLibreOffice(source, 'xlsx', dir);
      expect(saved).not.toBe(source);
      expect(await readCatalogueFile(saved, registry)).toEqual(shipped);
      // And the same from an .ods, which is converted back by LibreOffice on import.
      const ods = await convertWithLibreOffice(source, 'ods', dir);
      expect(await readCatalogueFile(ods, registry)).toEqual(shipped);
    },
  );

  it('starts a campaign plan from the workbook, and refuses a wrong one before anything starts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wlx-catalogue-'));
    const file = join(dir, 'catalogue.xlsx');
    const changed = structuredClone(shipped);
    (changed.resources[0] as { capacity: number }).capacity = 7;
    await writeFile(file, await buildCatalogueWorkbook(registry, changed));
    const plan = await planCampaign({ year: 2027, catalogue: file, calendarDays: true });
    expect(plan.catalogue).toEqual(changed);

    const workbook = await loadWorkbook(await readFile(file));
    const sheet = workbook.getWorksheet('服务资源目录') as ExcelJS.Worksheet;
    sheet.getCell(`J${firstDataRow + 1}`).value = -3;
    await writeFile(file, await toBuffer(workbook));
    const error = await rejection(planCampaign({ year: 2027, catalogue: file, calendarDays: true }));
    expect(error.message).toContain('未导入任何资源');
    expect(error.message).toContain('服务资源目录 第6行 “年度容量”：填写的是“-3”');
  });

  it("refuses an annex's template offered as the catalogue, naming both", async () => {
    const bytes = await buildTemplate('demands', { year: 2027 });
    const error = await rejection(importCatalogueWorkbook('demands.xlsx', bytes, registry));
    expect(error.issues.map((i) => i.message.zh)).toEqual([
      '这是需求清单模板，不是服务资源目录；请用 wlx template catalogue 生成的模板',
    ]);
  });
});
