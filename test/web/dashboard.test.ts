// The year's dashboard against a real campaign: viewers read the grid, operators remind (the mail goes out),
// designate key regions through the form, and download the national outputs; units are kept out.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateTimeWords } from '../../domain/dateWords.ts';
import { openAuditTrail } from '../../infra/audit/sqlTrail.ts';
import type { AuditTrail } from '../../infra/audit/trail.ts';
import { campaignStatus } from '../../reads/campaignStatus.ts';
import {
  submitDemandListUpdate,
  submitWorkPlanUpdate,
  unitWorkflowId,
} from '../../workflows/shared/messages.ts';
import { eventually } from '../support/eventually.ts';
import { type LocalStack, localStack, startSurveyingCampaign } from '../support/localCampaign.ts';
import { sampleDemandList, sampleWorkPlan } from '../support/samples.ts';
import { addOperator, Browser, signInUnit, type WebHarness, webHarness } from './support.ts';

const year = new Date().getUTCFullYear() + 6;
const codes = ['11', '12', '13'];
const dashboard = `/campaigns/${year}`;

let stack: LocalStack;
let harness: WebHarness;
let viewer: Browser;
let operator: Browser;
let trail: AuditTrail;

async function signedIn(name: string, password: string): Promise<Browser> {
  const browser = await new Browser(harness.web).start();
  expect((await browser.signInWithPassword(name, password)).status).toBe(200);
  return browser;
}

/**
 * A form with repeated fields (checkboxes), as a browser posts it: multipart, with the CSRF field; the
 * cookies it sets (the notice) are kept.
 */
async function postForm(browser: Browser, path: string, fields: [string, string][]) {
  const body = new FormData();
  body.set('_csrf', [...browser.cookies].find(([name]) => name.endsWith('wlx_csrf'))?.[1] ?? '');
  for (const [name, value] of fields) body.append(name, value);
  const cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const response = await harness.web.app.request(path, { method: 'POST', headers: { cookie }, body });
  for (const header of response.headers.getSetCookie()) {
    const [pair = ''] = header.split(';');
    browser.cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
  }
  return response;
}

/** The page a POST redirected to, as the browser follows it (the notice is read once, there). */
async function follow(browser: Browser, response: Response): Promise<string> {
  expect(response.status, await response.clone().text()).toBe(303);
  const page = await browser.request('GET', response.headers.get('location') ?? '');
  return page.text();
}

beforeAll(async () => {
  stack = await localStack();
  await startSurveyingCampaign(stack.client, year, codes, { withCatalogue: true });
  // Hebei is all in: its tile is complete and "remind all" finds nothing due from it.
  const hebei = stack.client.workflow.getHandle(unitWorkflowId(year, '13'));
  await hebei.executeUpdate(submitWorkPlanUpdate, { args: [sampleWorkPlan()] });
  await hebei.executeUpdate(submitDemandListUpdate, { args: [sampleDemandList()] });
  await eventually(
    async () => (await campaignStatus(stack.client, year)).totals.plansIn === 1 || undefined,
    30_000,
    "the campaign to hear of Hebei's plan",
  );
  trail = await openAuditTrail('pglite:memory://');
  harness = await webHarness({ sink: stack.sink, client: stack.client, audit: trail });
  await addOperator(harness.store, 'viewer-li', 'viewer', 'viewer password 1');
  await addOperator(harness.store, 'operator-zhang', 'operator', 'operator password 1');
  viewer = await signedIn('viewer-li', 'viewer password 1');
  operator = await signedIn('operator-zhang', 'operator password 1');
}, 180_000);

afterAll(async () => {
  await harness?.close();
  await trail?.close();
  await stack?.stop();
});

