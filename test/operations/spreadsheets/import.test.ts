// Templates filled in by code and read back: the same items as the JSON examples; what offices do to a
// sheet is tolerated; every error of a file is reported at once with its row and column.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { describeError } from '../../../client/operations/errors.ts';
import { buildDemandExport } from '../../../client/operations/spreadsheets/demandExports.ts';
import {
  importSpreadsheet,
  SpreadsheetRejectedError,
} from '../../../client/operations/spreadsheets/importSubmission.ts';
import { firstDataRow } from '../../../client/operations/spreadsheets/tableSheet.ts';
import { buildTemplate } from '../../../client/operations/spreadsheets/template.ts';
import { inlineListLimit } from '../../../client/operations/spreadsheets/validations.ts';
import { loadSubmission } from '../../../client/operations/submit.ts';
import { writeTemplate } from '../../../client/operations/writeTemplate.ts';
import { defaultRegistry } from '../../../domain/defaultRegistry.ts';
import { findUnit } from '../../../domain/registry.ts';
import { activitySheet } from '../../../domain/spreadsheets/annexes/activityRecords.ts';
import { demandSheet } from '../../../domain/spreadsheets/annexes/demandList.ts';
import { caseSheet, resultsSheet } from '../../../domain/spreadsheets/annexes/resultsSummary.ts';
import { itemToRow } from '../../../domain/spreadsheets/itemToRow.ts';
import type { DemandItem } from '../../../domain/submissions.ts';
import { sampleActivity, sampleDemandList, sampleResults } from '../../support/samples.ts';
import { type Cell, fillRows, loadWorkbook, toBuffer } from './support.ts';

const beijing = findUnit(defaultRegistry(), '11');
const template = (kind: 'demands' | 'activities' | 'results') =>
  buildTemplate(kind, { year: 2027, unit: beijing });

async function rejection(promise: Promise<unknown>): Promise<SpreadsheetRejectedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SpreadsheetRejectedError);
  return error as SpreadsheetRejectedError;
}

