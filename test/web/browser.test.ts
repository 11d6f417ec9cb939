// The web as its people use it, in Chromium over HTTP: a liaison signs in from the link in the mail the sink
// received, downloads the template, uploads a file with errors and sees them, uploads a good one and sees
// the state change; an operator sees the late units in red, reminds them all, overrides a match and
// confirms. The campaign is five days past the plan deadline (May 30). Screenshots of the main pages go to
// WLX_SCREENSHOTS (`npm run screenshots` writes docs/screens/), else to a temporary folder.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentReview } from '../../client/operations/matchingReview.ts';
import { firstDataRow } from '../../client/operations/spreadsheets/tableSheet.ts';
import { demandSheet } from '../../domain/spreadsheets/annexes/demandList.ts';
import { itemToRow } from '../../domain/spreadsheets/itemToRow.ts';
import { campaignStatus } from '../../reads/campaignStatus.ts';
import { fillRows, loadWorkbook, toBuffer } from '../operations/spreadsheets/support.ts';
import { chromiumMissing, chromiumPath } from '../support/chromium.ts';
import { eventually } from '../support/eventually.ts';
import type { LocalStack } from '../support/localCampaign.ts';
import { sampleDemandList } from '../support/samples.ts';
import { type WebInChromium, webInChromium } from './inChromium.ts';
import type { WebHarness } from './support.ts';

if (!chromiumPath) console.warn(chromiumMissing);

const year = new Date().getUTCFullYear() + 7;
const units = ['11', '12', '13', '14', '31', '44'];
const beijingOffice = 'wanlixing@bj.ipa.example';
const tianjinOffice = 'wanlixing@tj.ipa.example';

let stack: LocalStack;
let harness: WebHarness;
let web: WebInChromium;
let origin: string;
let chromium: Browser;
let shots: string;
let scratch: string;

