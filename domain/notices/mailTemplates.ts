// The wording of every notice: Chinese first, English alongside, in the brief register of a CNIPA circular.
// Pure, so the same request always renders the same message (a retried send repeats it exactly).
import type { z } from 'zod';
import { type EscalationLevel, levelLabels } from '../escalation.ts';
import { type Bilingual, capitalised, itemLabel, trackLabels } from '../labels.ts';
import { recoverCommand } from '../recoverCommand.ts';
import { InvalidInputError } from '../validation.ts';
import type { NotificationKind, notificationRequestSchema } from './notifications.ts';

type Request = z.output<typeof notificationRequestSchema>;

export interface Letter {
  subject: Bilingual;
  salutation: Bilingual;
  /** A list holds lines that are already bilingual (matching feedback) and is shown as given. */
  body: (Bilingual | { list: string[] })[];
}

const signature: Bilingual = {
  zh: '国家知识产权局知识产权运用促进司',
  en: 'CNIPA IP Application Promotion Department',
};

/** The schema leaves per-kind fields optional; a notice that needs one and lacks it is a bad request. */
function required<K extends 'track' | 'deadline' | 'daysLeft' | 'returned' | 'feedback'>(
  req: Request,
  field: K,
): NonNullable<Request[K]> {
  const value = req[field];
  if (value === undefined) {
    throw new InvalidInputError('notification request', [
      { path: field, message: `required for a ${req.kind} notice` },
    ]);
  }
  return value;
}

function officeSalutation(req: Request): Bilingual {
  return { zh: `${req.unit.nameZh}：`, en: `To ${req.unit.nameEn}:` };
}

function launched(req: Request): Letter {
  const body: Bilingual[] = [
    {
      zh: `${req.year}年知识产权服务万里行活动现已启动。请按照活动方案，深入开展企业知识产权服务需求调研，围绕五项重点任务组织开展各类服务活动。`,
      en: `The ${req.year} IP Service Campaign has been launched. Please survey the IP service needs of enterprises and organise service activities under the five key tasks, as set out in the campaign plan.`,
    },
  ];
  if (req.deadline !== undefined) {
    const track = trackLabels[required(req, 'track')];
    body.push({
      zh: `请于${req.deadline}前报送${track.zh}。`,
      en: `Please submit your ${track.en} by ${req.deadline}.`,
    });
  }
  return {
    subject: { zh: '活动启动通知', en: `Notice of launch: ${req.year} IP Service Campaign` },
    salutation: officeSalutation(req),
    body,
  };
}

function reminder(req: Request): Letter {
  const track = trackLabels[required(req, 'track')];
  const deadline = required(req, 'deadline');
  const days = required(req, 'daysLeft');
  const remaining =
    days === 0
      ? { zh: '今日截止', en: 'that is today' }
      : { zh: `距截止还有${days}天`, en: `${days} day${days === 1 ? '' : 's'} from now` };
  return {
    subject: {
      zh: `提醒：${track.zh}将于${deadline}截止`,
      en: `Reminder: ${track.en} due ${deadline}`,
    },
    salutation: officeSalutation(req),
    body: [
      {
        zh: `贵单位${track.zh}的报送截止日期为${deadline}，${remaining.zh}。请抓紧准备，按时报送；如已报送，请忽略本提醒。`,
        en: `Your ${track.en} is due on ${deadline}, ${remaining.en}. Please submit on time; if you have already submitted, please disregard this reminder.`,
      },
    ],
  };
}

/** The ladder's letters open their subject with the level: "催办：…" / "Urging: …". */
const subjectLevel = (level: EscalationLevel) => capitalised(levelLabels[level]);

function overdue(req: Request): Letter {
  const track = trackLabels[required(req, 'track')];
  const level = subjectLevel('overdue');
  const deadline = required(req, 'deadline');
  return {
    subject: {
      zh: `${level.zh}：${track.zh}已超过${deadline}截止日期`,
      en: `${level.en}: ${track.en} was due ${deadline}`,
    },
    salutation: officeSalutation(req),
    body: [
      {
        zh: `贵单位${track.zh}的报送截止日期为${deadline}，目前尚未收到，已逾期。请尽快报送；如有特殊情况，请及时说明。`,
        en: `Your ${track.en} was due on ${deadline} and has not been received. Please submit it as soon as possible, or explain any special circumstances without delay.`,
      },
    ],
  };
}

