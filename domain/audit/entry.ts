// The audit trail's entry (留痕): who did what, when, on which unit and year, from where. Pure, so that the
// store (infra/audit/), the writers, `wlx audit` and the pages share one closed list of kinds and one schema.
import { z } from 'zod';
import type { Bilingual } from '../labels.ts';
import type { NotificationKind } from '../notices/notifications.ts';

export const actorKinds = ['unit', 'operator', 'system'] as const;
export type ActorKind = (typeof actorKinds)[number];

export const auditVias = ['web', 'cli', 'api', 'timer'] as const;
export type AuditVia = (typeof auditVias)[number];

export const auditKinds = [
  'submission.plan',
  'submission.demands',
  'submission.activity',
  'submission.results',
  'submission.summary',
  'return',
  'extension',
  'remind',
  'notice.reminder',
  'notice.escalation',
  'notice.other',
  'matching.propose',
  'matching.review',
  'matching.confirm',
  'keyRegions',
  'campaign.start',
  'signIn',
  'signOut',
  'download',
] as const;
export type AuditKind = (typeof auditKinds)[number];

export const auditKindLabels: Record<AuditKind, Bilingual> = {
  'submission.plan': { zh: '提交工作方案', en: 'work plan submitted' },
  'submission.demands': { zh: '提交需求清单', en: 'demand list submitted' },
  'submission.activity': { zh: '登记活动', en: 'activity recorded' },
  'submission.results': { zh: '提交成果总结', en: 'results summary submitted' },
  'submission.summary': { zh: '提交书面总结', en: 'written summary submitted' },
  return: { zh: '退回修改', en: 'returned for revision' },
  extension: { zh: '延期', en: 'extension granted' },
  remind: { zh: '催报', en: 'reminded by an operator' },
  'notice.reminder': { zh: '提醒通知', en: 'reminder notice' },
  'notice.escalation': { zh: '逾期督办通知', en: 'escalation notice' },
  'notice.other': { zh: '其他通知', en: 'other notice' },
  'matching.propose': { zh: '生成匹配建议', en: 'matching proposed' },
  'matching.review': { zh: '审核匹配建议', en: 'matching reviewed' },
  'matching.confirm': { zh: '确认匹配', en: 'matching confirmed' },
  keyRegions: { zh: '确定重点地区', en: 'key regions designated' },
  'campaign.start': { zh: '启动年度活动', en: 'campaign started' },
  signIn: { zh: '登录', en: 'signed in' },
  signOut: { zh: '退出', en: 'signed out' },
  download: { zh: '下载', en: 'download' },
};

export const actorKindLabels: Record<ActorKind, Bilingual> = {
  unit: { zh: '单位联络员', en: 'unit liaison' },
  operator: { zh: '运营人员', en: 'operator' },
  system: { zh: '系统', en: 'system' },
};

export const auditViaLabels: Record<AuditVia, Bilingual> = {
  web: { zh: '网页', en: 'web' },
  cli: { zh: '命令行', en: 'CLI' },
  api: { zh: '接口', en: 'API' },
  timer: { zh: '定时', en: 'timer' },
};

/** Which trail kind a notice the system sent is: the ladder's notices are escalations. */
export function noticeAuditKind(kind: NotificationKind): AuditKind {
  if (kind === 'deadline.reminder') return 'notice.reminder';
  if (kind === 'deadline.overdue' || kind === 'deadline.urging' || kind === 'deadline.supervision')
    return 'notice.escalation';
  return 'notice.other';
}

/** A small JSON object: what the action was about, not its payload (no documents, no rows). */
const detailSchema = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]))
  .refine((detail) => JSON.stringify(detail).length <= 4_000, 'at most 4,000 characters of JSON');

export const auditEntrySchema = z.object({
  /** Unique: a retried write with the same id records once. */
  actionId: z.string().min(1).max(300),
  /** Milliseconds since the epoch. */
  at: z.number().int(),
  year: z.number().int().min(2000).max(2999),
  unitCode: z.string().min(1).max(20).nullable(),
  actor: z.object({ kind: z.enum(actorKinds), name: z.string().min(1).max(200) }),
  kind: z.enum(auditKinds),
  via: z.enum(auditVias),
  detail: detailSchema.default({}),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditEntryInput = z.input<typeof auditEntrySchema>;

/** What a reader asks for: a year, narrowed by unit, actor, kind and time (from inclusive, until exclusive). */
export interface AuditQuery {
  year: number;
  unitCode?: string | undefined;
  actorKind?: ActorKind | undefined;
  /** The actor's name, exactly. */
  actorName?: string | undefined;
  kinds?: readonly AuditKind[] | undefined;
  since?: number | undefined;
  until?: number | undefined;
  /** At most this many, the oldest first; 10,000 by default. */
  limit?: number | undefined;
}