describe('templates', () => {
  it('carry the unit and year, Chinese and English headers, and a drop-down for every enumeration', async () => {
    const workbook = await loadWorkbook(await template('demands'));
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['需求清单', 'visible'],
      ['填表说明', 'visible'],
      ['wlx_lists', 'veryHidden'],
      ['wlx_meta', 'veryHidden'],
    ]);
    const sheet = workbook.getWorksheet('需求清单') as ExcelJS.Worksheet;
    expect(String(sheet.getCell('A1').value)).toContain('2027年“知识产权服务万里行”活动需求清单（附件1）');
    expect(String(sheet.getCell('A2').value)).toContain('填报单位：北京市知识产权局');
    expect(sheet.getCell('A2').value).toContain('Beijing Intellectual Property Office');
    demandSheet.columns.forEach((column, i) => {
      expect(
        sheet
          .getRow(3)
          .getCell(i + 1)
          .text.replace('*', ''),
      ).toBe(column.header.zh);
      expect(sheet.getRow(4).getCell(i + 1).text).toBe(column.header.en);
    });

    const validations = (
      sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
    ).dataValidations.model;
    const listAt = (address: string) => validations[address]?.formulae[0] as string;
    const lists = workbook.getWorksheet('wlx_lists') as ExcelJS.Worksheet;
    const rangeValues = (formula: string) => {
      const [, col, from, to] = /^wlx_lists!\$([A-Z])\$(\d+):\$[A-Z]\$(\d+)$/.exec(formula) ?? [];
      return Array.from(
        { length: Number(to) - Number(from) + 1 },
        (_, i) => lists.getCell(`${col}${Number(from) + i}`).text,
      );
    };
    // Short lists inline, long ones on the hidden sheet by range; the whole data area is covered.
    expect(listAt('C5')).toBe(
      '"企业 enterprise,中小企业 SME,高校 university,科研院所 research institute,园区 park,产业集聚区 industry cluster"',
    );
    expect(listAt('H504')).toBe('"线上 online,线下 offline,线上线下结合 online and offline"');
    expect(listAt('J5')).toBe('"是,否"');
    // 填表说明 promises that Y/N, ✓/× and names typed in are taken, as the importer does: a drop-down warns
    // about a value not in its list, it never forbids one.
    const dropDowns = Object.values(validations).filter((v) => v.type === 'list');
    expect(dropDowns.length).toBeGreaterThan(0);
    expect(new Set(dropDowns.map((v) => v.errorStyle))).toEqual(new Set(['warning']));
    expect(rangeValues(listAt('E5'))).toEqual([
      '1 强国建设试点示范 IP-strong-country pilots',
      '2 服务企业创新 enterprise innovation',
      '3 转移转化 transfer and commercialisation',
      '4 服务业集聚区与出口基地 service clusters and export bases',
      '5 行业作风建设 conduct of the profession',
    ]);
    expect(rangeValues(listAt('F5'))).toHaveLength(10);
    expect(rangeValues(listAt('F5'))[0]).toBe('专利导航 patent navigation');
    for (const formula of Object.values(validations).map((v) => String(v.formulae[0]))) {
      expect(Buffer.byteLength(formula)).toBeLessThanOrEqual(inlineListLimit);
    }
    const allowed = demandSheet.columns.map((c) => c.type.kind);
    expect(allowed.filter((k) => k === 'enum' || k === 'keyTask' || k === 'boolean')).toHaveLength(5);

    const instructions = workbook.getWorksheet('填表说明') as ExcelJS.Worksheet;
    const text = instructions.getSheetValues().flat().join('\n');
    expect(text).toContain('本表由北京市知识产权局填报，年度为2027年。');
    expect(text).toContain('wlx submit demands --year 2027 --unit 11 --file');
    expect(text).toContain('需要国家局协调');
  });

  it('puts the unit on the results row, and drop-downs for activity types and key tasks on the activity sheet', async () => {
    const results = await loadWorkbook(await template('results'));
    expect(results.worksheets.map((s) => s.name)).toEqual(['成果汇总', '典型案例', '填表说明', 'wlx_meta']);
    expect((results.getWorksheet('成果汇总') as ExcelJS.Worksheet).getCell(`A${firstDataRow}`).value).toBe(
      '北京市知识产权局',
    );
    const activities = await loadWorkbook(await template('activities'));
    const sheet = activities.getWorksheet('活动记录') as ExcelJS.Worksheet;
    const model = (sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model;
    expect(model.G5?.formulae[0]).toMatch(/^"巡查 inspection,调研 research,.*,其他 other"$/);
    expect(model.H5?.formulae[0]).toBe('wlx_lists!$A$1:$A$5'); // the key tasks
    expect(model.C5?.type).toBe('date');
  });
});

