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
import {
  convertWithLibreOffice,
  findSoffice,
  sofficeMissing,
} from '../../../client/operations/reports/libreOffice.ts';
import { buildNationalReport } from '../../../client/operations/reports/nationalReport.ts';
import { renderToPng } from '../../../client/operations/reports/renderReport.ts';
import { sampleReportData, sampleReports } from '../../../client/operations/reports/sampleData.ts';
import { buildDemandExport } from '../../../client/operations/spreadsheets/demandExports.ts';
import { buildResultsExport } from '../../../client/operations/spreadsheets/resultsExport.ts';
import { firstDataRow } from '../../../client/operations/spreadsheets/tableSheet.ts';
import { zipEntries } from '../../../infra/documents/zipEntries.ts';
import { acceptedInHistory } from '../../../reads/acceptedInHistory.ts';
import { resultsInHistory } from '../../../reads/campaignData.ts';
import { demandListOf } from '../../../reads/unitDemandList.ts';
import { compileNationalSummary, unitOutcome } from '../../../workflows/campaign/nationalSummary.ts';
import { submitDemandListUpdate } from '../../../workflows/shared/messages.ts';
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

const attr = (xml: string, element: string, name: string) =>
  new RegExp(`<w:${element}\\b[^>]*\\bw:${name}="([^"]*)"`).exec(xml)?.[1];

/** The XML of one style in styles.xml, by its id. */
const style = (styles: string, id: string) =>
  new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';

