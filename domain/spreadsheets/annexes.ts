// The workbooks a unit can fill in and submit, one per annex: its sheets (the main one first) and what
// its instructions say of it. The template, the reader and the exports all take their sheets from here.
import type { Bilingual } from '../labels.ts';
import { activitySheet } from './annexes/activityRecords.ts';
import { demandSheet } from './annexes/demandList.ts';
import { caseSheet, resultsSheet } from './annexes/resultsSummary.ts';
import type { SheetSpec } from './column.ts';

export type SpreadsheetKind = 'demands' | 'activities' | 'results';

export interface Annex {
  /** As messages name it: "the demand list template". */
  name: Bilingual;
  sheets: readonly [SheetSpec, ...SheetSpec[]];
  /** The instructions sheet's lines on how to fill this one in. */
  instructions: readonly Bilingual[];
}

export const annexes: Record<SpreadsheetKind, Annex> = {
  demands: {
    name: { zh: '需求清单', en: 'demand list' },
    sheets: [demandSheet],
    instructions: [
      {
        zh: '从第5行起，每行填写一条需求；空行会被忽略。',
        en: 'One demand per row from row 5; blank rows are skipped.',
      },
      {
        zh: '“需要国家局协调”填“是”的，须在“协调事由”中写明需要国家知识产权局协调什么、为什么。',
        en: 'Where "Needs CNIPA coordination" is 是 (yes), say in "Coordination reason" what CNIPA should coordinate and why.',
      },
      {
        zh: '需求清单与工作方案须在5月25日前报送（以当年通知为准）。',
        en: "The demand list is due with the work plan by May 25 (see the year's notice).",
      },
    ],
  },
  activities: {
    name: { zh: '活动记录', en: 'activity records' },
    sheets: [activitySheet],
    instructions: [
      {
        zh: '从第5行起，每行填写一项活动；同一活动编号再次报送将覆盖原记录，不会重复计数。',
        en: 'One activity per row from row 5; sending the same activity ID again replaces the record.',
      },
      {
        zh: '日期可写作 2027-06-08、2027/6/8 或 2027年6月8日。',
        en: 'Dates may be 2027-06-08, 2027/6/8 or 2027年6月8日.',
      },
    ],
  },
  results: {
    name: { zh: '成果汇总', en: 'results summary' },
    sheets: [resultsSheet, caseSheet],
    instructions: [
      {
        zh: '“成果汇总”表第5行填写本单位全年汇总数（只填一行）；“典型案例”表每行一个案例。',
        en: 'On "成果汇总", row 5 holds your unit\'s totals for the year (one row only); on "典型案例", one case per row.',
      },
      {
        zh: '书面总结与成果汇总须在11月10日前报送（以当年通知为准）。',
        en: "The written summary and the results summary are due by November 10 (see the year's notice).",
      },
    ],
  },
};