/** A full-page screenshot, 1280 wide, as a person would see the page. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

describe.skipIf(!chromiumPath)('the web in Chromium', () => {
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'wlx-browser-'));
    shots = process.env.WLX_SCREENSHOTS ?? join(scratch, 'screens');
    await mkdir(shots, { recursive: true });
    process.env.DOCUMENT_DIR = join(scratch, 'documents');
    // Shanghai's and Guangdong's plans are in, late: the grid has units done beside the late ones.
    web = await webInChromium({
      year,
      units,
      handedIn: ['31', '44'],
      operator: { name: 'operator-zhang', password: 'operator password 1' },
    });
    ({ stack, harness, origin, chromium } = web);
  }, 180_000);

  afterAll(async () => {
    await web?.close();
    delete process.env.DOCUMENT_DIR;
    await rm(scratch, { recursive: true, force: true });
  });

  it('a liaison signs in from the mailed link, is shown a bad upload’s errors, and sees a good one taken', async () => {
    const context = await chromium.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${origin}/sign-in`);
    await shoot(page, 'sign-in');
    await page.selectOption('#unitCode', '11');
    await page.getByRole('button', { name: /发送登录链接/ }).click();
    await expect.poll(() => page.textContent('h1')).toContain('请查收邮件');

    await harness.web.settled();
    const mail = stack.sink.messages().findLast((m) => m.to.includes(beijingOffice));
    const link = mail?.text.match(/https?:\/\/\S+\/sign-in\/link\/[\w-]{43}/)?.[0];
    expect(link, 'the sign-in link in the mail').toBeDefined();
    await page.goto(link as string);
    await page.getByRole('button', { name: /登录/ }).click();
    await page.waitForURL(`${origin}/campaigns/${year}/units/11`);
    // Five days past the plan deadline and nothing in: the badge is an escalation colour, not "on time".
    await expect
      .poll(() => page.getAttribute('.unit-page .badge', 'class'))
      .toMatch(/s-(overdue|urging|supervision)/);
    await shoot(page, 'unit-page');

    const downloading = page.waitForEvent('download');
    await page.locator(`a[href$="/templates/demands"]`).click();
    const template = await (await downloading).path();
    const workbook = await loadWorkbook(new Uint8Array(await readFile(template)));
    expect(String(workbook.getWorksheet('需求清单')?.getCell('A2').value)).toContain('北京');

    const rows = sampleDemandList().items.map((item) => itemToRow(demandSheet, item));
    const bad = rows.map((row) => [...row]);
    (bad[0] as unknown[])[demandSheet.columns.findIndex((c) => c.key === 'entity.name')] = null;
    const upload = async (name: string, filled: unknown[][]) => {
      const sheet = await loadWorkbook(new Uint8Array(await readFile(template)));
      fillRows(sheet.getWorksheet('需求清单') as ExcelJS.Worksheet, firstDataRow, filled as never);
      const file = join(scratch, name);
      await writeFile(file, await toBuffer(sheet));
      const form = page.locator('form#demands');
      await form.locator('input[type=file]').setInputFiles(file);
      await form.getByRole('button', { name: /上传并报送/ }).click();
      await page.waitForLoadState();
    };
    await upload('需求清单-有误.xlsx', bad);
    const errors = page.locator('table.sheet-errors');
    await expect.poll(() => errors.isVisible()).toBe(true);
    expect(await errors.textContent()).toContain('需求主体名称');
    await shoot(page, 'upload-errors');

    await upload('需求清单.xlsx', rows);
    await expect.poll(() => page.locator('.notice').textContent()).toContain('需求清单已报送');
    expect(await page.textContent('body')).toContain('BJ-001');
    const status = await campaignStatus(stack.client, year);
    expect(status.units.find((u) => u.unitCode === '11')?.missing).toEqual(['workPlan']);
    await context.close();
  });

  it('an operator sees the late units in red, reminds them all, overrides a match and confirms', async () => {
    const context = await chromium.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${origin}/campaigns/${year}`);
    await page.waitForURL(/\/sign-in\?next=/);
    await page.fill('#name', 'operator-zhang');
    await page.fill('#password', 'operator password 1');
    await page.getByRole('button', { name: /^登录/ }).click();
    await page.waitForURL(`${origin}/campaigns/${year}`);

    // Tianjin has sent nothing, five days late: its tile is red (催办 or 督办), as a person sees it.
    const tianjin = page.locator(`.grid a.tile[href$="/units/12"]`);
    expect(await tianjin.getAttribute('class')).toMatch(/s-(urging|supervision)/);
    // Runs in the page, where the DOM's getComputedStyle exists (this project's types have no DOM).
    type Window = { getComputedStyle(e: unknown): { backgroundColor: string } };
    const red = await tianjin.evaluate(
      (tile) => (globalThis as unknown as Window).getComputedStyle(tile).backgroundColor,
    );
    const [r = 0, g = 0, b = 0] = red.match(/\d+/g)?.map(Number) ?? [];
    expect(r, `Tianjin's tile is ${red}`).toBeGreaterThan(200);
    expect(Math.max(g, b), `Tianjin's tile is ${red}`).toBeLessThan(170);
    expect(await page.locator(`.grid a.tile[href$="/units/31"]`).getAttribute('class')).toContain(
      's-complete',
    );
    await shoot(page, 'dashboard');

    const before = stack.sink.messages().filter((m) => m.to.includes(tianjinOffice)).length;
    await page.getByRole('link', { name: /催报全部未报单位/ }).click();
    await page.waitForURL(`${origin}/campaigns/${year}/remind`);
    expect(await page.locator('.confirm-step .what').textContent()).toMatch(/将向 \d+ 个单位发送催报邮件/);
    await shoot(page, 'remind-all-step');
    await page.getByRole('button', { name: /确认向 \d+ 个单位催报/ }).click();
    await expect.poll(() => page.locator('.notice').textContent()).toMatch(/已催报 \d+ 个单位/);
    await eventually(
      async () =>
        stack.sink.messages().filter((m) => m.to.includes(tianjinOffice)).length > before || undefined,
      30_000,
      "the reminder in Tianjin's mailbox",
    );

    // A unit's page as the operator sees it: before returning anything, what the return would leave due.
    await page.goto(`${origin}/campaigns/${year}/units/11`);
    expect(await page.locator('#return-deadlines').textContent()).toMatch(
      /今天退回，新的截止日期：工作方案和需求清单 \d{4}年\d{1,2}月\d{1,2}日，总结 \d{4}年\d{1,2}月\d{1,2}日/,
    );
    await shoot(page, 'unit-page-operator');

    await page.goto(`${origin}/campaigns/${year}/matching`);
    await page.getByRole('button', { name: /生成匹配建议|重新生成建议/ }).click();
    const row = page.locator('tr', { hasText: 'BJ-001' });
    await expect.poll(() => row.count()).toBe(1);
    await row.locator('summary', { hasText: '调整' }).click();
    // The field offers the page's one list of resources; the row names its alternates, the first taken here.
    const choice = row.locator('input[name=resourceId]');
    expect(await choice.getAttribute('list')).toBe('resource-options');
    const other = await row.locator('[id^="alt-"] code').first().textContent();
    expect(await page.locator(`#resource-options option[value="${other}"]`).textContent()).toMatch(
      /剩余 \d+\/\d+/,
    );
    await choice.fill(other as string);
    await row.getByRole('button', { name: /改配/ }).click();
    await expect
      .poll(() => page.locator('tr', { hasText: 'BJ-001' }).textContent())
      .toContain('operator-zhang');
    expect(await page.locator('tr', { hasText: 'BJ-001' }).textContent()).toContain('调整');
    // The filter is a plain GET form: the address says what the page shows, and an action comes back to it.
    await page.locator('#f-status').selectOption('overridden');
    await page.getByRole('button', { name: /筛选/ }).click();
    await expect.poll(() => page.url()).toMatch(/\/matching\?unit=&status=overridden$/);
    expect(await page.locator('tr[id^="d-"]').allTextContents()).toEqual([expect.stringContaining('BJ-001')]);
    await page.getByRole('button', { name: /确认匹配结果/ }).click();
    await page.waitForURL(/\/matching\/confirm\?status=overridden$/);
    await shoot(page, 'matching-confirm-step');
    await page.getByRole('button', { name: /确认，发给 \d+ 个单位/ }).click();
    await expect.poll(() => page.textContent('body')).toContain('已确认');
    expect(page.url()).toMatch(/\/matching\?status=overridden$/);
    await page
      .getByRole('link', { name: /清除筛选/ })
      .first()
      .click();
    await shoot(page, 'matching');
    const review = await currentReview(stack.client, year);
    expect(review?.confirmed?.by).toBe('operator-zhang');
    expect(review?.decisions.find((d) => d.demandId === 'BJ-001')).toMatchObject({
      status: 'overridden',
      resourceId: other,
    });
    await context.close();
  });
});
