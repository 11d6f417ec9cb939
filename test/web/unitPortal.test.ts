// A unit's page against a real campaign: what the liaison sees is due, the template it downloads is made for
// it, a spreadsheet with errors is refused with its errors in a table and nothing submitted, good uploads
// and forms change the unit's state (once each, however often sent), and an operator's return for revision
// reaches the unit's page with its reason. Another unit may not look.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSoffice } from '../../client/operations/reports/libreOffice.ts';
import { importSpreadsheet } from '../../client/operations/spreadsheets/importSubmission.ts';
import { firstDataRow } from '../../client/operations/spreadsheets/tableSheet.ts';
import { demandSheet } from '../../domain/spreadsheets/annexes/demandList.ts';
import { itemToRow } from '../../domain/spreadsheets/itemToRow.ts';
import type { UnitStatus } from '../../workflows/shared/status.ts';
import { csvText, fillRows, gbk, loadWorkbook, toBuffer } from '../operations/spreadsheets/support.ts';
import { eventually } from '../support/eventually.ts';
import { deepSheet, hugeMerge, lyingBomb } from '../support/hostileWorkbooks.ts';
import { type LocalStack, localStack, startSurveyingCampaign } from '../support/localCampaign.ts';
import { sampleActivity, sampleDemandList } from '../support/samples.ts';
import { sofficeConvert } from '../support/writersCorpus.ts';
import { addOperator, Browser, signInUnit, type WebHarness, webHarness } from './support.ts';

const year = new Date().getUTCFullYear() + 6;
const page = `/campaigns/${year}/units/11`;
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let stack: LocalStack;
let harness: WebHarness;
let documents: string;
let beijing: Browser;
let tianjin: Browser;
let operator: Browser;

beforeAll(async () => {
  documents = await mkdtemp(join(tmpdir(), 'wlx-unit-portal-'));
  process.env.DOCUMENT_DIR = documents;
  stack = await localStack();
  await startSurveyingCampaign(stack.client, year, ['11', '12']);
  harness = await webHarness({ sink: stack.sink, client: stack.client });
  await addOperator(harness.store, 'operator-zhang', 'operator', 'operator password 1');
  beijing = await signInUnit(harness, stack.sink, '11', 'wanlixing@bj.ipa.example');
  tianjin = await signInUnit(harness, stack.sink, '12', 'wanlixing@tj.ipa.example');
  operator = await new Browser(harness.web).start();
  expect((await operator.signInWithPassword('operator-zhang', 'operator password 1')).status).toBe(200);
}, 180_000);

afterAll(async () => {
  await harness?.close();
  await stack?.stop();
  delete process.env.DOCUMENT_DIR;
  await rm(documents, { recursive: true, force: true });
});

async function status(): Promise<UnitStatus> {
  const response = await beijing.request('GET', `/api/campaigns/${year}/units/11`);
  return ((await response.json()) as { status: UnitStatus }).status;
}

async function html(browser: Browser, path = page): Promise<{ status: number; text: string }> {
  const response = await browser.request('GET', path);
  return { status: response.status, text: await response.text() };
}

async function demandWorkbook(rows: unknown[][]): Promise<File> {
  const template = await beijing.request('GET', `${page}/templates/demands`);
  const workbook = await loadWorkbook(new Uint8Array(await template.arrayBuffer()));
  fillRows(workbook.getWorksheet('需求清单') as ExcelJS.Worksheet, firstDataRow, rows as never);
  return new File([new Uint8Array(await toBuffer(workbook))], '需求清单.xlsx', { type: xlsx });
}

const key = () => crypto.randomUUID();