describe('importing a filled-in template', () => {
  it('gives the same demand list as examples/demand-list.json', async () => {
    const workbook = await loadWorkbook(await template('demands'));
    const expected = sampleDemandList();
    fillRows(
      workbook.getWorksheet('需求清单') as ExcelJS.Worksheet,
      firstDataRow,
      expected.items.map((item) => itemToRow(demandSheet, item)),
    );
    const imported = await importSpreadsheet('demands', 'demands.xlsx', await toBuffer(workbook), {
      unitCode: '11',
    });
    expect(imported).toEqual(expected);
  });

  it('gives the same activity record, from dates as Date cells, Excel serials and text', async () => {
    const workbook = await loadWorkbook(await template('activities'));
    const sheet = workbook.getWorksheet('活动记录') as ExcelJS.Worksheet;
    const expected = sampleActivity();
    const first = itemToRow(activitySheet, expected) as Cell[];
    first[2] = new Date(Date.UTC(2022, 5, 8));
    first[3] = 44720; // 2022-06-08 as Excel counts days
    const second = itemToRow(activitySheet, {
      ...expected,
      id: 'BJ-2022-ACT-002',
      startDate: '2022-06-09',
      endDate: '2022-06-10',
    }) as Cell[];
    second[2] = '2022年6月9日';
    second[3] = '2022/6/10';
    fillRows(sheet, firstDataRow, [first, second]);
    const imported = await importSpreadsheet('activities', 'activities.xlsx', await toBuffer(workbook));
    expect(imported).toEqual([
      expected,
      { ...expected, id: 'BJ-2022-ACT-002', startDate: '2022-06-09', endDate: '2022-06-10' },
    ]);
  });

  it('gives the same results summary (Annex 2) with its typical cases', async () => {
    const workbook = await loadWorkbook(await template('results'));
    const expected = sampleResults();
    fillRows(workbook.getWorksheet('成果汇总') as ExcelJS.Worksheet, firstDataRow, [
      itemToRow(resultsSheet, expected, { unitName: '北京市知识产权局' }),
    ]);
    fillRows(
      workbook.getWorksheet('典型案例') as ExcelJS.Worksheet,
      firstDataRow,
      expected.typicalCases.map((c) => itemToRow(caseSheet, c)),
    );
    const imported = await importSpreadsheet('results', 'results.xlsx', await toBuffer(workbook));
    expect(imported).toEqual(expected);
  });

  it('tolerates title rows, English headers in another order, blank rows, a signature line, full-width digits, ✓/×, rich text and formulas', async () => {
    const { default: ExcelJSModule } = await import('exceljs');
    const workbook = new ExcelJSModule.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.mergeCells('A1:N1');
    sheet.getCell('A1').value = '北京市2027年知识产权服务需求汇总';
    sheet.mergeCells('A2:N2');
    sheet.getCell('A2').value = '填报单位：北京市知识产权局（盖章）';
    const header = [
      ' Phone ',
      '*Demand ID',
      '备注',
      '需求主体名称',
      'Entity type',
      'Key task',
      '服务类别',
      'Description',
      'Preferred form',
      '期望服务时间',
      '是否需要国家局协调',
      '协调事由 ',
      'Contact',
      '行业／技术领域',
    ];
    const rows: Cell[][] = [
      header,
      [],
      [
        '０１０－０００００００１',
        'ＢＪ－００１',
        '重点企业',
        '北京某新材料科技有限公司  ',
        'SME',
        { formula: '1+1', result: 2 },
        { richText: [{ text: '专利', font: { bold: true } }, { text: '导航' }] },
        '围绕石墨烯复合材料开展专利导航，明确布局方向',
        'Offline',
        '2022年6月',
        '√',
        '需国家知识产权局协调审查协作中心专家提供导航分析支持',
        '李明',
        '新材料',
      ],
      [],
      [],
      [
        '010-00000002',
        'BJ-002 ',
        null,
        '北京某生物医药企业',
        'enterprise',
        '３',
        'pledgeFinancing',
        '以核心专利组合开展质押融资，需要评估服务',
        '线上线下',
        null,
        '×',
        null,
        ' 赵强',
        '生物医药',
      ],
      [null, null, '（以下空白）'],
      [],
      ['填表人：王芳　联系电话：010-00000000'],
    ];
    fillRows(sheet, 4, rows);
    const imported = await importSpreadsheet('demands', 'office.xlsx', await toBuffer(workbook));
    expect(imported).toEqual(sampleDemandList());
  });
});

/** 30 rows, one fault each: [column header, what to change]. */
const faults: [string, Record<string, Cell>][] = [
  ['需求编号', { id: null }],
  ['需求编号', { id: 'BJ-001!' }],
  ['需求编号', { id: 'OK-1' }], // repeats row 5
  ['需求编号', { id: 'X'.repeat(41) }],
  ['需求主体名称', { 'entity.name': null }],
  ['主体类型', { 'entity.type': '公司X' }],
  ['主体类型', { 'entity.type': 123 }],
  ['行业/技术领域', { field: '   ' }],
  ['重点任务', { keyTask: 6 }],
  ['重点任务', { keyTask: '七' }],
  ['重点任务', { keyTask: null }],
  ['重点任务', { keyTask: '12' }],
  ['服务类别', { serviceCategory: '法律' }],
  ['服务类别', { serviceCategory: null }],
  ['服务类别', { serviceCategory: '导航专利' }],
  ['需求描述', { description: '\u3000' }],
  ['需求描述', { description: null }],
  ['期望服务形式', { preferredForm: '电话' }],
  ['期望服务形式', { preferredForm: null }],
  ['期望服务形式', { preferredForm: 'online and offline and more' }],
  ['需要国家局协调', { needsCnipaCoordination: '也许' }],
  ['需要国家局协调', { needsCnipaCoordination: null }],
  ['协调事由', { needsCnipaCoordination: '是', coordinationReason: null }],
  ['协调事由', { needsCnipaCoordination: 'Y', coordinationReason: '  ' }],
  ['协调事由', { needsCnipaCoordination: '✓', coordinationReason: null }],
  ['联系人', { 'contact.name': null }],
  ['联系电话', { 'contact.phone': null }],
  ['电子邮箱', { 'contact.email': 'not-an-email' }],
  ['电子邮箱', { 'contact.email': 'li@@example.com' }],
  ['需要国家局协调', { needsCnipaCoordination: 2 }],
];