describe('the national report, Chinese edition (GB/T 9704-2012)', () => {
  it('has the title, numbered sections 一、（一）1., every unit, the 通报 list and the issuer', async () => {
    const data = sampleReportData();
    const xml = zipText(await buildNationalReport(data), 'word/document.xml');
    const text = paragraphs(xml);
    expect(text[0]).toBe('2027年“知识产权服务万里行”活动总结');
    expect(text.filter((p) => /^[一二三四五]、/.test(p))).toEqual([
      '一、总体情况',
      '二、主要成效',
      '三、需求对接与重点指导',
      '四、各单位报送情况',
      '五、通报',
    ]);
    expect(text.slice(1, 8)).toEqual([
      '一、总体情况',
      '（一）报送情况',
      '2027年“知识产权服务万里行”活动共有37个报送单位。',
      '1.工作方案和需求清单：按时报送34个、逾期报送3个、未报送0个。',
      '2.书面总结和成果总结：按时报送35个、逾期报送1个、未报送1个。',
      '（二）活动开展',
      `各单位共记录活动${data.summary.totals.activitiesRecorded.toLocaleString('zh-CN')}场，提出需国家知识产权局协调的需求37项，已匹配服务资源20项。`,
    ]);
    expect(text.find((p) => p.startsWith('据'))).toMatch(/^据\d+个单位报送的成果总结（附件2）统计/);
    for (const report of data.reports) expect(text).toContain(report.nameZh);
    const notice = text.slice(text.indexOf('五、通报'));
    expect(notice.join('|')).toContain('西藏自治区知识产权局|书面总结和成果总结|未报送|督办');
    expect(notice.join('|')).toContain('青海省知识产权局|工作方案和需求清单|逾期报送|督办');
    // The level reached is named as everywhere else: 逾期, not the notice (逾期通知) that brought it.
    expect(notice.join('|')).toContain('内蒙古自治区知识产权局|工作方案和需求清单|逾期报送|逾期|');
    // Signed as the notice signs: 国家知识产权局, the date in full (GB/T 9704 7.3.5).
    expect(text.slice(-2)).toEqual(['国家知识产权局', '2027年11月20日']);
    // The official edition carries no English.
    expect(text.join('').match(/[A-Za-z]{3,}/g)).toBeNull();
  });

  it('reads back as A4, 37/35/28/26 mm, 22 lines × 28 characters, 方正小标宋/仿宋/黑体/楷体 at 2号 and 3号, "— 1 —" in 4号', async () => {
    const docx = await buildNationalReport(sampleReportData());
    const xml = zipText(docx, 'word/document.xml');
    const styles = zipText(docx, 'word/styles.xml');
    const twipsToMm = (v: string | undefined) => Math.round((Number(v) / 1440) * 25.4 * 10) / 10;
    expect([attr(xml, 'pgSz', 'w'), attr(xml, 'pgSz', 'h')].map(twipsToMm)).toEqual([210, 297]);
    expect(['top', 'bottom', 'left', 'right'].map((side) => twipsToMm(attr(xml, 'pgMar', side)))).toEqual([
      37, 35, 28, 26,
    ]);
    // The grid: 22 lines fill the 225 mm 版心, and 28 characters its 156 mm (pitch = 16 pt + charSpace/4096).
    expect(attr(xml, 'docGrid', 'type')).toBe('linesAndChars');
    const twips = (element: string, name: string) => Number(attr(xml, element, name));
    const linePitch = twips('docGrid', 'linePitch');
    const textHeight = twips('pgSz', 'h') - twips('pgMar', 'top') - twips('pgMar', 'bottom');
    expect(Math.floor(textHeight / linePitch)).toBe(22);
    const charPitch = 16 + twips('docGrid', 'charSpace') / 4096;
    const textWidth = twips('pgSz', 'w') - twips('pgMar', 'left') - twips('pgMar', 'right');
    expect(Math.floor(textWidth / 20 / charPitch)).toBe(28);
    // Body text: 3号 (32 half-points) 仿宋_GB2312 on the grid's line, two characters in.
    const normal = style(styles, 'Normal');
    expect(normal).toContain('w:eastAsia="仿宋_GB2312"');
    expect(normal).toContain('<w:sz w:val="32"/>');
    expect(style(styles, 'BodyText')).toContain('w:firstLineChars="200"');
    expect(/<w:pPrDefault>[\s\S]*?<\/w:pPrDefault>/.exec(styles)?.[0]).toContain(
      `w:line="${linePitch}" w:lineRule="exact"`,
    );
    const title = style(styles, 'DocumentTitle');
    expect([title.includes('w:eastAsia="方正小标宋简体"'), title.includes('<w:sz w:val="44"/>')]).toEqual([
      true,
      true,
    ]);
    const headings = [1, 2, 3, 4].map((n) => style(styles, `Heading${n}`));
    expect(headings.map((h) => /w:eastAsia="([^"]+)"/.exec(h)?.[1])).toEqual([
      '黑体',
      '楷体_GB2312',
      '仿宋_GB2312',
      '仿宋_GB2312',
    ]);
    for (const h of headings) expect(h).toContain('<w:sz w:val="32"/>');
    // The title, tables and page numbers keep their own character width, off the grid.
    for (const id of ['DocumentTitle', 'TableHeader', 'TableText', 'PageNumber'])
      expect(style(styles, id)).toMatch(/<w:pPr>(<w:keepNext\/>)?<w:snapToGrid w:val="0"\/>/);
    // Every face names a fallback an office has (仿宋_GB2312 → 仿宋, 方正小标宋简体 → 宋体).
    const fonts = zipText(docx, 'word/fontTable.xml');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    // Page numbers "— 1 —" in 4号 宋体: odd pages right, even pages left.
    expect(zipText(docx, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    expect(style(styles, 'PageNumber')).toContain('w:eastAsia="宋体"');
    expect(style(styles, 'PageNumber')).toContain('<w:sz w:val="28"/>');
    const footers = ['word/footer1.xml', 'word/footer2.xml'].map((f) => zipText(docx, f));
    for (const footer of footers)
      expect(paragraphs(footer).join('').replace(/\s/g, '')).toMatch(/^—(PAGE)?—$|^——$/);
    expect(footers.map((f) => attr(f, 'jc', 'val')).sort()).toEqual(['left', 'right']);
  });

  it('says when the count is provisional', async () => {
    const data = { ...sampleReportData(), final: false, asOf: '2027-06-01' };
    const text = paragraphs(zipText(await buildNationalReport(data), 'word/document.xml'));
    expect(text[1]).toBe('（截至2027-06-01的阶段性统计）');
    expect(text).toContain('截至2027-06-01，2027年“知识产权服务万里行”活动共有37个报送单位。');
    expect(text.slice(-1)).toEqual(['2027年6月1日']);
  });
});

