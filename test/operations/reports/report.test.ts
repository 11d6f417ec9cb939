// The national report and exports from plain data, read back from the files themselves; rendered to PNG
// through LibreOffice where it is installed; Annex 2 found in a recorded unit history.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { temporal } from '@temporalio/proto';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { findSoffice, sofficeMissing } from '../../../client/operations/reports/libreOffice.ts';
import { buildNationalReport } from '../../../client/operations/reports/nationalReport.ts';
import { renderToPng } from '../../../client/operations/reports/renderReport.ts';
import { sampleReportData, sampleReports } from '../../../client/operations/reports/sampleData.ts';
import { buildDemandExport } from '../../../client/operations/spreadsheets/demandExports.ts';
import { buildResultsExport } from '../../../client/operations/spreadsheets/resultsExport.ts';
import { firstDataRow } from '../../../client/operations/spreadsheets/tableSheet.ts';
import { zipEntries } from '../../../infra/documents/zipEntries.ts';
import { resultsInHistory } from '../../../reads/campaignData.ts';
import { sampleDemandList, sampleResults } from '../../support/samples.ts';
import { loadWorkbook } from '../spreadsheets/support.ts';

function zipText(bytes: Buffer, name: string): string {
  const entry = zipEntries(bytes)?.find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name}`);
  const at = entry.localHeaderOffset;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedBytes);
  return (entry.method === 8 ? inflateRawSync(data) : data).toString('utf8');
}

/** The document's visible text, paragraph by paragraph. */
const paragraphs = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );

describe('the national report', () => {
  it('has the title, five numbered sections, every unit and the 通报 list, in 仿宋 and 黑体', async () => {
    const data = sampleReportData();
    const xml = zipText(await buildNationalReport(data), 'word/document.xml');
    const text = paragraphs(xml);
    expect(text[0]).toBe('2027年“知识产权服务万里行”活动总结');
    expect(text.filter((p) => /^[一二三四五]、/.test(p)).map((p) => p.split('　')[0])).toEqual([
      '一、总体情况',
      '二、主要成效',
      '三、需求对接与重点指导',
      '四、各单位报送情况',
      '五、通报',
    ]);
    expect(text).toContain(
      '2027年“知识产权服务万里行”活动共有37个报送单位。工作方案和需求清单按时报送34个、逾期报送3个、未报送0个；书面总结和成果总结按时报送35个、逾期报送1个、未报送1个。各单位共记录活动' +
        `${data.summary.totals.activitiesRecorded.toLocaleString('zh-CN')}场，提出需国家知识产权局协调的需求37项，已匹配服务资源20项。`,
    );
    expect(text.find((p) => p.startsWith('据'))).toMatch(/^据\d+个单位报送的成果总结（附件2）统计/);
    for (const report of data.reports) expect(text).toContain(report.nameZh);
    const notice = text.slice(text.findIndex((p) => p.startsWith('五、通报')));
    expect(notice.join('|')).toContain('西藏自治区知识产权局|书面总结和成果总结|未报送|督办');
    expect(notice.join('|')).toContain('青海省知识产权局|工作方案和需求清单|逾期报送|督办');
    // The level reached is named as everywhere else: 逾期, not the notice (逾期通知) that brought it.
    expect(notice.join('|')).toContain('内蒙古自治区知识产权局|工作方案和需求清单|逾期报送|逾期|');
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(zipText(await buildNationalReport(data), 'word/footer1.xml')).toContain('PAGE');
  });

  it('says when the count is provisional', async () => {
    const data = { ...sampleReportData(), final: false, asOf: '2027-06-01' };
    const text = paragraphs(zipText(await buildNationalReport(data), 'word/document.xml'));
    expect(text).toContain('国家知识产权局知识产权运用促进司　2027-06-01（阶段性统计）');
    expect(text.some((p) => p.startsWith('截至2027-06-01，2027年'))).toBe(true);
  });
});

const soffice = findSoffice();
let pdftoppm = true;
try {
  execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
} catch {
  pdftoppm = false;
}
if (!soffice || !pdftoppm)
  console.warn(`skipping the report rendering test: ${sofficeMissing} poppler-utils`);

describe.skipIf(!soffice || !pdftoppm)('rendering the report (LibreOffice → PDF → pdftoppm)', () => {
  it('gives PNG pages', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wlx-report-'));
    const docx = join(dir, 'report.docx');
    await writeFile(docx, await buildNationalReport(sampleReportData()));
    const pages = await renderToPng(docx, dir, 40);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) expect(readFileSync(page).subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('national exports', () => {
  it('lists every flagged demand with its unit and the resource matched to it', async () => {
    const [demand] = sampleDemandList().items;
    if (!demand) throw new Error('no example demand');
    const bytes = await buildDemandExport({
      year: 2027,
      exportedOn: '2027-06-16',
      units: [
        { unitCode: '11', nameZh: '北京市知识产权局', demands: [demand] },
        { unitCode: '12', nameZh: '天津市知识产权局', demands: [] },
        { unitCode: '13', nameZh: '河北省知识产权局', demands: [{ ...demand, id: 'HE-1' }] },
      ],
      matches: [
        { unitCode: '11', demandId: demand.id, resource: '专利局审查协作北京中心', note: '6月到企业' },
      ],
    });
    const sheet = (await loadWorkbook(bytes)).getWorksheet('需求汇总') as ExcelJS.Worksheet;
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(row(3).slice(0, 3)).toEqual(['单位代码', '填报单位', '需求编号']);
    expect(row(firstDataRow)).toEqual(
      expect.arrayContaining([
        '11',
        '北京市知识产权局',
        'BJ-001',
        '中小企业 SME',
        '是',
        '专利局审查协作北京中心（6月到企业）',
      ]),
    );
    expect(row(firstDataRow + 1)).toEqual(expect.arrayContaining(['13', 'HE-1', '未匹配']));
    expect(sheet.getRow(firstDataRow + 2).hasValues).toBe(false);
  });

  it('puts Annex 2 of every unit on one sheet with national totals', async () => {
    const reports = sampleReports();
    const bytes = await buildResultsExport({
      year: 2027,
      exportedOn: '2027-11-20',
      units: reports.map((r) => ({ unitCode: r.unitCode, nameZh: r.nameZh, results: r.resultsSummary })),
    });
    const workbook = await loadWorkbook(bytes);
    const sheet = workbook.getWorksheet('成果汇总') as ExcelJS.Worksheet;
    const headers = Array.from({ length: sheet.columnCount }, (_, i) => sheet.getRow(3).getCell(i + 1).text);
    const col = (header: string) => headers.indexOf(header) + 1;
    const total = sheet.getRow(firstDataRow + reports.length);
    expect(total.getCell(col('填报单位')).value).toBe('合计 Total');
    expect(total.getCell(col('参与人数')).value).toBe(
      reports.reduce((s, r) => s + (r.resultsSummary?.participants ?? 0), 0),
    );
    expect(total.getCell(col('报送情况')).value).toBe('36/37');
    const tibet = sheet.getRow(firstDataRow + reports.findIndex((r) => r.unitCode === '54'));
    expect(tibet.getCell(col('报送情况')).value).toBe('未报送');
    expect(tibet.getCell(col('参与人数')).value).toBe(null);
    const cases = workbook.getWorksheet('典型案例') as ExcelJS.Worksheet;
    expect(cases.getRow(firstDataRow).getCell(1).value).toBe('北京市知识产权局');
    expect(cases.getRow(firstDataRow).getCell(2).value).toBe(sampleResults().typicalCases[0]?.title);
  });
});

describe('a running unit’s Annex 2', () => {
  it('is the last accepted submitSummary with results in its history', () => {
    const history = temporal.api.history.v1.History.fromObject(
      JSON.parse(
        readFileSync(new URL('../../fixtures/histories/0.2.0/campaign-11.json', import.meta.url), 'utf8'),
      ),
    );
    expect(resultsInHistory(history)).toEqual({ results: sampleResults(), previousRunId: null });
    expect(resultsInHistory({ events: history.events?.slice(0, 3) ?? [] }).results).toBe(null);
  });
});