async function brokenFile(): Promise<{ bytes: Buffer; rows: number[] }> {
  const workbook = await loadWorkbook(await template('demands'));
  const sheet = workbook.getWorksheet('需求清单') as ExcelJS.Worksheet;
  const [item] = sampleDemandList().items;
  const good = (id: string) =>
    itemToRow(demandSheet, { ...item, id, contact: { ...item?.contact, email: 'li@example.com' } }) as Cell[];
  const at = (key: string) => demandSheet.columns.findIndex((c) => c.key === key);
  fillRows(sheet, firstDataRow, [good('OK-1')]);
  const rows: number[] = [];
  let row = firstDataRow + 1;
  faults.forEach(([, change], i) => {
    const cells = good(`F-${i + 1}`);
    for (const [key, value] of Object.entries(change)) cells[at(key)] = value;
    // A blank row after every fifth: skipped, and row numbers still count it.
    if (i % 5 === 4) row++;
    fillRows(sheet, row, [cells.map((c) => (c === null ? null : c))]);
    if (cells.some((c, col) => c === null && sheet.getRow(row).getCell(col + 1).value !== null))
      throw new Error('fill');
    rows.push(row);
    row++;
  });
  fillRows(sheet, row, [good('OK-2')]);
  return { bytes: await toBuffer(workbook), rows };
}

describe('a file with 30 broken rows', () => {
  it('reports 30 errors, each with its row and Chinese column header', async () => {
    const { bytes, rows } = await brokenFile();
    const error = await rejection(importSpreadsheet('demands', 'broken.xlsx', bytes, { unitCode: '11' }));
    expect(error.issues.map((i) => [i.row, i.column?.zh])).toEqual(
      faults.map(([header], i) => [rows[i], header]),
    );
    expect(error.issues.every((i) => i.sheet.zh === '需求清单')).toBe(true);
    expect(error.message).toContain(
      `需求清单 第${rows[22]}行 “协调事由”：“需要国家局协调”为“是”时须填写“协调事由” (Demand list row ${rows[22]}, "Coordination reason": required when "Needs CNIPA coordination" is 是 (yes))`,
    );
    expect(error.message).toContain(
      `需求清单 第${rows[5]}行 “主体类型”：填写的是“公司X”，应为以下之一：企业、中小企业、高校、科研院所、园区、产业集聚区`,
    );
    expect(error.message).toContain(
      `需求清单 第${rows[2]}行 “需求编号”：填写的是“OK-1”，应为不重复的编号（与第5行相同）`,
    );
  });

  it('makes wlx submit exit 2 with every error, before anything is sent', async () => {
    const { bytes, rows } = await brokenFile();
    const dir = await mkdtemp(join(tmpdir(), 'wlx-'));
    await writeFile(join(dir, 'broken.xlsx'), bytes);
    // No Temporal client is given: the file is refused while it is read.
    const error = await rejection(
      loadSubmission('demands', { unit: '11', file: join(dir, 'broken.xlsx'), dryRun: false }),
    );
    const { message, exitCode } = describeError(error);
    expect(exitCode).toBe(2);
    const lines = message.split('\n');
    expect(lines[0]).toBe(
      '“broken.xlsx”有 30 处错误，未提交任何内容 (30 errors in "broken.xlsx"; nothing was submitted):',
    );
    expect(lines.slice(1).map((line) => Number(/第(\d+)行/.exec(line)?.[1]))).toEqual(rows);
  });
});

