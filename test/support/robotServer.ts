// A local stand-in for the platforms' group-robot webhooks, speaking each contract as documented: WeCom's
// `/cgi-bin/webhook/send?key=` (93000 unknown key, 40008 bad msgtype, 40058 content too long, 45009 over 20 a
// minute), DingTalk's `/robot/send?access_token=&timestamp=&sign=` (300001 unknown token, 310000 a signature
// that does not check or a timestamp more than an hour off, 130101 over 20 a minute), Feishu's
// `/open-apis/bot/v2/hook/<token>` (19001 unknown token, 19021 bad signature, 11232 over 100 a minute or 5 a
// second). An outage can be switched on: HTTP 503, the platform's "system busy", or the connection dropped
// after the request arrived and before it was posted.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RobotPlatform } from '../../domain/notices/robotMarkdown.ts';

export interface RobotPostRecord {
  platform: RobotPlatform;
  /** The key or token of the robot it was posted to. */
  robot: string;
  /** The ledger key the poster sent in X-Wanlixing-Key (`<business key>@<platform>`), if any. */
  key: string | undefined;
  body: Record<string, unknown>;
  /** The markdown the group shows. */
  markdown: string;
}

export type Outage = 'unavailable' | 'busy' | 'drop';

export interface RobotServer {
  /** Addresses of new robots, as the platforms show them. */
  wecom(key: string): string;
  dingtalk(token: string, secret: string): string;
  feishu(token: string, secret?: string): string;
  /** What the groups show, oldest first. */
  posts(platform?: RobotPlatform): RobotPostRecord[];
  /** Requests refused or dropped, by answer: for tests that count the platform's refusals. */
  answers(): { platform: RobotPlatform; code: number }[];
  outage: Outage | null;
  clear(): void;
  close(): Promise<void>;
}

const sign = (key: string, text: string) => createHmac('sha256', key).update(text).digest('base64');