describe('the national report, English edition', () => {
  it('is the same report in English, apart from the official one', async () => {
    const data = sampleReportData();
    const docx = await buildNationalReport(data, 'en');
    const text = paragraphs(zipText(docx, 'word/document.xml'));
    expect(text[0]).toBe('2027 IP Service Campaign: National Summary');
    expect(text.filter((p) => /^\d\. /.test(p))).toEqual([
      '1. Overview',
      '2. Results',
      '3. Matching and key guidance',
      '4. Submissions by unit',
      '5. Late and missing submissions',
    ]);
    expect(text.join('|')).toContain(
      'Xizang Intellectual Property Office|written summary and results summary|missing|supervision',
    );
    expect(text.join('|')).toContain(
      'Qinghai Intellectual Property Office|work plan and demand list|in late|supervision',
    );
    expect(text.slice(-2)).toEqual([
      'China National Intellectual Property Administration',
      '20 November 2027',
    ]);
    // Chinese only where the data is Chinese (the exchange host's name), never the report's own wording.
    expect(text.join('')).not.toMatch(/总体情况|通报|国家知识产权局/);
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

/** Each printed line of a page: its box in points from the top left, and its text. */
function printedLines(pdf: string, page: number) {
  const xml = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-bbox-layout', pdf, '-'], {
    encoding: 'utf8',
  });
  return [
    ...xml.matchAll(
      /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
    ),
  ].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    right: Number(m[3]),
    text: [...(m[5] ?? '').matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
  }));
}

describe.skipIf(!soffice || !pdftoppm)('rendering the report (LibreOffice → PDF → pdftoppm)', () => {
  it('prints on the 版心: 28 mm in, 26 mm from the right, lines 28.95 pt apart, page numbers 7 mm below', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wlx-report-'));
    const docx = join(dir, 'report.docx');
    await writeFile(docx, await buildNationalReport(sampleReportData()));
    const pdf = await convertWithLibreOffice(docx, 'pdf', dir);
    const pt = (mm: number) => (mm / 25.4) * 72;
    for (const page of [1, 2]) {
      const lines = printedLines(pdf, page);
      const number = lines.find((l) => /^—\d+—$/.test(l.text.replace(/\s/g, '')));
      if (!number) throw new Error(`no page number on page ${page}`);
      // 一字线上距版心下边缘7 mm; odd pages right, even pages left, one 4号 character (14 pt) in.
      expect(Math.abs(number.y - (pt(297) - pt(35)) - pt(7))).toBeLessThan(pt(1.5));
      if (page % 2) expect(Math.abs(pt(210 - 26) - 14 - number.right)).toBeLessThan(2);
      else expect(Math.abs(pt(28) + 14 - number.x)).toBeLessThan(2);
      const body = lines.filter((l) => l !== number);
      for (const line of body) {
        expect(line.x).toBeGreaterThanOrEqual(pt(28) - 1);
        expect(line.right).toBeLessThanOrEqual(pt(210 - 26) + 1);
        expect(line.y).toBeGreaterThanOrEqual(pt(37) - 1);
      }
    }
    // The running text of section 一 is on the grid: one line every 579 twips (28.95 pt).
    const page1 = printedLines(pdf, 1).map((l) => ({ ...l, text: l.text.replace(/\s/g, '') }));
    const section = page1.slice(
      page1.findIndex((l) => l.text === '一、总体情况'),
      page1.findIndex((l) => l.text === '二、主要成效') + 1,
    );
    expect(section.length).toBeGreaterThan(8);
    for (const [i, line] of section.slice(1).entries()) {
      expect(Math.abs(line.y - (section[i]?.y ?? 0) - 28.95)).toBeLessThan(0.3);
    }
    const pages = await renderToPng(docx, dir, 40);
    expect(pages.length).toBeGreaterThanOrEqual(4);
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
      units: reports,
    });
    const workbook = await loadWorkbook(bytes);
    const sheet = workbook.getWorksheet('成果汇总') as ExcelJS.Worksheet;
    const headers = Array.from({ length: sheet.columnCount }, (_, i) => sheet.getRow(3).getCell(i + 1).text);
    const col = (header: string) => headers.indexOf(header) + 1;
    const total = sheet.getRow(firstDataRow + reports.length);
    expect(total.getCell(col('填报单位')).value).toBe('合计 Total');
    // 合计 as formulas over the units' rows, each with its value now: an edit to a unit's figure carries.
    const last = firstDataRow + reports.length - 1;
    const letter = (header: string) => sheet.getColumn(col(header)).letter;
    expect(total.getCell(col('参与人数')).value).toEqual({
      formula: `SUM(${letter('参与人数')}${firstDataRow}:${letter('参与人数')}${last})`,
      result: reports.reduce((s, r) => s + (r.resultsSummary?.participants ?? 0), 0),
    });
    const status = `${letter('报送情况')}${firstDataRow}:${letter('报送情况')}${last}`;
    expect(total.getCell(col('报送情况')).value).toEqual({
      formula: `COUNTIF(${status},"已报送")&"/"&ROWS(${status})`,
      result: '36/37',
    });
    expect(zipText(bytes, 'xl/workbook.xml')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    const tibet = sheet.getRow(firstDataRow + reports.findIndex((r) => r.unitCode === '54'));
    expect(tibet.getCell(col('报送情况')).value).toBe('未报送');
    expect(tibet.getCell(col('参与人数')).value).toBe(null);
    const cases = workbook.getWorksheet('典型案例') as ExcelJS.Worksheet;
    expect(cases.getRow(firstDataRow).getCell(1).value).toBe('北京市知识产权局');
    expect(cases.getRow(firstDataRow).getCell(2).value).toBe(sampleResults().typicalCases[0]?.title);
  });
});