describe('a broken activity sheet', () => {
  it("refuses a template of another year or with an edited hidden record, and a national export of several units' rows", async () => {
    const workbook = await loadWorkbook(await template('demands'));
    const rows = sampleDemandList().items.map((item) => itemToRow(demandSheet, item));
    fillRows(workbook.getWorksheet('需求清单') as ExcelJS.Worksheet, firstDataRow, rows);
    const bytes = await toBuffer(workbook);
    const wrongYear = await rejection(
      importSpreadsheet('demands', 'd.xlsx', bytes, { unitCode: '11', year: 2031 }),
    );
    expect(wrongYear.message).toContain(
      '此模板是 2027 年的，不能报送到 2031 年；请下载 2031 年的模板重新填写 (Workbook: this template is for 2027; it cannot be submitted for 2031. Fill in the 2031 template instead)',
    );
    expect(await importSpreadsheet('demands', 'd.xlsx', bytes, { unitCode: '11', year: 2027 })).toEqual(
      sampleDemandList(),
    );

    // The hidden record edited (after a re-save made it merely hidden): not believed against the title.
    const edited = await loadWorkbook(bytes);
    (edited.getWorksheet('wlx_meta') as ExcelJS.Worksheet).getCell('B3').value = 2031;
    const disagreeing = await rejection(
      importSpreadsheet('demands', 'd.xlsx', await toBuffer(edited), { unitCode: '11', year: 2031 }),
    );
    expect(disagreeing.message).toContain(
      '模板的隐藏信息（2031 年）与标题（2027 年）不一致，可能被其他软件改动过',
    );

    const [a, b] = sampleDemandList().items as [DemandItem, DemandItem];
    const national = await buildDemandExport({
      year: 2027,
      exportedOn: '2027-05-26',
      units: [
        { unitCode: '11', nameZh: '北京市知识产权局', demands: [a] },
        { unitCode: '12', nameZh: '天津市知识产权局', demands: [b] },
        { unitCode: '13', nameZh: '河北省知识产权局', demands: [{ ...a, id: 'HE-001' }] },
      ],
      matches: [],
    });
    const several = await rejection(
      importSpreadsheet('demands', '需求汇总.xlsx', national, { unitCode: '11' }),
    );
    expect(several.message).toContain(
      '“需求汇总”表有 3 个单位的行（单位代码 11、12、13），是汇总导出，不是一个单位的需求清单；请只保留本单位的行后报送',
    );
    const tianjinOnly = await buildDemandExport({
      year: 2027,
      exportedOn: '2027-05-26',
      units: [{ unitCode: '12', nameZh: '天津市知识产权局', demands: [b] }],
      matches: [],
    });
    const another = await rejection(
      importSpreadsheet('demands', '需求汇总.xlsx', tianjinOnly, { unitCode: '11' }),
    );
    expect(another.message).toContain('“需求汇总”表的行属于单位 12，不能用 --unit 11 报送');
  });

  it("names missing columns once, never in zod's words, when a whole object's columns are gone", async () => {
    const { default: ExcelJSModule } = await import('exceljs');
    const workbook = new ExcelJSModule.Workbook();
    const sheet = workbook.addWorksheet('需求清单');
    const keep = demandSheet.columns
      .map((c, i) => [c, i] as const)
      .filter(([c]) => !c.key.startsWith('entity.'));
    sheet.addRow(keep.map(([c]) => c.header.zh));
    for (const item of sampleDemandList().items) {
      const row = itemToRow(demandSheet, item);
      sheet.addRow(keep.map(([, i]) => row[i] as Cell));
    }
    const error = await rejection(importSpreadsheet('demands', 'd.xlsx', await toBuffer(workbook)));
    expect(error.issues.map((i) => i.message.zh)).toEqual(['表头中缺少此列', '表头中缺少此列']);
    expect(error.message).not.toContain('Invalid input');
  });

  it('describes a bad e-mail address in Chinese and English, and takes an empty one', async () => {
    const workbook = await loadWorkbook(await template('demands'));
    const [first, second] = sampleDemandList().items.map((item) => itemToRow(demandSheet, item));
    const email = demandSheet.columns.findIndex((c) => c.key === 'contact.email');
    (first as Cell[])[email] = 'liming@';
    (second as Cell[])[email] = null;
    fillRows(workbook.getWorksheet('需求清单') as ExcelJS.Worksheet, firstDataRow, [
      first as Cell[],
      second as Cell[],
    ]);
    const error = await rejection(importSpreadsheet('demands', 'demands.xlsx', await toBuffer(workbook)));
    expect(error.issues).toHaveLength(1);
    expect(error.message).toContain(
      '需求清单 第5行 “电子邮箱”：填写的是“liming@”，应为电子邮箱地址，如 name@example.cn（不填亦可） (Demand list row 5, "Email": found "liming@"; expected an e-mail address such as name@example.cn (or nothing))',
    );
  });

  it('names the row and column of each date, count, list and type fault', async () => {
    const workbook = await loadWorkbook(await template('activities'));
    const at = (key: string) => activitySheet.columns.findIndex((c) => c.key === key);
    const row = (id: string, change: Record<string, Cell> = {}) => {
      const cells = itemToRow(activitySheet, { ...sampleActivity(), id }) as Cell[];
      for (const [key, value] of Object.entries(change)) cells[at(key)] = value;
      return cells;
    };
    fillRows(workbook.getWorksheet('活动记录') as ExcelJS.Worksheet, firstDataRow, [
      row('A-1'),
      row('A-2', { startDate: '2022-06-09', endDate: '2022-06-08' }),
      row('A-3', { participants: '12.5' }),
      row('A-4', { startDate: '6月8日' }),
      row('A-5', { organisers: '、' }),
      row('A-6', { type: '座谈' }),
      row('A-1'),
    ]);
    const error = await rejection(
      importSpreadsheet('activities', 'activities.xlsx', await toBuffer(workbook)),
    );
    expect(error.issues.map((i) => [i.row, i.column?.zh, i.found])).toEqual([
      [6, '结束日期', null],
      [7, '参与人数', '12.5'],
      [8, '开始日期', '6月8日'],
      [9, '主办单位', '、'],
      [10, '活动类型', '座谈'],
      [11, '活动编号', 'A-1'],
    ]);
    expect(error.message).toContain(
      '活动记录 第6行 “结束日期”：不得早于“开始日期” (Activities row 6, "End date": must not be before the start date)',
    );
  });
});