export async function startRobotServer(): Promise<RobotServer> {
  const secrets = new Map<string, string | undefined>();
  const known = { wecom: new Set<string>(), dingtalk: new Set<string>(), feishu: new Set<string>() };
  const posted: RobotPostRecord[] = [];
  const answered: { platform: RobotPlatform; code: number }[] = [];
  const recent = new Map<string, number[]>();

  /** True if one more post keeps within every window. */
  function withinLimit(robot: string, windows: [number, number][]): boolean {
    const now = Date.now();
    const times = (recent.get(robot) ?? []).filter((at) => at > now - 60_000);
    if (windows.some(([limit, ms]) => times.filter((at) => at > now - ms).length >= limit)) return false;
    recent.set(robot, [...times, now]);
    return true;
  }

  function handle(
    url: URL,
    body: Record<string, unknown>,
    key: string | undefined,
  ): { platform: RobotPlatform; reply: object } | null {
    if (url.pathname === '/cgi-bin/webhook/send') {
      const robotKey = url.searchParams.get('key') ?? '';
      const answer = (errcode: number, errmsg: string) => ({
        platform: 'wecom' as const,
        reply: { errcode, errmsg },
      });
      if (!known.wecom.has(robotKey)) return answer(93000, 'invalid webhook url');
      const content = (body.markdown as { content?: unknown } | undefined)?.content;
      if (body.msgtype !== 'markdown' || typeof content !== 'string')
        return answer(40008, 'invalid message type');
      if (Buffer.byteLength(content) > 4096) return answer(40058, 'markdown.content exceed max length 4096');
      if (!withinLimit(`wecom:${robotKey}`, [[20, 60_000]])) return answer(45009, 'api freq out of limit');
      posted.push({ platform: 'wecom', robot: robotKey, key, body, markdown: content });
      return answer(0, 'ok');
    }
    if (url.pathname === '/robot/send') {
      const token = url.searchParams.get('access_token') ?? '';
      const answer = (errcode: number, errmsg: string) => ({
        platform: 'dingtalk' as const,
        reply: { errcode, errmsg },
      });
      if (!known.dingtalk.has(token)) return answer(300001, 'token is not exist');
      const secret = secrets.get(`dingtalk:${token}`) as string;
      const timestamp = url.searchParams.get('timestamp') ?? '';
      const fresh = Math.abs(Date.now() - Number(timestamp)) < 3_600_000;
      if (!fresh || url.searchParams.get('sign') !== sign(secret, `${timestamp}\n${secret}`))
        return answer(
          310000,
          'sign not match, more: [https://open.dingtalk.com/document/robots/customize-robot-security-settings]',
        );
      const markdown = body.markdown as { title?: unknown; text?: unknown } | undefined;
      if (
        body.msgtype !== 'markdown' ||
        typeof markdown?.title !== 'string' ||
        typeof markdown.text !== 'string'
      )
        return answer(40035, 'missing parameter');
      if (!withinLimit(`dingtalk:${token}`, [[20, 60_000]]))
        return answer(130101, 'send too fast, exceed 20 times per minute');
      posted.push({ platform: 'dingtalk', robot: token, key, body, markdown: markdown.text });
      return answer(0, 'ok');
    }
    const feishu = /^\/open-apis\/bot\/v2\/hook\/([\w-]+)$/.exec(url.pathname);
    if (feishu) {
      const token = feishu[1] as string;
      const answer = (code: number, msg: string) => ({
        platform: 'feishu' as const,
        reply: { code, msg, data: {} },
      });
      if (!known.feishu.has(token))
        return answer(19001, 'param invalid: incoming webhook access token invalid');
      const secret = secrets.get(`feishu:${token}`);
      if (secret !== undefined) {
        const timestamp = String(body.timestamp ?? '');
        const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 3600;
        if (!fresh || body.sign !== sign(`${timestamp}\n${secret}`, ''))
          return answer(19021, 'sign match fail or timestamp is not within one hour from current time');
      }
      const card = body.card as { elements?: { tag?: string; content?: string }[] } | undefined;
      const element = card?.elements?.[0];
      if (
        body.msg_type !== 'interactive' ||
        element?.tag !== 'markdown' ||
        typeof element.content !== 'string'
      )
        return answer(9499, 'Bad Request');
      if (
        !withinLimit(`feishu:${token}`, [
          [100, 60_000],
          [5, 1_000],
        ])
      )
        return answer(11232, 'frequency limited');
      posted.push({ platform: 'feishu', robot: token, key, body, markdown: element.content });
      return answer(0, 'success');
    }
    return null;
  }

  const state = { outage: null as Outage | null };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (state.outage === 'drop') return void request.socket.destroy();
      if (state.outage === 'unavailable') return void response.writeHead(503).end('Service Unavailable');
      const url = new URL(request.url ?? '/', 'http://robots.test');
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        // Every platform answers a body that is not JSON with its own code; the handlers see an empty body.
      }
      // Feishu documents no "busy" code; its gateway answers 503 instead.
      if (state.outage === 'busy' && url.pathname.startsWith('/open-apis/'))
        return void response.writeHead(503).end('Service Unavailable');
      if (state.outage === 'busy') {
        const platform = url.pathname.startsWith('/robot') ? 'dingtalk' : 'wecom';
        answered.push({ platform, code: -1 });
        return void response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ errcode: -1, errmsg: 'system busy' }));
      }
      const key = request.headers['x-wanlixing-key'];
      const handled = handle(url, body, typeof key === 'string' ? key : undefined);
      if (!handled) return void response.writeHead(404).end('Not Found');
      const reply = handled.reply as { errcode?: number; code?: number };
      const code = reply.errcode ?? reply.code ?? 0;
      if (code !== 0) answered.push({ platform: handled.platform, code });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(handled.reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    wecom(key) {
      known.wecom.add(key);
      return `${base}/cgi-bin/webhook/send?key=${key}`;
    },
    dingtalk(token, secret) {
      known.dingtalk.add(token);
      secrets.set(`dingtalk:${token}`, secret);
      return `${base}/robot/send?access_token=${token}`;
    },
    feishu(token, secret) {
      known.feishu.add(token);
      secrets.set(`feishu:${token}`, secret);
      return `${base}/open-apis/bot/v2/hook/${token}`;
    },
    posts: (platform) => posted.filter((post) => !platform || post.platform === platform),
    answers: () => [...answered],
    get outage() {
      return state.outage;
    },
    set outage(value) {
      state.outage = value;
    },
    clear() {
      posted.length = 0;
      answered.length = 0;
      recent.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
