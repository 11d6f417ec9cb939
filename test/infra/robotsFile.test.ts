// The robots file: addresses and secrets written in it or named as environment variables, checked at the
// worker's start with errors that name the field; the web reads only which platforms are configured.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configuredRobots, loadRobotsFile } from '../../infra/channels/robotsFile.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wlx-robots-file-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

const yaml = `units:
  "44":
    wecom:
      url: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc
    dingtalk:
      url: { env: DINGTALK_44_URL }
      secret: { env: DINGTALK_44_SECRET }
  "3702":
    feishu:
      url: https://open.feishu.cn/open-apis/bot/v2/hook/xyz
`;

describe('the robots file', () => {
  it('reads each unit’s robots, taking values named as environment variables from the environment', async () => {
    const robots = await loadRobotsFile(await file('robots.yaml', yaml), {
      DINGTALK_44_URL: 'https://oapi.dingtalk.com/robot/send?access_token=t44',
      DINGTALK_44_SECRET: 'SECabc',
    });
    expect(robots.get('44')).toEqual([
      { platform: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc' },
      {
        platform: 'dingtalk',
        url: 'https://oapi.dingtalk.com/robot/send?access_token=t44',
        secret: 'SECabc',
      },
    ]);
    expect(robots.get('3702')).toEqual([
      { platform: 'feishu', url: 'https://open.feishu.cn/open-apis/bot/v2/hook/xyz' },
    ]);
  });

  it('names every variable that is missing or holds no webhook address', async () => {
    const path = await file('robots.yaml', yaml);
    await expect(loadRobotsFile(path, { DINGTALK_44_URL: 'https://example.com/nothing' })).rejects.toThrow(
      /units\.44\.dingtalk\.url: DINGTALK_44_URL does not hold a dingtalk webhook address; units\.44\.dingtalk\.secret: the environment variable DINGTALK_44_SECRET is not set/,
    );
  });

  it('refuses a DingTalk robot without its signing secret, a wrong address and an unknown field', async () => {
    const path = await file(
      'bad.json',
      JSON.stringify({
        units: {
          '44': {
            dingtalk: { url: 'https://oapi.dingtalk.com/robot/send?access_token=t' },
            wecom: { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send', token: 'x' },
          },
          guangdong: {},
        },
      }),
    );
    const error = await loadRobotsFile(path, {}).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(error).toContain('units.44.dingtalk.secret');
    expect(error).toContain('units.44.wecom.url');
    expect(error).toContain('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…');
    expect(error).toMatch(/units\.44\.wecom: Unrecognized key: "token"/);
    expect(error).toContain('a unit code from the registry');
  });

  it('tells the web which platforms each unit has, without reading a secret', async () => {
    const configured = await configuredRobots(await file('robots.yaml', yaml));
    expect(Object.fromEntries(configured)).toEqual({ '44': ['wecom', 'dingtalk'], '3702': ['feishu'] });
  });
});