describe("the year's dashboard", () => {
  it('shows a viewer the year at a glance and a tile for every unit, with no buttons to act', async () => {
    const response = await viewer.request('GET', dashboard);
    expect(response.status).toBe(200);
    const page = await response.text();
    for (const code of codes) {
      expect(page).toMatch(new RegExp(`<a class="tile s-\\w+" href="/campaigns/${year}/units/${code}"`));
    }
    expect(page).toMatch(new RegExp(`class="tile s-complete" href="/campaigns/${year}/units/13"`));
    expect(page).toContain('需求调研'); // the phase
    expect(page).toContain(`${year}-05-25`); // the plan deadline
    expect(page).toContain('1/3'); // plans in
    expect(page).toContain(`/namespaces/default/workflows/wanlixing-${year}`);
    expect(page).toContain(`href="/campaigns/${year}/matching"`);
    expect(page).toContain('未报单位'); // the list is there...
    expect(page).not.toContain('/remind"'); // ...without its buttons
    expect(page).not.toContain(`action="/campaigns/${year}/key-regions"`);
  });

  it('reminds all after a step that says how many: the notice counts the outcomes, the mail reaches the offices', async () => {
    const page = await (await operator.request('GET', dashboard)).text();
    expect(page).toContain(`<a class="button" href="/campaigns/${year}/remind">`);
    expect(page).toContain(`action="/campaigns/${year}/units/11/remind"`);
    stack.sink.clear();
    // A POST that did not come from the step (a stale page, a double click) shows the step and sends nothing.
    const unconfirmed = await operator.form(`${dashboard}/remind`, {});
    expect(unconfirmed.status).toBe(303);
    expect(unconfirmed.headers.get('location')).toBe(`${dashboard}/remind`);
    const step = await (await operator.request('GET', `${dashboard}/remind`)).text();
    expect(step).toContain('将向 2 个单位发送催报邮件');
    expect(step).toContain('2 units will get a reminder mail');
    expect(step).toContain('之后 24 小时内不能再次全部催报');
    expect(step).toMatch(/<input type="hidden" name="confirmed" value="yes">/);
    expect(step).toContain(`href="/campaigns/${year}/units/12"`);
    expect(stack.sink.messages()).toEqual([]);

    const after = await follow(operator, await operator.form(`${dashboard}/remind`, { confirmed: 'yes' }));
    expect(after).toContain('已催报 2 个单位，无需催报 1 个，失败 0 个');
    expect(after).toContain('2 reminded, 1 not due, 0 failed');
    const offices = await eventually(
      async () => {
        const to = stack.sink
          .messages()
          .filter((m) => (m.headers.key ?? '').includes('/plan/operator-reminder-'))
          .flatMap((m) => m.to);
        return to.length >= 2 ? to : undefined;
      },
      30_000,
      'the reminders in the sink',
    );
    expect(offices.sort()).toEqual(['wanlixing@bj.ipa.example', 'wanlixing@tj.ipa.example']);
    // Read once: the next page has no notice; the list and the tiles say who reminded them, and when.
    const listed = await (await operator.request('GET', dashboard)).text();
    expect(listed).not.toContain('已催报');
    const today = dateTimeWords(harness.clock.now).zh.slice(0, -6);
    expect(listed).toContain(`上次催报 ${today}`); // a tile's line
    expect(listed).toMatch(
      new RegExp(`<td><span class="zh">${today} \\d{2}:\\d{2}</span>.*· operator-zhang</span></td>`),
    );
  });

  it('refuses a second remind-all within the interval, saying when the next is allowed, on the page and the API', async () => {
    const step = await (await operator.request('GET', `${dashboard}/remind`)).text();
    expect(step).toContain('operator-zhang 已于');
    expect(step).toContain('下次全部催报须在');
    expect(step).toContain('the next remind-all is allowed after');
    expect(step).not.toContain('name="confirmed"');
    stack.sink.clear();
    const after = await follow(operator, await operator.form(`${dashboard}/remind`, { confirmed: 'yes' }));
    expect(after).toContain('未发送：operator-zhang 已于');
    expect(after).toContain('Not sent. Everyone was reminded by operator-zhang');
    const api = await operator.request('POST', `/api/campaigns/${year}/remind`, {});
    expect(api.status).toBe(409);
    expect(await api.json()).toMatchObject({ type: 'urn:wanlixing:problem:too-soon' });
    await harness.web.settled();
    expect(stack.sink.messages().filter((m) => (m.headers.key ?? '').includes('operator-reminder'))).toEqual(
      [],
    );
  });

  it('reminds one unit and goes back to the page the form names, or to the dashboard', async () => {
    const unitPage = `/campaigns/${year}/units/12`;
    const response = await operator.form(`${unitPage}/remind`, { back: unitPage });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(unitPage);
    const notice = await (await operator.request('GET', dashboard)).text();
    expect(notice).toContain('12 天津市知识产权局：已催报 1 个单位');
    const elsewhere = await operator.form(`${unitPage}/remind`, { back: 'https://evil.example/' });
    expect(elsewhere.headers.get('location')).toBe(dashboard);
  });

  it('refuses too few key regions with the field named as the form labels it, then takes a good choice', async () => {
    const path = `${dashboard}/key-regions`;
    const refused = await postForm(operator, path, [
      ['regions', '11'],
      ['exchangeHosts', '中关村知识产权服务业集聚区'],
    ]);
    expect(refused.status).toBe(422);
    const form = await refused.text();
    expect(form).toContain('重点指导地区（3–4 个）');
    expect(form).toContain('choose 3 or 4 regions for key guidance');
    expect(form).toMatch(/value="11"\s+checked/); // the choice is kept

    const host = '中关村知识产权服务业集聚区';
    const page = await follow(
      operator,
      await postForm(operator, path, [
        ['regions', '11'],
        ['regions', '12'],
        ['regions', '13'],
        ['exchangeHosts', host],
        ['exchangeHosts', ''],
      ]),
    );
    expect(page).toContain('已确定重点指导地区');
    expect(page).toContain(`<dd>${host}</dd>`);
    expect((await campaignStatus(stack.client, year)).keyRegions).toEqual({
      regions: codes,
      exchangeHosts: [host],
    });
  });

  it('downloads the national workbooks and report as real files', async () => {
    const workbook = await viewer.request('GET', `${dashboard}/exports/demands`);
    expect(workbook.status).toBe(200);
    expect(workbook.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(workbook.headers.get('content-disposition')).toBe(
      `attachment; filename="${year}-flagged-demands.xlsx"`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await workbook.arrayBuffer());
    expect(book.worksheets.length).toBeGreaterThan(0);

    const report = await viewer.request('GET', `${dashboard}/exports/report`);
    expect(report.headers.get('content-disposition')).toBe(
      `attachment; filename="${year}-national-report.docx"`,
    );
    const bytes = Buffer.from(await report.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a .docx is a zip
    // The English edition is a download of its own.
    const english = await viewer.request('GET', `${dashboard}/exports/reportEn`);
    expect(english.headers.get('content-disposition')).toBe(
      `attachment; filename="${year}-national-report-en.docx"`,
    );
    expect(
      Buffer.from(await english.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect(await (await viewer.request('GET', dashboard)).text()).toContain('National report in English');
  });

  it('filters and sorts the tiles and the not-submitted list by the address, and downloads the same list', async () => {
    const tiles = (page: string) =>
      [...page.matchAll(/class="tile s-\w+" href="\/campaigns\/\d+\/units\/(\d+)"/g)].map((m) => m[1]);
    const owing = (page: string) =>
      [
        ...(page.split('id="not-submitted"')[1] ?? '').matchAll(
          /<td class="unit"><a href="\/campaigns\/\d+\/units\/(\d+)"/g,
        ),
      ].map((m) => m[1]);
    const all = await (await viewer.request('GET', dashboard)).text();
    expect(tiles(all)).toEqual(['11', '12', '13']); // the official order
    expect(all).toContain('<form class="filters" method="get"');
    const complete = await (await viewer.request('GET', `${dashboard}?standing=complete`)).text();
    expect(tiles(complete)).toEqual(['13']);
    expect(complete).toContain('显示 1 / 3 个单位');
    expect(complete).toMatch(/<option value="complete" selected>/);
    const tianjin = await (
      await viewer.request('GET', `${dashboard}?q=${encodeURIComponent('天津')}`)
    ).text();
    expect(tiles(tianjin)).toEqual(['12']);
    expect(owing(tianjin)).toEqual(['12']);
    const reversed = await (
      await viewer.request('GET', `${dashboard}?sort=code&order=desc&standing=`)
    ).text();
    expect(tiles(reversed)).toEqual(['13', '12', '11']);
    expect(owing(reversed)).toEqual(['12', '11']);
    expect(reversed).toContain(`href="/campaigns/${year}/unit-list/export?sort=code&amp;order=desc"`);
    // An unknown standing names the parameter.
    expect((await viewer.request('GET', `${dashboard}?standing=late`)).status).toBe(422);

    const file = await viewer.request('GET', `/campaigns/${year}/unit-list/export?sort=code&order=desc`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="wanlixing-${year}-units.xlsx"`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await file.arrayBuffer());
    const sheet = book.worksheets[0];
    const codes: string[] = [];
    sheet?.eachRow((row, n) => {
      if (n >= 5 && row.getCell(1).value) codes.push(String(row.getCell(1).value));
    });
    expect(codes).toEqual(['13', '12', '11']);
    const reminded = sheet?.getRow(6); // Tianjin: reminded by the operator above
    expect(reminded?.getCell(9).value).toBe('operator-zhang');
    expect(String(reminded?.getCell(8).value)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('is not for units: a unit signed in gets 403', async () => {
    const unit = await signInUnit(harness, stack.sink, '11', 'wanlixing@bj.ipa.example');
    const response = await unit.request('GET', dashboard);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('无权访问');
  });
});
