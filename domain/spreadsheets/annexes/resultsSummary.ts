// Annex 2, the results summary (成果汇总): one row of the unit's totals for the year, and its typical
// cases (典型案例) one per row on a sheet of their own.
import { activityTypeLabels, type Bilingual } from '../../labels.ts';
import {
  activityTypes,
  type ResultsSummary,
  resultsSummarySchema,
  type TypicalCase,
  typicalCaseSchema,
} from '../../submissions.ts';
import { amount, column, count, info, sheetOf, text } from '../column.ts';

/** Who reported: filled in by the template, shown by the exports, never read. */
export const reportingUnitColumn = info('unitName', { zh: '填报单位', en: 'Reporting unit' }, 22, {
  aliases: ['单位', '单位名称'],
  hint: { zh: '已预填', en: 'filled in for you' },
});

const tally = <K extends string>(key: K, header: Bilingual, required = true) =>
  column(key, header, count, {
    hint: required
      ? { zh: '整数，没有填 0', en: 'a whole number; 0 if none' }
      : { zh: '整数，没有可不填', en: 'a whole number; blank if none' },
    width: 11,
    optional: !required,
  });

const sum = <K extends string>(key: K, header: Bilingual) =>
  column(key, header, amount, {
    hint: { zh: '万元，可有小数，没有填 0', en: 'in 10,000 yuan, decimals allowed; 0 if none' },
    width: 13,
  });

export const resultsSheet = sheetOf<ResultsSummary>({
  name: { zh: '成果汇总', en: 'Results' },
  title: (year) => ({
    zh: `${year}年“知识产权服务万里行”活动成果汇总表（附件2）`,
    en: `${year} IP Service Campaign — results summary (Annex 2)`,
  }),
  schema: resultsSummarySchema,
  templateRows: 1,
  columns: [
    reportingUnitColumn,
    ...activityTypes.map((type) =>
      tally(
        `activitiesByType.${type}`,
        { zh: `${activityTypeLabels[type].zh}活动场次`, en: `Activities: ${activityTypeLabels[type].en}` },
        false,
      ),
    ),
    tally('participants', { zh: '参与人数', en: 'Participants' }),
    tally('enterprisesServed', { zh: '服务企业数', en: 'Enterprises served' }),
    tally('demandsCollected', { zh: '收集需求数', en: 'Demands collected' }),
    tally('demandsResolved', { zh: '解决需求数', en: 'Demands resolved' }),
    tally('navigationProjects', { zh: '专利导航项目数', en: 'Patent navigation projects' }),
    tally('licensingAndTransfer.count', { zh: '许可转让笔数', en: 'Licensing and transfer deals' }),
    sum('licensingAndTransfer.amountTenThousandYuan', {
      zh: '许可转让金额（万元）',
      en: 'Licensing and transfer amount (10k yuan)',
    }),
    tally('pledgeFinancing.count', { zh: '质押融资笔数', en: 'Pledge financing deals' }),
    sum('pledgeFinancing.amountTenThousandYuan', {
      zh: '质押融资金额（万元）',
      en: 'Pledge financing amount (10k yuan)',
    }),
    tally('trainings', { zh: '举办培训期数', en: 'Training sessions held' }),
    tally('mediaReports', { zh: '媒体报道数', en: 'Media reports' }),
  ],
  rules: {
    demandsResolved: { zh: '不得大于“收集需求数”', en: 'cannot exceed "Demands collected"' },
  },
});

export const caseSheet = sheetOf<TypicalCase>({
  name: { zh: '典型案例', en: 'Typical cases' },
  title: (year) => ({
    zh: `${year}年“知识产权服务万里行”典型案例`,
    en: `${year} IP Service Campaign — typical cases`,
  }),
  schema: typicalCaseSchema,
  templateRows: 50,
  columns: [
    column('title', { zh: '案例标题', en: 'Case title' }, text, {
      aliases: ['标题'],
      hint: { zh: '一句话标题', en: 'a one-line title' },
      width: 36,
    }),
    column('text', { zh: '案例内容', en: 'Case description' }, text, {
      aliases: ['内容', '案例简介'],
      hint: { zh: '做法与成效，300字以内为宜', en: 'what was done and achieved' },
      width: 80,
    }),
  ],
  rules: {},
});
