// What each kind of notice is called where notices are listed (a unit's mail history); the ladder's notices
// are named after their level (escalation.ts).
import { levelNoticeLabel } from '../escalation.ts';
import type { Bilingual } from '../labels.ts';
import type { NotificationKind } from './notifications.ts';

export const notificationKindLabels: Record<NotificationKind, Bilingual> = {
  'campaign.launched': { zh: '活动启动通知', en: 'launch notice' },
  'deadline.reminder': { zh: '截止提醒', en: 'deadline reminder' },
  'deadline.overdue': levelNoticeLabel('overdue'),
  'deadline.urging': levelNoticeLabel('urging'),
  'deadline.supervision': levelNoticeLabel('supervision'),
  'deadline.extended': { zh: '延期通知', en: 'extension granted' },
  'submission.returned': { zh: '退回修改通知', en: 'returned for revision' },
  'matching.feedback': { zh: '匹配反馈', en: 'matching feedback' },
  'matching.proposalReady': { zh: '匹配建议已生成', en: 'matching proposal ready' },
  'matching.resourceFeedback': { zh: '服务资源反馈', en: 'feedback to a resource' },
  'workflow.stuck': { zh: '流程停滞通知', en: 'stuck workflow notice' },
};
