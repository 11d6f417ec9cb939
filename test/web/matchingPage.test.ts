// The matching review page on a real campaign: a viewer reads it, an operator proposes, overrides, is told
// what the workflow refused by the field's label, and confirms; a unit may not see it.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentReview } from '../../client/operations/matchingReview.ts';
import { defaultCatalogue } from '../../domain/defaultCatalogue.ts';
import { defaultRegistry } from '../../domain/defaultRegistry.ts';
import { submitDemandListUpdate, unitWorkflowId } from '../../workflows/shared/messages.ts';
import { eventually } from '../support/eventually.ts';
import { type LocalStack, localStack, startSurveyingCampaign } from '../support/localCampaign.ts';
import { sampleDemandList } from '../support/samples.ts';
import { addOperator, Browser, signInUnit, type WebHarness, webHarness } from './support.ts';

const year = new Date().getUTCFullYear() + 6;
const page = `/campaigns/${year}/matching`;
const catalogue = defaultCatalogue(defaultRegistry());
const nameOf = (id: string) => catalogue.resources.find((r) => r.id === id)?.nameZh ?? id;

let stack: LocalStack;
let harness: WebHarness;
let viewer: Browser;
let operator: Browser;
let unit: Browser;

async function signIn(name: string, password: string): Promise<Browser> {
  const browser = await new Browser(harness.web).start();
  expect((await browser.signInWithPassword(name, password)).status).toBe(200);
  return browser;
}

/** Posts a form of the page and follows the redirect back to it, as a browser does. */
async function submit(browser: Browser, segment: string, fields: Record<string, string> = {}) {
  const posted = await browser.form(`${page}/${segment}`, fields);
  expect(posted.status, await posted.text()).toBe(303);
  expect(posted.headers.get('location')).toBe(page);
  return (await browser.request('GET', page)).text();
}

const row = (html: string, id: string) => html.match(new RegExp(`<tr id="${id}">[\\s\\S]*?</tr>`))?.[0] ?? '';
const notice = (html: string) =>
  html.match(/<div class="notice[^"]*" role="status">[\s\S]*?<\/div>/)?.[0] ?? '';

beforeAll(async () => {
  stack = await localStack();
  await startSurveyingCampaign(stack.client, year, ['11', '12'], { withCatalogue: true });
  harness = await webHarness({ sink: stack.sink, client: stack.client });
  await addOperator(harness.store, 'viewer-li', 'viewer', 'viewer password 1');
  await addOperator(harness.store, 'operator-zhang', 'operator', 'operator password 1');
  viewer = await signIn('viewer-li', 'viewer password 1');
  operator = await signIn('operator-zhang', 'operator password 1');
  unit = await signInUnit(harness, stack.sink, '11', 'wanlixing@bj.ipa.example');
  const demands = JSON.parse(await readFile('examples/demand-list.json', 'utf8'));
  const taken = await unit.request('POST', `/api/campaigns/${year}/units/11/demands`, demands);
  expect(taken.status, await taken.text()).toBe(200);
  await eventually(
    async () => {
      const status = (await (await viewer.request('GET', `/api/campaigns/${year}`)).json()) as {
        units: { unitCode: string; flaggedDemandIds: unknown[] }[];
      };
      return status.units.find((u) => u.unitCode === '11' && u.flaggedDemandIds.length > 0);
    },
    30_000,
    "the campaign to hear of 11's flagged demand",
  );
}, 180_000);

afterAll(async () => {
  await harness?.close();
  await stack?.stop();
});

