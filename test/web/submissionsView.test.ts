// The read views of what a unit handed in, against a real campaign: the liaison and the operators read the
// plan, the whole demand list a page at a time ("共 1,000 行"), the activities and the summary; a return and a
// resubmission leave two versions with who and when; each version downloads as it was handed in; another
// unit may not look. And a plan that is in is not told as 未报送 while its demand list is still missing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demandList } from '../../bench/volume/generate.ts';
import { importSpreadsheet } from '../../client/operations/spreadsheets/importSubmission.ts';
import { sendSubmission } from '../../client/operations/submit.ts';
import { openAuditTrail } from '../../infra/audit/sqlTrail.ts';
import type { AuditTrail } from '../../infra/audit/trail.ts';
import { type LocalStack, localStack, startSurveyingCampaign } from '../support/localCampaign.ts';
import { sampleActivity, sampleResults } from '../support/samples.ts';
import { addOperator, Browser, signInUnit, type WebHarness, webHarness } from './support.ts';

const year = new Date().getUTCFullYear() + 8;
const unitPage = `/campaigns/${year}/units/11`;
const views = `${unitPage}/submissions`;

let stack: LocalStack;
let harness: WebHarness;
let trail: AuditTrail;
let documents: string;
let beijing: Browser;
let tianjin: Browser;
let operator: Browser;
const list = demandList('11', 1_000);

async function page(browser: Browser, path: string): Promise<{ status: number; text: string }> {
  const response = await browser.request('GET', path);
  return { status: response.status, text: await response.text() };
}

const planFields = (title: string) => ({
  title,
  objectives: '走访企业不少于100家\n开展专利导航',
  'plannedActivities.0.title': '专利导航进园区',
  'plannedActivities.0.type': 'lecture',
  'plannedActivities.0.keyTask': '2',
  'plannedActivities.0.month': `${year}-06`,
  'contacts.0.name': '王芳',
  'contacts.0.phone': '010-00000000',
  updateId: crypto.randomUUID(),
  document: new File(['%PDF-1.4\n% plan\n'], '工作方案.pdf', { type: 'application/pdf' }),
});

/** The rows of the demand list's table on a page. */
const shownRows = (text: string) =>
  [
    ...(text.split('class="submitted"')[1]?.split('</table>')[0] ?? '').matchAll(
      /<tr><td class="num">(\d+)</g,
    ),
  ].map((m) => Number(m[1]));

beforeAll(async () => {
  documents = await mkdtemp(join(tmpdir(), 'wlx-submissions-view-'));
  process.env.DOCUMENT_DIR = documents;
  [stack, trail] = await Promise.all([localStack(), openAuditTrail('pglite:memory://')]);
  await startSurveyingCampaign(stack.client, year, ['11', '12']);
  harness = await webHarness({ sink: stack.sink, client: stack.client, audit: trail });
  await addOperator(harness.store, 'operator-zhang', 'operator', 'operator password 1');
  beijing = await signInUnit(harness, stack.sink, '11', 'wanlixing@bj.ipa.example');
  tianjin = await signInUnit(harness, stack.sink, '12', 'wanlixing@tj.ipa.example');
  operator = await new Browser(harness.web).start();
  expect((await operator.signInWithPassword('operator-zhang', 'operator password 1')).status).toBe(200);
}, 180_000);

afterAll(async () => {
  await harness?.close();
  await trail?.close();
  await stack?.stop();
  delete process.env.DOCUMENT_DIR;
  await rm(documents, { recursive: true, force: true });
});

