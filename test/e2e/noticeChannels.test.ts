// A real year's notices on every channel: with unit 11's WeCom and DingTalk robots configured, its launch
// notice and an operator's reminder reach its e-mail and both robots exactly once each, unit 12 (no robots)
// gets e-mail alone, and the unit's page says which robots are configured without showing any address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remindUnits } from '../../client/operations/remindUnits.ts';
import type { UnitRobots } from '../../infra/channels/robotsFile.ts';
import { campaignStatus } from '../../reads/campaignStatus.ts';
import { eventually } from '../support/eventually.ts';
import { type LocalStack, localStack, startSurveyingCampaign } from '../support/localCampaign.ts';
import { type RobotServer, startRobotServer } from '../support/robotServer.ts';
import { addOperator, Browser, type WebHarness, webHarness } from '../web/support.ts';

const year = new Date().getUTCFullYear() + 7;

let robots: RobotServer;
let stack: LocalStack;
let harness: WebHarness;

beforeAll(async () => {
  robots = await startRobotServer();
  const unitRobots: UnitRobots = new Map([
    [
      '11',
      [
        { platform: 'wecom', url: robots.wecom('wecom-beijing') },
        { platform: 'dingtalk', url: robots.dingtalk('ding-beijing', 'SEC-beijing'), secret: 'SEC-beijing' },
      ],
    ],
  ]);
  stack = await localStack({ robots: unitRobots });
  await startSurveyingCampaign(stack.client, year, ['11', '12']);
  // As the web reads the robots file: the platforms only.
  harness = await webHarness({
    sink: stack.sink,
    client: stack.client,
    robots: new Map([['11', ['wecom', 'dingtalk']]]),
  });
}, 180_000);

afterAll(async () => {
  await harness?.close();
  await stack?.stop();
  await robots?.close();
});

/** The titles each robot showed, in order. */
const titles = () => robots.posts().map((post) => `${post.platform}: ${post.markdown.split('\n')[0]}`);

/** The sink's mails to an address, by subject. */
const mailsTo = (address: string) =>
  stack.sink
    .messages()
    .filter((mail) => mail.to.includes(address))
    .map((mail) => mail.subject);

/** The channels section's row of one platform. */
function channelRow(page: string, platform: string): string {
  return new RegExp(`data-channel="${platform}">([\\s\\S]*?)</tr>`).exec(page)?.[1] ?? '';
}

describe('notice channels in a running year', () => {
  it('brings the launch notice and a reminder to e-mail and both robots of unit 11, once each', async () => {
    await eventually(
      async () => (robots.posts().length >= 2 ? true : undefined),
      60_000,
      'the launch on both robots',
    );
    const overview = await campaignStatus(stack.client, year);
    const beijing = overview.units.filter((unit) => unit.unitCode === '11');
    const [outcome] = await remindUnits(stack.client, year, beijing);
    expect(outcome?.outcome).toBe('reminded');
    await eventually(
      async () => (robots.posts().length >= 4 ? true : undefined),
      60_000,
      'the reminder on both robots',
    );
    // Time for a duplicate to show, had one been sent.
    await new Promise((done) => setTimeout(done, 2000));

    expect(titles()).toEqual([
      expect.stringMatching(/^wecom: \*\*【\d+年知识产权服务万里行】活动启动通知\*\*/),
      expect.stringMatching(/^dingtalk: \*\*【\d+年知识产权服务万里行】活动启动通知\*\*/),
      expect.stringMatching(/^wecom: \*\*【\d+年知识产权服务万里行】提醒：/),
      expect.stringMatching(/^dingtalk: \*\*【\d+年知识产权服务万里行】提醒：/),
    ]);
    for (const post of robots.posts())
      expect(post.markdown).toContain(`(http://web.test/campaigns/${year}/units/11)`);
    const beijingMail = mailsTo('wanlixing@bj.ipa.example');
    expect(beijingMail.filter((subject) => subject.includes('活动启动通知'))).toHaveLength(1);
    expect(beijingMail.filter((subject) => subject.includes('提醒'))).toHaveLength(1);
    // No platform had to refuse anything.
    expect(robots.answers()).toEqual([]);
  }, 180_000);

  it("shows on the unit's page which robots are configured, never their addresses", async () => {
    await addOperator(harness.store, 'operator-li', 'operator', 'operator password 1');
    const operator = await new Browser(harness.web).start();
    expect((await operator.signInWithPassword('operator-li', 'operator password 1')).status).toBe(200);
    const page = await (await operator.request('GET', `/campaigns/${year}/units/11`)).text();
    expect(channelRow(page, 'wecom')).toMatch(/企业微信群机器人[\s\S]*已配置/);
    expect(channelRow(page, 'dingtalk')).toMatch(/钉钉自定义机器人[\s\S]*已配置/);
    expect(channelRow(page, 'feishu')).toMatch(/飞书自定义机器人[\s\S]*未配置/);
    // The operator's mail history: the reminder reached both robots too.
    expect(page).toMatch(/<small class="robots">[\s\S]*?及企业微信群机器人、钉钉自定义机器人/);
    expect(page).not.toContain('wecom-beijing');
    expect(page).not.toContain('SEC-beijing');
    const other = await (await operator.request('GET', `/campaigns/${year}/units/12`)).text();
    expect(channelRow(other, 'wecom')).toMatch(/未配置/);
  }, 60_000);
});