describe('the matching review page', () => {
  it('says there is no proposal yet, with the propose button for operators only', async () => {
    const read = await viewer.request('GET', page);
    expect(read.status).toBe(200);
    const html = await read.text();
    expect(html).toContain('尚无匹配建议');
    expect(html).not.toContain('<form method="post" action="/campaigns');
    expect(html).not.toContain(`${page}/propose`);
    expect(await (await operator.request('GET', page)).text()).toContain(`action="${page}/propose"`);
  });

  it("shows the operator's proposal: the demand, the proposed resource by name, and why", async () => {
    const html = await submit(operator, 'propose');
    expect(notice(html)).toContain('已生成匹配建议');
    const review = await currentReview(stack.client, year);
    const decision = review?.decisions.find((d) => d.demandId === 'BJ-001');
    expect(decision?.proposedResourceId).toBeTruthy();
    const shown = row(html, 'd-11-BJ-001');
    expect(shown).toContain('北京某新材料科技有限公司');
    expect(shown).toContain(nameOf(decision?.proposedResourceId as string));
    expect(shown).toContain(decision?.reason.zh);
    expect(shown).toContain('建议');
    expect(html).toContain('operator-zhang');
    expect(shown).toContain(`action="${page}/override"`);
  });

  it('shows a viewer the proposal without any form', async () => {
    const html = await (await viewer.request('GET', page)).text();
    expect(row(html, 'd-11-BJ-001')).toContain('北京某新材料科技有限公司');
    expect(html).not.toMatch(/<form method="post" action="\/campaigns/);
    expect(html).not.toContain('name="resourceId"');
  });

  it("overrides a match with another resource, kept under the operator's account", async () => {
    const review = await currentReview(stack.client, year);
    const decision = review?.decisions.find((d) => d.demandId === 'BJ-001');
    const other = decision?.alternates[0];
    expect(other, 'the optimiser lists an alternate').toBeTruthy();
    const html = await submit(operator, 'override', {
      unitCode: '11',
      demandId: 'BJ-001',
      resourceId: other as string,
      note: '专家时间更合适',
    });
    expect(notice(html)).toContain('已调整 11/BJ-001');
    const shown = row(html, 'd-11-BJ-001');
    expect(shown).toContain('调整');
    expect(shown).toContain('overridden');
    expect(shown).toContain('operator-zhang');
    expect(shown).toContain(nameOf(other as string));
    expect(shown).toContain('专家时间更合适');
  });

  it('shows operators the catalogue with what the review leaves of each resource, and offers it once a page', async () => {
    const review = await currentReview(stack.client, year);
    const used = (id: string) => review?.decisions.filter((d) => d.resourceId === id).length ?? 0;
    const taken = review?.decisions.find((d) => d.demandId === 'BJ-001')?.resourceId as string;
    const resource = catalogue.resources.find((r) => r.id === taken);
    const left = `剩余 ${(resource?.capacity ?? 0) - used(taken)}/${resource?.capacity}`;

    const read = await operator.request('GET', `${page}/catalogue`);
    expect(read.status).toBe(200);
    const html = await read.text();
    expect(html.match(/<tr id="r-/g)).toHaveLength(catalogue.resources.length);
    const shown = html.match(new RegExp(`<tr id="r-${taken}">[\\s\\S]*?</tr>`))?.[0] ?? '';
    expect(shown).toContain(resource?.nameZh);
    expect(shown).toContain(`<td class="num">${resource?.capacity}</td><td class="num">${used(taken)}</td>`);
    expect(html).toContain(
      `按目前的匹配建议与审核已分配 ${review?.decisions.filter((d) => d.resourceId).length} 项`,
    );

    // This year's pairings as the review stands, under the history's heading.
    const pairing = review?.pairings.find((p) => p.unitCode === '11');
    const history = html.match(/<tr id="h-11">[\s\S]*?<\/tr>/)?.[0] ?? '';
    expect(html).toContain('一对一对口历史');
    expect(history).toContain(nameOf(pairing?.resourceId as string));
    expect(history).toContain('<td class="num">1</td>');

    const reviewPage = await (await operator.request('GET', page)).text();
    expect(reviewPage).toContain(`href="${page}/catalogue"`);
    expect(reviewPage.match(/<datalist /g)).toHaveLength(1);
    expect(reviewPage).toContain(`<option value="${taken}">${resource?.nameZh}`);
    expect(reviewPage).toContain(left);
    expect(row(reviewPage, 'd-11-BJ-001')).toContain('list="resource-options"');
    expect(await (await viewer.request('GET', page)).text()).not.toContain(`${page}/catalogue`);
  });

  it('keeps the catalogue page to operators', async () => {
    expect((await viewer.request('GET', `${page}/catalogue`)).status).toBe(403);
    expect((await unit.request('GET', `${page}/catalogue`)).status).toBe(403);
  });

  it('tells what the workflow refused, naming the field as the page labels it', async () => {
    const unknown = notice(
      await submit(operator, 'override', { unitCode: '11', demandId: 'BJ-001', resourceId: 'no-such' }),
    );
    expect(unknown).toContain('problem');
    expect(unknown).toContain('改配资源');
    expect(unknown).toContain('Other resource');
    expect(unknown).toContain('unknown resource');
    const noReason = notice(
      await submit(operator, 'reject', { unitCode: '11', demandId: 'BJ-001', reason: ' ' }),
    );
    expect(noReason).toContain('退回理由');
    expect(noReason).toContain('say why');
  });

  it('confirms, and shows by whom; only confirmed matches go out', async () => {
    const before = await (await operator.request('GET', page)).text();
    expect(before).toContain('只有已确认的匹配和对口');
    // Confirming sends to many units: the button leads to a step that says how many, and nothing is confirmed yet.
    const unconfirmed = await operator.form(`${page}/confirm`, {});
    expect(unconfirmed.headers.get('location')).toBe(`${page}/confirm`);
    expect((await currentReview(stack.client, year))?.confirmed).toBeFalsy();
    const step = await (await operator.request('GET', `${page}/confirm`)).text();
    expect(step).toMatch(/确认后，\d+ 项匹配和 \d+ 个对口将于匹配阶段结束时发给 \d+ 个单位及相关资源方/);
    expect(step).toMatch(/Once confirmed, \d+ match(es)? and \d+ partners? go out to \d+ units?/);
    expect(step).toContain(`href="${page}"`); // cancel: back to the review
    const html = await submit(operator, 'confirm', { confirmed: 'yes' });
    expect(notice(html)).toContain('已确认');
    expect(html).toMatch(/已由 operator-zhang 于 \d{4}年\d{1,2}月\d{1,2}日 [\d:]+ 确认/);
    expect(html).not.toContain(`action="${page}/confirm"`);
    expect((await currentReview(stack.client, year))?.confirmed?.by).toBe('operator-zhang');
  });

  it('refuses a unit, to read or to act', async () => {
    expect((await unit.request('GET', page)).status).toBe(403);
    expect((await unit.form(`${page}/confirm`, {})).status).toBe(403);
  });
});

describe('the matching review page of a large review', () => {
  // Another year, where Tianjin flags 130 demands: more than one page of a hundred.
  const big = year + 1;
  const bigPage = `/campaigns/${big}/matching`;
  const rowIds = (html: string) => [...html.matchAll(/<tr id="d-12-([^"]+)">/g)].map((m) => m[1]);
  const flagged = sampleDemandList().items.find((i) => i.needsCnipaCoordination);
  const items = Array.from({ length: 130 }, (_, i) => ({
    ...flagged,
    id: `TJ-${String(i + 1).padStart(3, '0')}`,
  }));
  const get = async (path: string) => {
    const answer = await operator.request('GET', path);
    expect(answer.status, path).toBe(200);
    return answer.text();
  };

  beforeAll(async () => {
    await startSurveyingCampaign(stack.client, big, ['12'], { withCatalogue: true });
    await stack.client.workflow
      .getHandle(unitWorkflowId(big, '12'))
      .executeUpdate(submitDemandListUpdate, { args: [{ items }] });
    await eventually(
      async () => {
        const status = (await (await operator.request('GET', `/api/campaigns/${big}`)).json()) as {
          units: { unitCode: string; flaggedDemandIds: unknown[] }[];
        };
        return status.units.find((u) => u.flaggedDemandIds.length === 130);
      },
      30_000,
      "the campaign to hear of Tianjin's 130 flagged demands",
    );
    expect((await operator.form(`${bigPage}/propose`, {})).status).toBe(303);
  }, 120_000);

  it('shows a hundred decisions a page, and the pager to the rest', async () => {
    const first = await get(bigPage);
    // One list of the catalogue for the page's override fields, not one per row: 1.15 MB had been 0.47.
    expect(first.match(/<datalist /g)).toHaveLength(1);
    expect(Buffer.byteLength(first)).toBeLessThan(600_000);
    expect(rowIds(first)).toEqual(items.slice(0, 100).map((i) => i.id));
    expect(first).toContain('第 1 / 2 页');
    expect(first).toContain('第 1–100 项，共 130 项');
    expect(first).toContain(`href="${bigPage}?page=2" rel="next"`);
    expect(first).not.toContain('rel="prev"');
    // The overview still counts the whole review.
    expect(first).toContain('共 130 项');
    const second = await get(`${bigPage}?page=2`);
    expect(rowIds(second)).toEqual(items.slice(100).map((i) => i.id));
    expect(second).toContain(`href="${bigPage}" rel="prev"`);
    expect(rowIds(await get(`${bigPage}?page=9`))).toEqual(rowIds(second));
  });

  it('brings the operator back to the page and filter the form was sent from', async () => {
    const second = await get(`${bigPage}?page=2`);
    expect(second).toContain(`action="${bigPage}/reject?page=2"`);
    const posted = await operator.form(`${bigPage}/reject?page=2`, {
      unitCode: '12',
      demandId: 'TJ-120',
      reason: '需求重复',
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe(`${bigPage}?page=2`);
    const rejected = await get(`${bigPage}?status=rejected`);
    expect(rowIds(rejected)).toEqual(['TJ-120']);
    expect(rejected).toContain('<option value="rejected" selected>');
    expect(rejected).toContain('第 1–1 项，共 1 项');
    expect(rejected).toContain(`action="${bigPage}/override?status=rejected"`);
    expect(rowIds(await get(`${bigPage}?unit=12&status=proposed&page=2`))).toHaveLength(29);
    expect(await get(`${bigPage}?unit=11`)).toContain('没有符合条件的需求');
  });

  it('answers the API with the demands a query selects, and the whole review without one', async () => {
    type Answer = { review: { decisions: { demandId: string }[] }; shown?: unknown };
    const read = async (query: string) => {
      const answer = await operator.request('GET', `/api/campaigns/${big}/matching${query}`);
      expect(answer.status, query).toBe(200);
      return (await answer.json()) as Answer;
    };
    const second = await read('?page=2');
    expect(second.review.decisions.map((d) => d.demandId)).toEqual(items.slice(100).map((i) => i.id));
    expect(second.shown).toEqual({ page: 2, pages: 2, matching: 130, from: 101 });
    const whole = await read('');
    expect(whole.review.decisions).toHaveLength(130);
    expect(whole).not.toHaveProperty('shown');
    expect((await read('?unit=12')).review.decisions).toHaveLength(130);
    const refused = await operator.request('GET', `/api/campaigns/${big}/matching?status=maybe`);
    expect(refused.status).toBe(422);
    expect(JSON.stringify(await refused.json())).toContain('status');
  });

  it('names the part of the address that is wrong', async () => {
    const answer = await operator.request('GET', `${bigPage}?page=0`);
    expect(answer.status).toBe(422);
    const html = await answer.text();
    expect(html).toContain('page');
    expect(html).toContain('query parameters');
  });
});
