// How a unit's year is named on its page: its states, and its deliverables as a line or a cell opens with
// them. Items, deliverables, levels and notices are named once in domain/ (labels.ts, escalation.ts,
// notices/notificationLabels.ts), so the pages, the letters and the report say the same.
import { type Bilingual, capitalised, trackLabels } from '../../../../domain/labels.ts';
import type { Track } from '../../../../domain/notices/notifications.ts';

/** "Work plan and demand list", opening a line or a cell. */
export const trackHeading = (track: Track): Bilingual => capitalised(trackLabels[track]);

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
