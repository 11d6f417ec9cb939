// How a unit's year is named on its page: states, deliverables, escalation levels, and the colour of its
// badge (the dashboard legend's classes), all derived from the UnitStatus the workflow reports.
import type { EscalationLevel } from '../../../../domain/calendar.ts';
import type { Bilingual } from '../../../../domain/labels.ts';
import type { NotificationKind, Track } from '../../../../domain/notices/notifications.ts';
import type { ReturnableItem } from '../../../../domain/submissions.ts';

export const levelLabels: Record<EscalationLevel, Bilingual> = {
  overdue: { zh: '逾期', en: 'overdue' },
  urging: { zh: '催办', en: 'urging' },
  supervision: { zh: '督办', en: 'supervision' },
};

export const trackLabels: Record<Track, Bilingual> = {
  plan: { zh: '工作方案与需求清单', en: 'Work plan and demand list' },
  summary: { zh: '书面总结与成果汇总', en: 'Written summary and results summary' },
};

export const itemLabels: Record<ReturnableItem, Bilingual> = {
  workPlan: { zh: '工作方案', en: 'work plan' },
  demandList: { zh: '需求清单（附件1）', en: 'demand list (Annex 1)' },
  writtenSummary: { zh: '书面总结', en: 'written summary' },
  resultsSummary: { zh: '成果汇总（附件2）', en: 'results summary (Annex 2)' },
};

export const itemLabel = (item: string): Bilingual =>
  itemLabels[item as ReturnableItem] ?? { zh: item, en: item };

const stateLabels: Record<string, Bilingual> = {
  'planning.awaitingPlan': { zh: '待报送工作方案', en: 'Plan due' },
  'planning.returnedForRevision': { zh: '工作方案退回修改', en: 'Plan returned for revision' },
  'planning.overdue': { zh: '工作方案逾期', en: 'Plan overdue' },
  planSubmitted: { zh: '已报送，待匹配反馈', en: 'Plan in; matching feedback to come' },
  activities: { zh: '活动开展中', en: 'Activities under way' },
  'summaryDue.awaitingSummary': { zh: '待报送总结', en: 'Summary due' },
  'summaryDue.returnedForRevision': { zh: '总结退回修改', en: 'Summary returned for revision' },
  'summaryDue.overdue': { zh: '总结逾期', en: 'Summary overdue' },
  complete: { zh: '已全部报送', en: 'All in' },
  closed: { zh: '已结束', en: 'Closed' },
};

export const stateLabel = (state: string): Bilingual => stateLabels[state] ?? { zh: state, en: state };

export const mailKindLabels: Record<NotificationKind, Bilingual> = {
  'campaign.launched': { zh: '活动启动通知', en: 'launch notice' },
  'deadline.reminder': { zh: '截止提醒', en: 'deadline reminder' },
  'deadline.overdue': { zh: '逾期通知', en: 'overdue notice' },
  'deadline.urging': { zh: '催办通知', en: 'urging notice' },
  'deadline.supervision': { zh: '督办通知', en: 'supervision notice' },
  'deadline.extended': { zh: '延期通知', en: 'extension granted' },
  'submission.returned': { zh: '退回修改通知', en: 'returned for revision' },
  'matching.feedback': { zh: '匹配反馈', en: 'matching feedback' },
  'matching.proposalReady': { zh: '匹配建议已生成', en: 'matching proposal ready' },
  'matching.resourceFeedback': { zh: '服务资源反馈', en: 'feedback to a resource' },
  'workflow.stuck': { zh: '流程停滞通知', en: 'stuck workflow notice' },
};