describe('what a unit handed in, read on the web', () => {
  it('says nothing was handed in yet, and leads there from the unit page', async () => {
    const empty = await page(beijing, `${views}/plan`);
    expect(empty.status).toBe(200);
    expect(empty.text).toContain('尚未报送');
    expect((await beijing.request('GET', `${views}/plan/download`)).status).toBe(404);
    expect((await page(beijing, unitPage)).text).toContain(`href="${views}/demands"`);
  });

  it('tells the operator a plan that is in as in, while the demand list is still missing', async () => {
    expect((await beijing.form(`${unitPage}/plan`, planFields('北京市第一版工作方案'))).status).toBe(303);
    const { text } = await page(operator, unitPage);
    const planRow = text.split('<tbody>')[1]?.split('</tr>')[0] ?? '';
    expect(planRow).not.toContain('未报送');
    expect(planRow).toContain('已收到工作方案');
    expect(planRow).toContain('需求清单');
    // The dashboard's tile names what is missing: the demand list, not the plan.
    const dashboard = (await page(operator, `/campaigns/${year}`)).text;
    const tile = dashboard.split(`href="${unitPage}"`)[1]?.split('</a>')[0] ?? '';
    expect(tile).toContain('<small>需求清单</small>');
    expect(tile).not.toContain('工作方案');
  });

  it("shows the plan's fields to the liaison and the operator, with who and when", async () => {
    for (const reader of [beijing, operator]) {
      const { status, text } = await page(reader, `${views}/plan`);
      expect(status).toBe(200);
      expect(text).toContain('北京市第一版工作方案');
      expect(text).toContain('专利导航进园区');
      expect(text).toContain('工作方案.pdf');
      expect(text).toContain('第 1 版');
      expect(text).toContain('北京市知识产权局');
    }
  });

  it('keeps both versions after a return and a resubmission, the return between them', async () => {
    const panel = (await page(operator, unitPage)).text;
    const returnForm = panel.split('id="return"')[1]?.split('</form>')[0] ?? '';
    expect(returnForm).toContain(`href="${views}/plan"`);
    const reason = '请补充专题活动周安排';
    expect((await operator.form(`${unitPage}/return`, { what: 'workPlan', reason })).status).toBe(303);
    expect((await beijing.form(`${unitPage}/plan`, planFields('北京市第二版工作方案'))).status).toBe(303);
    const { text } = await page(operator, `${views}/plan`);
    expect(text).toContain('北京市第二版工作方案');
    const history = text.split('id="versions"')[1] ?? '';
    const order = ['第 1 版', '退回修改', '第 2 版'].map((s) => history.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(history).toContain(reason);
    expect(history).toContain('operator-zhang');
    expect(history.match(/北京市知识产权局/g)?.length).toBe(2);
    expect(history).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d/);
    const first = await page(beijing, `${views}/plan?version=1`);
    expect(first.text).toContain('北京市第一版工作方案');
    expect(first.text).toContain('较早版本');
    expect((await page(beijing, `${views}/plan?version=3`)).status).toBe(404);
    const json = await beijing.request('GET', `${views}/plan/download?version=1`);
    expect(json.headers.get('content-disposition')).toContain(`${year}-11-work-plan-v1.json`);
    expect(((await json.json()) as { title: string }).title).toBe('北京市第一版工作方案');
  });

  it('shows the whole demand list 50 rows a page, with the count received, and downloads every row', async () => {
    await sendSubmission(stack.client, 'demands', { year, unit: '11' }, [list]);
    const first = await page(beijing, `${views}/demands`);
    expect(first.text).toContain('共 1,000 行');
    expect(first.text).toContain('1,000 rows received');
    expect(shownRows(first.text)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(first.text).toContain(list.items[0]?.entity.name);
    const last = await page(operator, `${views}/demands?page=20`);
    expect(shownRows(last.text)).toEqual(Array.from({ length: 50 }, (_, i) => 951 + i));
    expect(last.text).toContain('第 20 / 20 页');
    const refused = await page(beijing, `${views}/demands?page=0`);
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('page 页码: a whole number from 1');
    const xlsx = await beijing.request('GET', `${views}/demands/download`);
    expect(xlsx.status).toBe(200);
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    const back = await importSpreadsheet('demands', 'demand-list.xlsx', bytes, { unitCode: '11', year });
    expect(back).toEqual(list);
  });

  it('shows the activity records as they stand and the summary handed in', async () => {
    const activity = sampleActivity();
    await sendSubmission(stack.client, 'activity', { year, unit: '11' }, [activity]);
    await sendSubmission(stack.client, 'activity', { year, unit: '11' }, [
      { ...activity, place: '北京市海淀区' },
    ]);
    const activities = await page(operator, `${views}/activities`);
    expect(activities.text).toContain('当前活动记录：1 项');
    expect(activities.text).toContain('北京市海淀区');
    expect(activities.text.split('id="versions"')[1]).toContain('第 2 版');
    await sendSubmission(stack.client, 'results', { year, unit: '11' }, [{ results: sampleResults() }]);
    const summary = await page(beijing, `${views}/summary`);
    expect(summary.text).toContain('成果汇总（附件2）');
    expect(summary.text).toContain(String(sampleResults().participants));
  });

  it('lets no other unit read the views or download them', async () => {
    for (const path of [`${views}/plan`, `${views}/demands?page=2`, `${views}/demands/download`])
      expect((await tianjin.request('GET', path)).status).toBe(403);
    const anonymous = await new Browser(harness.web).request('GET', `${views}/plan`);
    expect(anonymous.status).toBe(303);
  });
});