describe("a unit's page", () => {
  it('shows its liaison what is due and when, with a key in every form, and no operator panel', async () => {
    const { status: code, text } = await html(beijing);
    expect(code).toBe(200);
    expect(text).toContain('北京市知识产权局');
    expect(text).toMatch(/class="badge s-(ontime|soon)"/);
    expect(text).toContain('工作方案和需求清单');
    expect(text).toMatch(/还有 \d+ 天/);
    expect(text).toContain('需求清单（附件1）');
    expect(text.match(/name="updateId" value="[\w-]{36}"/g)?.length).toBe(5);
    expect(text).not.toContain('工作人员面板');
  });

  it('gives the demands template made for the unit and year', async () => {
    const response = await beijing.request('GET', `${page}/templates/demands`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(xlsx);
    expect(response.headers.get('content-disposition')).toContain(`filename="${year}-11-demands.xlsx"`);
    const workbook = await loadWorkbook(new Uint8Array(await response.arrayBuffer()));
    const meta = workbook.getWorksheet('wlx_meta') as ExcelJS.Worksheet;
    expect(meta.getRow(2).values).toContain('demands');
    expect(meta.getRow(4).values).toContain('11');
    expect(String(workbook.getWorksheet('需求清单')?.getCell('A2').value)).toContain('北京');
  });

  it('refuses a spreadsheet with errors, naming the column header, and submits nothing', async () => {
    const [item] = sampleDemandList().items;
    const row = itemToRow(demandSheet, item);
    row[demandSheet.columns.findIndex((c) => c.key === 'entity.name')] = null;
    const response = await beijing.form(`${page}/demands`, {
      file: await demandWorkbook([row]),
      updateId: key(),
    });
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(text).toContain('class="sheet-errors"');
    expect(text).toMatch(/<th><span class="zh">列<\/span>/);
    expect(text).toContain('需求主体名称');
    expect(text).toContain('<td class="num">5</td>');
    expect((await status()).missing).toContain('demandList');
  });

  it('has no demand list to give back before one is handed in', async () => {
    const response = await beijing.request('GET', `${page}/demand-list`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('北京市知识产权局尚未报送');
  });

  it('takes a good demand list: the flagged demand appears and the list is no longer missing', async () => {
    const rows = sampleDemandList().items.map((item) => itemToRow(demandSheet, item));
    const response = await beijing.form(`${page}/demands`, {
      file: await demandWorkbook(rows),
      updateId: key(),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${page}#top`);
    const { text } = await html(beijing);
    expect(text).toContain('需求清单已报送');
    expect(text).toContain('BJ-001');
    expect(text).toContain('需国家知识产权局协调审查协作中心专家提供导航分析支持');
    expect((await status()).missing).toEqual(['workPlan']);
  });

  it('gives the whole demand list back in its template, every row, and it reads back as the same items', async () => {
    expect((await html(beijing)).text).toContain(`href="${page}/demand-list"`);
    const response = await beijing.request('GET', `${page}/demand-list`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(`filename="${year}-11-demand-list.xlsx"`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // Flagged or not, every row comes back: handing it in again replaces the list with itself.
    const again = await importSpreadsheet('demands', 'demand-list.xlsx', bytes, { unitCode: '11', year });
    expect(again).toEqual(sampleDemandList());
    expect(again.items.some((item) => !item.needsCnipaCoordination)).toBe(true);
  });

  it('takes the demand list as a GBK .csv and, where LibreOffice is installed, as an .xls', async () => {
    const headers = demandSheet.columns.map((c) => c.header.zh);
    const rows = sampleDemandList().items.map((item) => itemToRow(demandSheet, item));
    const uploads = [new File([await gbk(csvText(headers, rows))], '需求清单.csv', { type: 'text/csv' })];
    if (findSoffice()) {
      const plain = new ExcelJS.Workbook();
      const sheet = plain.addWorksheet('需求清单');
      sheet.addRow(headers);
      for (const row of rows) sheet.addRow(row as ExcelJS.CellValue[]);
      const dir = await mkdtemp(join(tmpdir(), 'wlx-portal-xls-'));
      await writeFile(join(dir, 'demands.xlsx'), await toBuffer(plain));
      const [xls] = await sofficeConvert([join(dir, 'demands.xlsx')], 'xls', dir);
      uploads.push(
        new File([await readFile(xls as string)], '需求清单.xls', { type: 'application/vnd.ms-excel' }),
      );
    }
    for (const file of uploads) {
      const response = await beijing.form(`${page}/demands`, { file, updateId: key() });
      expect(response.status, file.name).toBe(303);
      expect((await html(beijing)).text).toContain('需求清单已报送');
    }
  }, 120_000);

  it('answers 422 to the worst uploads, in words, and stays up', async () => {
    const valid = new Uint8Array(await (await demandWorkbook([])).arrayBuffer());
    const worst: [Uint8Array, string][] = [
      [await lyingBomb(valid), '解压后超过'],
      [deepSheet(valid), '嵌套超过 64 层'],
      [hugeMerge(valid), '合并单元格共'],
      [valid.subarray(0, valid.length >> 1), '无法作为 Excel 文件读取'],
    ];
    for (const [bytes, refusal] of worst) {
      const response = await beijing.form(`${page}/demands`, {
        file: new File([bytes], '需求清单.xlsx', { type: xlsx }),
        updateId: key(),
      });
      expect(response.status).toBe(422);
      expect(await response.text()).toContain(refusal);
    }
    expect((await html(beijing)).status).toBe(200);
  }, 60_000);

  it('offers the work plan first from "what is due", one row a group, and adds a row without JS, keeping what was typed', async () => {
    const fresh = (await html(beijing)).text;
    expect(fresh).toMatch(/<dd><a href="#plan"><span class="zh">工作方案<\/span>/); // the demand list is in
    expect(fresh).toContain('href="#plan-submit"'); // 跳到提交 Skip to submit
    expect(fresh.indexOf('id="plan"')).toBeLessThan(fresh.indexOf('id="demands"'));
    expect(fresh).toContain('name="plannedActivities.0.title"');
    expect(fresh).not.toContain('name="plannedActivities.1.title"');
    const typed = {
      title: '北京市万里行工作方案',
      'plannedActivities.0.title': '专利导航进园区',
      'plannedActivities.0.type': 'lecture',
      'contacts.0.name': '王芳',
      updateId: key(),
    };
    const more = await beijing.form(`${page}/plan`, { ...typed, addRow: 'plannedActivities' });
    expect(more.status).toBe(200);
    const form = await more.text();
    expect(form).toContain('name="plannedActivities.1.title"');
    expect(form).not.toContain('name="plannedActivities.2.title"');
    expect(form).not.toContain('name="contacts.1.name"');
    expect(form).toContain('value="专利导航进园区"');
    expect(form).toMatch(/<option value="lecture"\s+selected>/);
    expect(form).toContain('value="王芳"');
    expect(form).toContain(`value="${typed.updateId}"`); // the same form: sent later, applied once
    expect(form).not.toContain('未报送：请查看下方表单中的错误');
    expect((await status()).plan.submittedAt).toBeNull(); // nothing was sent
    // A row more again, from the rows the form now has.
    const third = await beijing.form(`${page}/plan`, {
      ...typed,
      'plannedActivities.1.title': '',
      addRow: 'plannedActivities',
    });
    expect(await third.text()).toContain('name="plannedActivities.2.title"');
  });

  it('takes the work plan form with its document, naming the fields left empty first', async () => {
    const fields = {
      title: '北京市万里行工作方案',
      objectives: '走访企业不少于100家\n开展专利导航',
      'plannedActivities.0.title': '专利导航进园区',
      'plannedActivities.0.type': 'lecture',
      'plannedActivities.0.keyTask': '2',
      'plannedActivities.0.month': `${year}-06`,
      'contacts.0.name': '王芳',
      'contacts.0.phone': '010-00000000',
      updateId: key(),
    };
    const { 'contacts.0.phone': _, ...noPhone } = fields;
    const refused = await beijing.form(`${page}/plan`, noPhone);
    expect(refused.status).toBe(422);
    const text = await refused.text();
    expect(text).toContain('联系人 第1行 电话');
    expect(text).toContain('工作方案文件');
    const pdf = new File(['%PDF-1.4\n% plan\n'], '工作方案.pdf', { type: 'application/pdf' });
    const taken = await beijing.form(`${page}/plan`, { ...fields, document: pdf });
    expect(taken.status).toBe(303);
    const after = await status();
    expect(after.missing).toEqual([]);
    expect(after.plan.submittedAt).not.toBeNull();
    expect((await html(beijing)).text).toContain(after.plan.submittedAt as string);
  });

  it('records an activity once, however often the same form is sent', async () => {
    const activity = sampleActivity();
    const fields = {
      ...Object.fromEntries(Object.entries(activity).map(([k, v]) => [k, String(v)])),
      organisers: activity.organisers.join('\n'),
      updateId: key(),
    };
    expect((await beijing.form(`${page}/activity`, fields)).status).toBe(303);
    expect((await beijing.form(`${page}/activity`, { ...fields, id: 'ANOTHER-1' })).status).toBe(303);
    expect((await status()).activitiesRecorded).toBe(1);
  });

  it("shows the unit the reason an operator returned its plan for, and the operator the unit's mail", async () => {
    // Before sending, the operator reads what the return will leave due: weeks before May 25, May 25 stays.
    const before = (await html(operator)).text;
    expect(before).toMatch(new RegExp(`今天退回，新的截止日期：工作方案和需求清单 ${year}年5月25日`));
    expect(before).toMatch(new RegExp(`Returned today, due again: work plan and demand list ${year}-05-25`));
    const returned = await operator.form(`${page}/return`, {
      what: 'workPlan',
      reason: '请补充专题活动周安排',
    });
    expect(returned.status).toBe(303);
    const { text } = await html(beijing);
    expect(text).toContain('退回修改');
    expect(text).toContain('请补充专题活动周安排');
    expect((await status()).returned).toEqual({ what: 'workPlan', reason: '请补充专题活动周安排' });
    expect((await status()).plan.deadline).toBe(`${year}-05-25`);
    const panel = await eventually(
      async () => {
        const seen = (await html(operator)).text;
        return seen.includes('退回修改通知') ? seen : undefined;
      },
      30_000,
      'the returned notice in the mail history',
    );
    expect(panel).toContain('工作人员面板');
    // The state by its name, not the machine's ("planning.returnedForRevision").
    expect(panel).toMatch(
      /状态：<\/span><span class="en" lang="en">State: <\/span><span class="zh">工作方案退回修改<\/span>/,
    );
    expect(panel).not.toMatch(/planning\.\w+/);
    expect(panel).toContain(`action="/campaigns/${year}/units/11/remind"`);
    expect(panel).toContain('wanlixing@bj.ipa.example');

    // The mail history filtered by the address, and downloaded with the same filter.
    const rows = (text: string) => (text.split('id="mail"')[1] ?? '').split('<tr>').length - 2;
    const returnedOnly = await (await operator.request('GET', `${page}?kind=submission.returned`)).text();
    expect(returnedOnly).toMatch(/<option value="submission.returned" selected>/);
    expect(rows(returnedOnly)).toBe(1);
    expect(returnedOnly).toContain('退回修改通知');
    const failed = await (await operator.request('GET', `${page}?outcome=failed&kind=`)).text();
    expect(failed).toContain('没有符合筛选条件的通知');
    expect((await operator.request('GET', `${page}?outcome=lost`)).status).toBe(422);
    const file = await operator.request('GET', `${page}/mail/export?kind=submission.returned`);
    expect(file.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await file.arrayBuffer());
    const first = book.worksheets[0]?.getRow(firstDataRow);
    expect(String(first?.getCell(2).value)).toContain('退回修改通知');
    expect(String(first?.getCell(4).value)).toContain('wanlixing@bj.ipa.example');
    expect(book.worksheets[0]?.getRow(firstDataRow + 1).getCell(1).value ?? null).toBeNull();
    // Units do not read the mail history, nor download it.
    expect((await beijing.request('GET', `${page}/mail/export`)).status).toBe(403);
  });

  it('refuses another unit and re-shows an operator form with its errors', async () => {
    expect((await html(tianjin)).status).toBe(403);
    expect((await tianjin.request('GET', `${page}/templates/demands`)).status).toBe(403);
    const empty = await operator.form(`${page}/extend`, { track: 'plan' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('新截止日期');
  });
});