describe('one rule for 已报送 (domain/submittedResults.ts)', () => {
  it('leaves out, in the report and the results export alike, an Annex 2 whose written summary is not in', async () => {
    // Xinjiang (65) sent Annex 2, but its written summary is missing: its summary is not 已报送.
    const reports = sampleReports().map((r) =>
      r.unitCode === '65' ? { ...r, summary: { ...r.summary, submittedAt: null } } : r,
    );
    const counted = reports.filter((r) => r.unitCode !== '65' && r.resultsSummary);
    const participants = counted.reduce((sum, r) => sum + (r.resultsSummary?.participants ?? 0), 0);
    const data = { ...sampleReportData(), reports };
    data.summary = compileNationalSummary(
      2027,
      '2027-11-20',
      reports.map(unitOutcome),
      { matches: [], pairings: [] },
      null,
      {
        submittedOnly: true,
      },
    );
    expect(data.summary.totals.participants).toBe(participants);
    const text = paragraphs(zipText(await buildNationalReport(data), 'word/document.xml'));
    expect(text.find((p) => p.startsWith('据'))).toMatch(/^据35个单位报送的成果总结/);
    expect(text.join('|')).toContain(`参与人数|${participants.toLocaleString('zh-CN')}|`);
    expect(text.join('|')).toContain('新疆维吾尔自治区知识产权局|按时（5月10日）|未报送|');
    expect(text.join('|')).toContain('新疆维吾尔自治区知识产权局|书面总结和成果总结|未报送|');

    const sheet = (
      await loadWorkbook(await buildResultsExport({ year: 2027, exportedOn: '2027-11-20', units: reports }))
    ).getWorksheet('成果汇总') as ExcelJS.Worksheet;
    const headers = Array.from({ length: sheet.columnCount }, (_, i) => sheet.getRow(3).getCell(i + 1).text);
    const col = (header: string) => headers.indexOf(header) + 1;
    const xinjiang = sheet.getRow(firstDataRow + reports.findIndex((r) => r.unitCode === '65'));
    expect(xinjiang.getCell(col('报送情况')).value).toBe('未报送');
    expect(xinjiang.getCell(col('参与人数')).value).toBe(null);
    const total = sheet.getRow(firstDataRow + reports.length);
    expect(total.getCell(col('参与人数')).result).toBe(participants);
    expect(total.getCell(col('报送情况')).result).toBe('35/37');
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
    // The whole demand list, flagged rows or not, the same way (reads/unitDemandList.ts).
    expect(acceptedInHistory(history, submitDemandListUpdate.name, demandListOf).value).toEqual(
      sampleDemandList(),
    );
  });
});
