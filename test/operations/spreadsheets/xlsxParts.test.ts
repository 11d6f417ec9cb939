// The pre-pass before exceljs: comments linked by absolute path (exceljs #2797) no longer crash the read;
// a ZIP whose directory understates its entries is stopped at the cap by counting real bytes, with memory
// bounded; DTDs and deep nesting are refused; a damaged file is refused in words, never a JS exception.
import { deflateRawSync } from 'node:zlib';
import type ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importSpreadsheet } from '../../../client/operations/spreadsheets/importSubmission.ts';
import { firstDataRow } from '../../../client/operations/spreadsheets/tableSheet.ts';
import { buildTemplate } from '../../../client/operations/spreadsheets/template.ts';
import { maxInflatedBytes } from '../../../client/operations/spreadsheets/xlsxParts.ts';
import { defaultRegistry } from '../../../domain/defaultRegistry.ts';
import { findUnit } from '../../../domain/registry.ts';
import { demandSheet } from '../../../domain/spreadsheets/annexes/demandList.ts';
import { itemToRow } from '../../../domain/spreadsheets/itemToRow.ts';
import { sampleDemandList } from '../../support/samples.ts';
import { type RawEntry, writeZip } from '../../support/zipWriter.ts';
import { fillRows, loadWorkbook, toBuffer } from './support.ts';

const beijing = findUnit(defaultRegistry(), '11');

async function filledDemands(): Promise<Uint8Array> {
  const workbook = await loadWorkbook(await buildTemplate('demands', { year: 2027, unit: beijing }));
  fillRows(
    workbook.getWorksheet('需求清单') as ExcelJS.Worksheet,
    firstDataRow,
    sampleDemandList().items.map((item) => itemToRow(demandSheet, item)),
  );
  return new Uint8Array(await toBuffer(workbook));
}

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const bytesOf = (value: string): Uint8Array => new TextEncoder().encode(value);

async function refusal(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'accepted',
    (error: Error) => error.message,
  );
}

/** The same parts, all deflated, with `replace` swapping some (a lying size among them). */
function rezipped(bytes: Uint8Array, replace: Record<string, RawEntry | null>): Uint8Array {
  const entries: RawEntry[] = [];
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (name in replace) {
      const swapped = replace[name];
      if (swapped) entries.push(swapped);
    } else entries.push({ name, stored: deflateRawSync(data), method: 8, statedSize: data.length });
  }
  return writeZip(entries);
}

describe('the pre-pass before exceljs', () => {
  it('reads a template whose comments are linked by absolute path, as openpyxl writes them', async () => {
    const parts: Record<string, Uint8Array> = unzipSync(await filledDemands());
    const rels = 'xl/worksheets/_rels/sheet1.xml.rels';
    parts[rels] = bytesOf(
      text(parts[rels])
        .replace('../comments1.xml', '/xl/comments/comment1.xml')
        .replace('../drawings/vmlDrawing1.vml', '/xl/drawings/commentsDrawing1.vml'),
    );
    parts['xl/comments/comment1.xml'] = parts['xl/comments1.xml'] as Uint8Array;
    parts['xl/drawings/commentsDrawing1.vml'] = parts['xl/drawings/vmlDrawing1.vml'] as Uint8Array;
    delete parts['xl/comments1.xml'];
    delete parts['xl/drawings/vmlDrawing1.vml'];
    const relinked = zipSync(parts);
    // exceljs alone still fails on it (upstream #2797); when it stops failing, this edge can be revisited.
    await expect(loadWorkbook(relinked)).rejects.toThrow(/comments/);
    expect(await importSpreadsheet('demands', 'resaved.xlsx', relinked)).toEqual(sampleDemandList());
  });

  it('stops a ZIP bomb whose directory states 1 kB at the cap, with memory bounded', async () => {
    const spaces = Buffer.alloc(1 << 20, 0x20);
    const chunks: Buffer[] = [];
    // About 1 GiB of spaces, deflated to ~4.6 MB: the directory says 1,000 bytes.
    const { createDeflateRaw } = await import('node:zlib');
    const deflater = createDeflateRaw({ level: 1 });
    deflater.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => deflater.on('end', resolve));
    for (let i = 0; i < 1024; i++) deflater.write(spaces);
    deflater.end();
    await ended;
    const bomb = rezipped(await filledDemands(), {
      'xl/sharedStrings.xml': {
        name: 'xl/sharedStrings.xml',
        stored: Buffer.concat(chunks),
        method: 8,
        statedSize: 1000,
      },
    });
    expect(bomb.length).toBeLessThan(6 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const message = await refusal(importSpreadsheet('demands', 'bomb.xlsx', bomb));
    const grown = process.memoryUsage().rss - before;
    expect(message).toContain(`“bomb.xlsx”解压后超过 ${maxInflatedBytes / 1024 / 1024}.0 MB，不予读取`);
    expect(grown).toBeLessThan(150 * 1024 * 1024);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('refuses a DOCTYPE (entity expansion) and nesting deeper than a sheet needs', async () => {
    const valid = await filledDemands();
    const laughs = rezipped(valid, {
      'xl/sharedStrings.xml': {
        name: 'xl/sharedStrings.xml',
        ...(() => {
          const xml = bytesOf(
            '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><sst><si><t>&b;</t></si></sst>',
          );
          return { stored: deflateRawSync(xml), method: 8 as const, statedSize: xml.length };
        })(),
      },
    });
    expect(await refusal(importSpreadsheet('demands', 'laughs.xlsx', laughs))).toContain(
      '“laughs.xlsx”的 xl/sharedStrings.xml 含有文档类型声明（DOCTYPE）',
    );
    const deepXml = bytesOf(`<sst><si>${'<r>'.repeat(10_000)}${'</r>'.repeat(10_000)}</si></sst>`);
    const deep = rezipped(valid, {
      'xl/sharedStrings.xml': {
        name: 'xl/sharedStrings.xml',
        stored: deflateRawSync(deepXml),
        method: 8,
        statedSize: deepXml.length,
      },
    });
    expect(await refusal(importSpreadsheet('demands', 'deep.xlsx', deep))).toContain(
      '“deep.xlsx”的 xl/sharedStrings.xml 嵌套超过 64 层',
    );
  });

  it('refuses a truncated or corrupted file in words, without a JavaScript exception', async () => {
    const valid = await filledDemands();
    const sheet = unzipSync(valid)['xl/worksheets/sheet1.xml'] as Uint8Array;
    const cut = deflateRawSync(sheet).subarray(0, 200);
    const truncatedPart = rezipped(valid, {
      'xl/worksheets/sheet1.xml': {
        name: 'xl/worksheets/sheet1.xml',
        stored: cut,
        method: 8,
        statedSize: sheet.length,
      },
    });
    for (const [name, bytes] of [
      ['half.xlsx', valid.subarray(0, valid.length >> 1)],
      ['cut-part.xlsx', truncatedPart],
    ] as const) {
      const message = await refusal(importSpreadsheet('demands', name, bytes));
      expect(message).toMatch(/已损坏.*另存为 \.xlsx 后重新上传/);
      expect(message).not.toMatch(/undefined|Cannot read|TypeError|Error:/);
    }
  });
});