describe('wlx submit with an .xlsx', () => {
  it('checks a good file on a dry run and gives the payload it would send', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wlx-'));
    const made = await writeTemplate('demands', { year: 2027, unit: '11', out: join(dir, 'demands.xlsx') });
    expect(made).toMatchObject({ file: join(dir, 'demands.xlsx'), kind: 'demands', year: 2027, unit: '11' });
    const workbook = await loadWorkbook(await readFile(made.file));
    fillRows(
      workbook.getWorksheet('需求清单') as ExcelJS.Worksheet,
      firstDataRow,
      sampleDemandList().items.map((i) => itemToRow(demandSheet, i)),
    );
    await writeFile(made.file, await toBuffer(workbook));
    const checked = await loadSubmission('demands', { unit: '11', file: made.file, dryRun: true });
    expect(checked).toEqual({ payloads: [sampleDemandList()], documents: [] });
    const wrongUnit = await rejection(
      loadSubmission('demands', { unit: '12', file: made.file, dryRun: true }),
    );
    expect(describeError(wrongUnit).exitCode).toBe(2);
    expect(wrongUnit.message).toContain('此模板是为单位 11 生成的，不能用 --unit 12 报送');
  });

  it('refuses a file that is not .xlsx, or too large, before parsing it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wlx-'));
    await writeFile(
      join(dir, 'old.xlsx'),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    );
    const old = await loadSubmission('demands', {
      unit: '11',
      file: join(dir, 'old.xlsx'),
      dryRun: false,
    }).catch((error: unknown) => error);
    expect(describeError(old).exitCode).toBe(2);
    // Converted by LibreOffice where it is installed (this one is damaged), refused otherwise: either way, the fix.
    expect((old as Error).message).toMatch(
      /旧版 Excel 97–2003（\.xls）或 WPS 表格（\.et）文件.*另存为 \.xlsx 后重新上传/,
    );
    const big = await rejectionOf(importSpreadsheet('demands', 'big.xlsx', new Uint8Array(11 * 1024 * 1024)));
    expect(big).toContain('“big.xlsx”过大：11.0 MB，表格上限 10.0 MB');
  });
});

async function rejectionOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'accepted',
    (e: Error) => e.message,
  );
}