function urging(req: Request): Letter {
  const track = trackLabels[required(req, 'track')];
  const level = subjectLevel('urging');
  const deadline = required(req, 'deadline');
  return {
    subject: {
      zh: `${level.zh}：${track.zh}逾期未报送`,
      en: `${level.en}: ${track.en} overdue since ${deadline}`,
    },
    salutation: { zh: `${req.unit.nameZh}负责同志：`, en: `To the leadership of ${req.unit.nameEn}:` },
    body: [
      {
        zh: `贵单位${track.zh}的报送截止日期为${deadline}，经提醒至今仍未报送。请督促有关处室尽快完成报送工作。`,
        en: `The ${track.en} of your office was due on ${deadline} and, despite a reminder, has not been submitted. Please see that the responsible division completes the submission without further delay.`,
      },
    ],
  };
}

function supervision(req: Request): Letter {
  const track = trackLabels[required(req, 'track')];
  const level = subjectLevel('supervision');
  const deadline = required(req, 'deadline');
  return {
    subject: {
      zh: `${level.zh}：${track.zh}逾期未报送`,
      en: `${level.en}: ${track.en} overdue since ${deadline}`,
    },
    salutation: { zh: `${req.unit.nameZh}负责同志：`, en: `To the leadership of ${req.unit.nameEn}:` },
    body: [
      {
        zh: `贵单位${track.zh}的报送截止日期为${deadline}，经提醒、催办仍未报送。现由国家知识产权局对口联系部门和知识产权运用促进司予以督办，请立即报送并书面说明逾期原因。逾期情况将在活动总结中予以通报。`,
        en: `The ${track.en} of your office was due on ${deadline} and has still not been submitted after a reminder and an urging notice. The matter is now under supervision by your paired CNIPA department and the IP Application Promotion Department. Please submit at once and explain the delay in writing. Overdue units will be named in the campaign summary.`,
      },
    ],
  };
}

function extended(req: Request): Letter {
  const track = trackLabels[required(req, 'track')];
  const deadline = required(req, 'deadline');
  return {
    subject: {
      zh: `延期：${track.zh}截止日期延至${deadline}`,
      en: `Extension: ${track.en} now due ${deadline}`,
    },
    salutation: officeSalutation(req),
    body: [
      {
        zh: `经研究，同意将贵单位${track.zh}的报送截止日期延至${deadline}。请在新的截止日期前完成报送。`,
        en: `The deadline for your ${track.en} has been extended to ${deadline}. Please submit by the new deadline.`,
      },
    ],
  };
}

function returned(req: Request): Letter {
  const { what, reason } = required(req, 'returned');
  const deadline = required(req, 'deadline');
  const item = itemLabel(what);
  return {
    subject: { zh: `退回修改：${item.zh}`, en: `Returned for revision: ${item.en}` },
    salutation: officeSalutation(req),
    body: [
      {
        zh: `贵单位报送的${item.zh}经审核需进一步修改完善，现予退回。退回原因：${reason}`,
        en: `Your ${item.en} has been reviewed and is returned for revision. Reason: ${reason}`,
      },
      {
        zh: `请修改后于${deadline}前重新报送。`,
        en: `Please revise and resubmit it by ${deadline}.`,
      },
    ],
  };
}

/** A matching notice: an opening line, the request's lines as given, and a closing line if any. */
function matchingLetter(req: Request, subject: Bilingual, opening: Bilingual, closing?: Bilingual): Letter {
  return {
    subject,
    salutation: officeSalutation(req),
    body: [opening, { list: required(req, 'feedback') }, ...(closing ? [closing] : [])],
  };
}

const feedback = (req: Request) =>
  matchingLetter(
    req,
    { zh: '需求对接反馈', en: 'Feedback on demand matching' },
    {
      zh: '国家知识产权局已对贵单位需求清单中需协调的事项进行对接，反馈如下：',
      en: 'CNIPA has matched the items in your demand list that need its coordination. The feedback follows:',
    },
    {
      zh: '请与对接单位加强联系，做好后续服务工作。',
      en: 'Please keep in contact with the matched units and follow up on the services.',
    },
  );

const proposalReady = (req: Request) =>
  matchingLetter(
    req,
    { zh: '服务资源匹配建议待审核', en: 'A matching proposal awaits review' },
    {
      zh: '系统已根据各地报送的需国家局协调需求生成匹配建议，请审核：',
      en: 'The matching proposal for the demands flagged for CNIPA coordination is ready for review:',
    },
    {
      zh: `请使用 wlx matching show --year ${req.year} 查看，逐项接受、调整或退回后确认；未经确认的建议不会反馈给各地。`,
      en: `See it with wlx matching show --year ${req.year}; accept, override or reject items, then confirm. Nothing unconfirmed is sent to the units.`,
    },
  );

