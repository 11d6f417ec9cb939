// Each platform's webhook contract: the request our robot posts (body, signature) and what its answer means.
// WeCom group robot: POST JSON to the address with `?key=`; no signature; {errcode, errmsg}.
// DingTalk custom robot: `&timestamp=<ms>&sign=<url-encoded base64 HMAC-SHA256 of "timestamp\nsecret", keyed by
// the secret>`; {errcode, errmsg}. Feishu custom bot: `timestamp` (seconds) and `sign` (base64 HMAC-SHA256 of
// nothing, keyed by "timestamp\nsecret") in the body; {code, msg} (older replies: {StatusCode, StatusMessage}).
import { createHmac } from 'node:crypto';
import type { Bilingual } from '../../domain/labels.ts';
import type { RobotMessage, RobotPlatform } from '../../domain/notices/robotMarkdown.ts';
import type { Robot } from './robotsFile.ts';

export interface RobotPost {
  url: string;
  body: unknown;
}

/** A platform's limit on posts per robot within a window; every one must hold. */
export interface RateWindow {
  limit: number;
  ms: number;
}

/** As the platforms document them: WeCom and DingTalk 20 a minute; Feishu 100 a minute and 5 a second. */
export const rateWindows: Record<RobotPlatform, readonly RateWindow[]> = {
  wecom: [{ limit: 20, ms: 60_000 }],
  dingtalk: [{ limit: 20, ms: 60_000 }],
  feishu: [
    { limit: 100, ms: 60_000 },
    { limit: 5, ms: 1_000 },
  ],
};

export function robotPost(robot: Robot, message: RobotMessage, nowMs: number): RobotPost {
  switch (robot.platform) {
    case 'wecom':
      return { url: robot.url, body: { msgtype: 'markdown', markdown: { content: message.markdown } } };
    case 'dingtalk': {
      const url = new URL(robot.url);
      if (robot.secret) {
        const timestamp = String(nowMs);
        url.searchParams.set('timestamp', timestamp);
        // URLSearchParams encodes "+", "/" and "=" of the base64 as the platform asks.
        url.searchParams.set('sign', hmac(robot.secret, `${timestamp}\n${robot.secret}`));
      }
      return {
        url: url.toString(),
        body: { msgtype: 'markdown', markdown: { title: message.title, text: message.markdown } },
      };
    }
    case 'feishu': {
      const card = {
        header: { title: { tag: 'plain_text', content: message.title } },
        elements: [{ tag: 'markdown', content: message.markdown }],
      };
      if (!robot.secret) return { url: robot.url, body: { msg_type: 'interactive', card } };
      const timestamp = String(Math.floor(nowMs / 1000));
      const sign = hmac(`${timestamp}\n${robot.secret}`, '');
      return { url: robot.url, body: { timestamp, sign, msg_type: 'interactive', card } };
    }
  }
}

function hmac(key: string, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('base64');
}

/** What the platform's answer means for the notice. */
export type Reply =
  | { kind: 'sent' }
  /** Not posted, try again (after `delayMs` when the platform says how long it holds us back). */
  | { kind: 'retry'; code: number; message: string; delayMs?: number }
  /** Not posted, and posting again will not help until the operator fixes what `fix` names. */
  | { kind: 'refused'; code: number; message: string; fix: Bilingual };

/** Codes that pass: the platform was busy or held us back. Any other failure is the robot's configuration. */
const transient: Record<RobotPlatform, Record<number, number | undefined>> = {
  // -1 system busy; 45009 over 20 a minute.
  wecom: { [-1]: undefined, 45009: 60_000 },
  // -1 system busy; 130101 over 20 a minute, after which DingTalk holds the robot back for 10 minutes.
  dingtalk: { [-1]: undefined, 130101: 600_000 },
  // 11232 frequency limited.
  feishu: { 11232: 60_000 },
};

/** What the operator should check when a code refuses; by code where the platform's meaning is known. */
function fixFor(platform: RobotPlatform, code: number, field: string): Bilingual {
  const signing = (platform === 'dingtalk' && code === 310000) || (platform === 'feishu' && code === 19021);
  if (signing)
    return {
      zh: `请核对通知机器人文件中的 ${field}.secret（加签密钥）、机器人的关键词和 IP 白名单`,
      en: `check ${field}.secret (the signing secret), the robot's keywords and IP allow-list in the robots file`,
    };
  return {
    zh: `请核对通知机器人文件中的 ${field}.url，机器人可能已被移出群聊`,
    en: `check ${field}.url in the robots file; the robot may have been removed from its group`,
  };
}

/** `status`: the HTTP status of an answer that is neither a gateway's refusal nor a server error. */
export function readReply(platform: RobotPlatform, field: string, status: number, json: unknown): Reply {
  if (status !== 200) {
    return { kind: 'refused', code: status, message: `HTTP ${status}`, fix: fixFor(platform, status, field) };
  }
  const reply = (json ?? {}) as Record<string, unknown>;
  const code = Number(reply.errcode ?? reply.code ?? reply.StatusCode ?? Number.NaN);
  const message = String(reply.errmsg ?? reply.msg ?? reply.StatusMessage ?? '');
  if (code === 0) return { kind: 'sent' };
  if (Number.isNaN(code))
    return {
      kind: 'retry',
      code,
      message: `an answer without a code: ${JSON.stringify(json).slice(0, 200)}`,
    };
  const table = transient[platform];
  if (code in table) {
    const delayMs = table[code];
    return { kind: 'retry', code, message, ...(delayMs ? { delayMs } : {}) };
  }
  return { kind: 'refused', code, message, fix: fixFor(platform, code, field) };
}
