// The activity records (活动记录): one row per activity; the same id again replaces the record.
import { activityTypeLabels } from '../../labels.ts';
import { type ActivityRecord, activityRecordSchema, activityTypes } from '../../submissions.ts';
import { choice, code, column, count, date, list, sheetOf, text } from '../column.ts';
import { formColumn, keyTaskColumn, pickFromList } from './shared.ts';

const wholeNumber = { zh: '整数', en: 'a whole number' };

export const activitySheet = sheetOf<ActivityRecord>({
  name: { zh: '活动记录', en: 'Activities' },
  title: (year) => ({
    zh: `${year}年“知识产权服务万里行”活动记录表`,
    en: `${year} IP Service Campaign — activity records`,
  }),
  schema: activityRecordSchema,
  templateRows: 500,
  columns: [
    column('id', { zh: '活动编号', en: 'Activity ID' }, code, {
      aliases: ['编号', '序号', 'ID'],
      hint: {
        zh: '本单位自编，字母、数字、“-”或“_”，不超过60个字符；同一编号再次报送即覆盖',
        en: 'your own id: letters, digits, "-" or "_", at most 60; the same id again replaces',
      },
      width: 18,
    }),
    column('title', { zh: '活动名称', en: 'Title' }, text, {
      aliases: ['名称'],
      hint: { zh: '活动全称', en: 'full title' },
      width: 30,
    }),
    column('startDate', { zh: '开始日期', en: 'Start date' }, date, {
      aliases: ['活动日期', '日期', '开始时间'],
      hint: { zh: '如 2027-06-08', en: 'e.g. 2027-06-08' },
      width: 13,
    }),
    column('endDate', { zh: '结束日期', en: 'End date' }, date, {
      aliases: ['结束时间'],
      hint: { zh: '一天的活动与开始日期相同', en: 'the start date for a one-day activity' },
      width: 13,
    }),
    column('place', { zh: '活动地点', en: 'Place' }, text, {
      aliases: ['地点'],
      hint: { zh: '线上活动填平台名称', en: 'for online ones, the platform' },
      width: 26,
    }),
    formColumn('form', { zh: '活动形式', en: 'Form' }, ['形式']),
    column('type', { zh: '活动类型', en: 'Type' }, choice(activityTypes, activityTypeLabels), {
      aliases: ['类型'],
      hint: pickFromList,
      width: 22,
    }),
    keyTaskColumn,
    column('organisers', { zh: '主办单位', en: 'Organisers' }, list, {
      aliases: ['组织单位', '主办/承办单位', '承办单位', '举办单位'],
      hint: { zh: '多个单位用“、”分隔', en: 'separate several with 、' },
      width: 30,
    }),
    column('participants', { zh: '参与人数', en: 'Participants' }, count, {
      aliases: ['参加人数', '参会人数'],
      hint: wholeNumber,
      width: 10,
    }),
    column('enterprisesServed', { zh: '服务企业数', en: 'Enterprises served' }, count, {
      aliases: ['服务企业数量', '服务企业'],
      hint: wholeNumber,
      width: 10,
    }),
    column('outcome', { zh: '活动成效', en: 'Outcome' }, text, {
      aliases: ['成效', '活动成果', '取得成效'],
      hint: { zh: '解决问题、达成意向等', en: 'problems solved, agreements' },
      width: 40,
    }),
  ],
  rules: { endDate: { zh: '不得早于“开始日期”', en: 'must not be before the start date' } },
});