const resourceFeedback = (req: Request) =>
  matchingLetter(
    req,
    { zh: '服务对接任务通知', en: 'Demands matched to you' },
    {
      zh: '经审核确认，以下地方需求由贵单位对接服务，请与各地联系人联系：',
      en: 'After review, the following demands have been matched to you. Please contact each unit:',
    },
  );

/** `unit` names the stuck workflow's unit (code "campaign" for the campaign); `feedback` what the server reports. */
const stuck = (req: Request): Letter => {
  const recover = recoverCommand(req.year, req.unit.code === 'campaign' ? null : req.unit.code);
  return {
    subject: {
      zh: `流程停滞需处理：${req.unit.nameZh}`,
      en: `Stuck, an operator is needed: ${req.unit.nameEn}`,
    },
    salutation: { zh: '运用促进司：', en: 'To the Application Promotion Department:' },
    body: [
      {
        zh: `${req.year} 年度 ${req.unit.nameZh}（${req.unit.code}）的工作流任务反复失败，流程已停滞：报送、提醒和催办均无法进行，年度活动无法结束。`,
        en: `The ${req.year} workflow of ${req.unit.nameEn} (${req.unit.code}) fails every task and stands still: no submission, reminder or escalation can proceed, and the year cannot close.`,
      },
      { list: required(req, 'feedback') },
      {
        zh: `请运行 ${recover} 恢复（先加 --dry-run 查看），已报送的内容会重新送达。本通知每次停滞只发一次。`,
        en: `Recover it with ${recover} (try --dry-run first); what was handed in is sent again. This notice goes out once per stuck run.`,
      },
    ],
  };
};

const templates: Record<NotificationKind, (req: Request) => Letter> = {
  'campaign.launched': launched,
  'deadline.reminder': reminder,
  'deadline.overdue': overdue,
  'deadline.urging': urging,
  'deadline.supervision': supervision,
  'deadline.extended': extended,
  'submission.returned': returned,
  'matching.feedback': feedback,
  'matching.proposalReady': proposalReady,
  'matching.resourceFeedback': resourceFeedback,
  'workflow.stuck': stuck,
};

/** Where the reader acts on the web: the label and the address. */
export interface WebLink {
  label: Bilingual;
  url: string;
}

/**
 * Where the reader acts on the web, when the web's address is known: a unit's own page, the operators'
 * matching review. Resource providers have no page.
 */
function webLink(req: Request, webUrl: string | undefined): WebLink | null {
  if (!webUrl) return null;
  if (req.kind === 'matching.resourceFeedback') return null;
  if (req.kind === 'workflow.stuck') {
    return { label: { zh: '活动总览', en: "The year's dashboard" }, url: `${webUrl}/campaigns/${req.year}` };
  }
  if (req.kind === 'matching.proposalReady') {
    return {
      label: { zh: '在线审核', en: 'Review it online' },
      url: `${webUrl}/campaigns/${req.year}/matching`,
    };
  }
  return {
    label: { zh: '在线办理', en: 'Act online' },
    url: `${webUrl}/campaigns/${req.year}/units/${req.unit.code}`,
  };
}

/** A notice before it is written out for one channel: e-mail (below) or a group robot (robotMarkdown.ts). */
export interface ComposedNotice extends Letter {
  /** "【2027年知识产权服务万里行】", the campaign's name before every subject. */
  banner: string;
  link: WebLink | null;
  signature: Bilingual;
}

/** Throws InvalidInputError when the request lacks a field its kind needs. */
export function composeNotification(req: Request, webUrl?: string): ComposedNotice {
  return {
    ...templates[req.kind](req),
    banner: `【${req.year}年知识产权服务万里行】`,
    link: webLink(req, webUrl),
    signature,
  };
}

/**
 * Throws InvalidInputError when the request lacks a field its kind needs. `webUrl` is the web's public
 * address (WEB_PUBLIC_URL), for the link to where the reader acts.
 */
export function renderNotification(req: Request, webUrl?: string): { subject: string; text: string } {
  const notice = composeNotification(req, webUrl);
  const link = notice.link && {
    zh: `${notice.link.label.zh}：${notice.link.url}`,
    en: `${notice.link.label.en}: ${notice.link.url}`,
  };
  const paragraphs = [...notice.body, ...(link ? [link] : [])].map((part) =>
    'list' in part ? part.list.map((line) => `- ${line}`).join('\n') : `${part.zh}\n${part.en}`,
  );
  return {
    subject: `${notice.banner}${notice.subject.zh} / ${notice.subject.en}`,
    text: [
      `${notice.salutation.zh}\n${notice.salutation.en}`,
      ...paragraphs,
      `${notice.signature.zh}\n${notice.signature.en}`,
    ].join('\n\n'),
  };
}
