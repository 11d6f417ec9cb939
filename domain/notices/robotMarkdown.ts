// A notice as a group robot posts it: the platform's markdown, Chinese first with English beside it, the link
// to the unit's page, and within the platform's size limit. Pure, so a retried post repeats it exactly.
import type { z } from 'zod';
import type { Bilingual } from '../labels.ts';
import { type ComposedNotice, composeNotification } from './mailTemplates.ts';
import type { NotificationKind, notificationRequestSchema } from './notifications.ts';

export const robotPlatforms = ['wecom', 'dingtalk', 'feishu'] as const;
export type RobotPlatform = (typeof robotPlatforms)[number];

export const platformLabels: Record<RobotPlatform, Bilingual> = {
  wecom: { zh: '企业微信群机器人', en: 'WeCom group robot' },
  dingtalk: { zh: '钉钉自定义机器人', en: 'DingTalk custom robot' },
  feishu: { zh: '飞书自定义机器人', en: 'Feishu custom bot' },
};

/**
 * The most a message may hold, in UTF-8 bytes: WeCom's markdown content is capped at 4096; DingTalk's and
 * Feishu's requests at 20 KB, of which we leave room for the rest of the body.
 */
const maxBytes: Record<RobotPlatform, number> = { wecom: 4096, dingtalk: 18000, feishu: 18000 };

/** DingTalk's markdown joins lines unless a line ends in two spaces; the others keep a single newline. */
const lineBreak: Record<RobotPlatform, string> = { wecom: '\n', dingtalk: '  \n', feishu: '\n' };

/**
 * The notices a unit's own group reads: those addressed to the unit. The operators' notices (a stuck
 * workflow, a proposal to review) and a resource's matches go by e-mail alone.
 */
const toOperatorsOrResources: readonly NotificationKind[] = [
  'workflow.stuck',
  'matching.proposalReady',
  'matching.resourceFeedback',
];
export const goesToUnitGroups = (kind: NotificationKind): boolean => !toOperatorsOrResources.includes(kind);

export interface RobotMessage {
  /** One line: DingTalk shows it in the chat list, Feishu as the card's header. */
  title: string;
  markdown: string;
}

const bytes = (text: string) => new TextEncoder().encode(text).length;

const omitted: Bilingual = {
  zh: '……（其余内容见邮件或网页）',
  en: '… (the rest is in the e-mail and on the web)',
};

export function renderRobotMessage(
  req: z.output<typeof notificationRequestSchema>,
  platform: RobotPlatform,
  webUrl?: string,
): RobotMessage {
  const notice = composeNotification(req, webUrl);
  const title = `${notice.banner}${notice.subject.zh} / ${notice.subject.en}`;
  // A long list of matching lines is cut, not the letter: the e-mail and the page carry all of it.
  const lists = notice.body.flatMap((part) => ('list' in part ? [part.list.length] : []));
  const fits = (keep: number) => bytes(write(notice, platform, keep)) <= maxBytes[platform];
  // The most lines that fit, by halving: a list can run to thousands of lines.
  let low = 0;
  let high = Math.max(0, ...lists);
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  return { title, markdown: write(notice, platform, low) };
}

/** The message with at most `keep` lines of each list. */
function write(notice: ComposedNotice, platform: RobotPlatform, keep: number): string {
  const br = lineBreak[platform];
  const pair = (text: Bilingual) => `${text.zh}${br}${text.en}`;
  const body = notice.body.map((part) => {
    if (!('list' in part)) return pair(part);
    const lines = part.list.slice(0, keep).map((line) => `- ${line}`);
    if (keep < part.list.length) lines.push(`- ${omitted.zh} ${omitted.en}`);
    return lines.join('\n');
  });
  const link = notice.link && `[${notice.link.label.zh} ${notice.link.label.en}](${notice.link.url})`;
  return [
    `**${notice.banner}${notice.subject.zh}**${br}**${notice.subject.en}**`,
    pair(notice.salutation),
    ...body,
    ...(link ? [link] : []),
    pair(notice.signature),
  ].join('\n\n');
}
