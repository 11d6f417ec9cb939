// The columns of each spreadsheet: one per schema field, in the order of the printed annexes. Templates,
// imports and exports are all built from these, so a header means the same thing everywhere.

import {
  activityTypeLabels,
  type Bilingual,
  entityTypeLabels,
  formLabels,
  serviceCategoryLabels,
} from '../labels.ts';
import { serviceCategories } from '../registry.ts';
import { activityTypes, entityTypes, forms } from '../submissions.ts';

export type FieldType =
  | { kind: 'text' }
  | { kind: 'code' }
  | { kind: 'count' }
  | { kind: 'amount' }
  | { kind: 'date' }
  | { kind: 'boolean' }
  | { kind: 'list' }
  | { kind: 'keyTask' }
  | { kind: 'enum'; values: readonly string[]; labels: Record<string, Bilingual> };

export interface ColumnSpec {
  /** Dotted path into the item ("entity.type"); informational columns have none. */
  key: string;
  header: Bilingual;
  /** Other headers offices use for the same column, compared after folding. */
  aliases?: readonly string[];
  type: FieldType;
  required: boolean;
  /** What to fill in: shown in the instructions, as a cell prompt and in error messages. */
  hint: Bilingual;
  width: number;
  /** Shown and exported, not read into the submission (the unit's name on Annex 2). */
  informational?: boolean;
}

export type SheetId = 'demands' | 'activities' | 'results' | 'cases';

export interface SheetSpec {
  id: SheetId;
  /** The sheet's tab name; Excel allows 31 characters. */
  name: Bilingual;
  title: (year: number) => Bilingual;
  columns: readonly ColumnSpec[];
  /** Rows the template prepares with drop-downs. */
  templateRows: number;
  /** Messages for the schema's cross-field rules, by the field they are reported on. */
  rules: Record<string, Bilingual>;
}

const enumType = <T extends string>(values: readonly T[], labels: Record<T, Bilingual>): FieldType => ({
  kind: 'enum',
  values,
  labels,
});

const text = (
  key: string,
  zh: string,
  en: string,
  hint: Bilingual,
  width = 20,
  extra: Partial<ColumnSpec> = {},
): ColumnSpec => ({ key, header: { zh, en }, type: { kind: 'text' }, required: true, hint, width, ...extra });

const keyTaskColumn: ColumnSpec = {
  key: 'keyTask',
  header: { zh: '重点任务', en: 'Key task' },
  aliases: ['重点任务编号', '关键任务', '任务'],
  type: { kind: 'keyTask' },
  required: true,
  hint: { zh: '从下拉列表选择，或填 1–5', en: 'pick from the list, or type 1–5' },
  width: 30,
};

const formColumn = (zh: string, en: string, aliases: string[]): ColumnSpec => ({
  key: '',
  header: { zh, en },
  aliases,
  type: enumType(forms, formLabels),
  required: true,
  hint: { zh: '线上、线下或线上线下结合', en: 'online, offline or both' },
  width: 26,
});

export const demandSheet: SheetSpec = {
  id: 'demands',
  name: { zh: '需求清单', en: 'Demand list' },
  title: (year) => ({
    zh: `${year}年“知识产权服务万里行”活动需求清单（附件1）`,
    en: `${year} IP Service Campaign — demand list (Annex 1)`,
  }),
  templateRows: 500,
  columns: [
    {
      key: 'id',
      header: { zh: '需求编号', en: 'Demand ID' },
      aliases: ['编号', '序号', 'ID'],
      type: { kind: 'code' },
      required: true,
      hint: {
        zh: '本单位自编，字母、数字、“-”或“_”，不超过40个字符，如 BJ-001',
        en: 'your own id: letters, digits, "-" or "_", at most 40, e.g. BJ-001',
      },
      width: 12,
    },
    text(
      'entity.name',
      '需求主体名称',
      'Demanding entity',
      { zh: '企业或单位全称', en: 'full name of the entity' },
      28,
      {
        aliases: ['需求主体', '单位名称', '企业名称', 'Entity'],
      },
    ),
    {
      key: 'entity.type',
      header: { zh: '主体类型', en: 'Entity type' },
      aliases: ['需求主体类型', '单位类型', '类型'],
      type: enumType(entityTypes, entityTypeLabels),
      required: true,
      hint: { zh: '从下拉列表选择', en: 'pick from the list' },
      width: 20,
    },
    text(
      'field',
      '行业/技术领域',
      'Industry or technical field',
      { zh: '如 新材料、生物医药', en: 'e.g. new materials' },
      16,
      {
        aliases: ['所属行业', '技术领域', '产业领域', '行业领域', 'Field'],
      },
    ),
    keyTaskColumn,
    {
      key: 'serviceCategory',
      header: { zh: '服务类别', en: 'Service category' },
      aliases: ['需求类别', '服务类型', '需求类型'],
      type: enumType(serviceCategories, serviceCategoryLabels),
      required: true,
      hint: { zh: '从下拉列表选择', en: 'pick from the list' },
      width: 26,
    },
    text(
      'description',
      '需求描述',
      'Description',
      { zh: '需要什么服务、解决什么问题', en: 'what is needed and why' },
      40,
      {
        aliases: ['需求内容', '具体需求', '需求简述'],
      },
    ),
    { ...formColumn('期望服务形式', 'Preferred form', ['服务形式', '形式']), key: 'preferredForm' },
    {
      ...text(
        'preferredTime',
        '期望服务时间',
        'Preferred time',
        { zh: '选填，如 2027年6月', en: 'optional, e.g. June 2027' },
        16,
      ),
      aliases: ['服务时间', '时间'],
      required: false,
    },
    {
      key: 'needsCnipaCoordination',
      header: { zh: '需要国家局协调', en: 'Needs CNIPA coordination' },
      aliases: [
        '是否需要国家局协调',
        '是否需要国家知识产权局协调',
        '需要国家知识产权局协调',
        '需国家局协调',
        '是否需国家局协调',
      ],
      type: { kind: 'boolean' },
      required: true,
      hint: { zh: '“是”或“否”', en: '是 (yes) or 否 (no)' },
      width: 14,
    },
    {
      ...text(
        'coordinationReason',
        '协调事由',
        'Coordination reason',
        {
          zh: '需要国家局协调时必填：协调什么、为什么',
          en: 'required when coordination is needed: what and why',
        },
        32,
      ),
      aliases: ['协调事项', '协调内容', '需协调事项', '协调原因'],
      required: false,
    },
    text('contact.name', '联系人', 'Contact', { zh: '姓名', en: 'name' }, 10, { aliases: ['联系人姓名'] }),
    {
      key: 'contact.phone',
      header: { zh: '联系电话', en: 'Phone' },
      aliases: ['电话', '手机', '联系方式'],
      type: { kind: 'code' },
      required: true,
      hint: { zh: '如 010-12345678', en: 'e.g. 010-12345678' },
      width: 16,
    },
    {
      key: 'contact.email',
      header: { zh: '电子邮箱', en: 'Email' },
      aliases: ['邮箱', 'E-mail'],
      type: { kind: 'code' },
      required: false,
      hint: { zh: '选填', en: 'optional' },
      width: 22,
    },
  ],
  rules: {
    coordinationReason: {
      zh: '“需要国家局协调”为“是”时须填写“协调事由”',
      en: 'required when "Needs CNIPA coordination" is 是 (yes)',
    },
  },
};

export const activitySheet: SheetSpec = {
  id: 'activities',
  name: { zh: '活动记录', en: 'Activities' },
  title: (year) => ({
    zh: `${year}年“知识产权服务万里行”活动记录表`,
    en: `${year} IP Service Campaign — activity records`,
  }),
  templateRows: 500,
  columns: [
    {
      key: 'id',
      header: { zh: '活动编号', en: 'Activity ID' },
      aliases: ['编号', '序号', 'ID'],
      type: { kind: 'code' },
      required: true,
      hint: {
        zh: '本单位自编，字母、数字、“-”或“_”，不超过60个字符；同一编号再次报送即覆盖',
        en: 'your own id: letters, digits, "-" or "_", at most 60; the same id again replaces',
      },
      width: 18,
    },
    text('title', '活动名称', 'Title', { zh: '活动全称', en: 'full title' }, 30, { aliases: ['名称'] }),
    {
      key: 'startDate',
      header: { zh: '开始日期', en: 'Start date' },
      aliases: ['活动日期', '日期', '开始时间'],
      type: { kind: 'date' },
      required: true,
      hint: { zh: '如 2027-06-08', en: 'e.g. 2027-06-08' },
      width: 13,
    },
    {
      key: 'endDate',
      header: { zh: '结束日期', en: 'End date' },
      aliases: ['结束时间'],
      type: { kind: 'date' },
      required: true,
      hint: { zh: '一天的活动与开始日期相同', en: 'the start date for a one-day activity' },
      width: 13,
    },
    text(
      'place',
      '活动地点',
      'Place',
      { zh: '线上活动填平台名称', en: 'for online ones, the platform' },
      26,
      {
        aliases: ['地点'],
      },
    ),
    { ...formColumn('活动形式', 'Form', ['形式']), key: 'form' },
    {
      key: 'type',
      header: { zh: '活动类型', en: 'Type' },
      aliases: ['类型'],
      type: enumType(activityTypes, activityTypeLabels),
      required: true,
      hint: { zh: '从下拉列表选择', en: 'pick from the list' },
      width: 22,
    },
    keyTaskColumn,
    {
      key: 'organisers',
      header: { zh: '主办单位', en: 'Organisers' },
      aliases: ['组织单位', '主办/承办单位', '承办单位', '举办单位'],
      type: { kind: 'list' },
      required: true,
      hint: { zh: '多个单位用“、”分隔', en: 'separate several with 、' },
      width: 30,
    },
    {
      key: 'participants',
      header: { zh: '参与人数', en: 'Participants' },
      aliases: ['参加人数', '参会人数'],
      type: { kind: 'count' },
      required: true,
      hint: { zh: '整数', en: 'a whole number' },
      width: 10,
    },
    {
      key: 'enterprisesServed',
      header: { zh: '服务企业数', en: 'Enterprises served' },
      aliases: ['服务企业数量', '服务企业'],
      type: { kind: 'count' },
      required: true,
      hint: { zh: '整数', en: 'a whole number' },
      width: 10,
    },
    text(
      'outcome',
      '活动成效',
      'Outcome',
      { zh: '解决问题、达成意向等', en: 'problems solved, agreements' },
      40,
      {
        aliases: ['成效', '活动成果', '取得成效'],
      },
    ),
  ],
  rules: { endDate: { zh: '不得早于“开始日期”', en: 'must not be before the start date' } },
};

const count = (key: string, zh: string, en: string, required = true): ColumnSpec => ({
  key,
  header: { zh, en },
  type: { kind: 'count' },
  required,
  hint: required
    ? { zh: '整数，没有填 0', en: 'a whole number; 0 if none' }
    : { zh: '整数，没有可不填', en: 'a whole number; blank if none' },
  width: 11,
});

const amount = (key: string, zh: string, en: string): ColumnSpec => ({
  key,
  header: { zh, en },
  type: { kind: 'amount' },
  required: true,
  hint: { zh: '万元，可有小数，没有填 0', en: 'in 10,000 yuan, decimals allowed; 0 if none' },
  width: 13,
});

export const resultsSheet: SheetSpec = {
  id: 'results',
  name: { zh: '成果汇总', en: 'Results' },
  title: (year) => ({
    zh: `${year}年“知识产权服务万里行”活动成果汇总表（附件2）`,
    en: `${year} IP Service Campaign — results summary (Annex 2)`,
  }),
  templateRows: 1,
  columns: [
    {
      ...text('', '填报单位', 'Reporting unit', { zh: '已预填', en: 'filled in for you' }, 22),
      aliases: ['单位', '单位名称'],
      required: false,
      informational: true,
    },
    ...activityTypes.map((type) =>
      count(
        `activitiesByType.${type}`,
        `${activityTypeLabels[type].zh}活动场次`,
        `Activities: ${activityTypeLabels[type].en}`,
        false,
      ),
    ),
    count('participants', '参与人数', 'Participants'),
    count('enterprisesServed', '服务企业数', 'Enterprises served'),
    count('demandsCollected', '收集需求数', 'Demands collected'),
    count('demandsResolved', '解决需求数', 'Demands resolved'),
    count('navigationProjects', '专利导航项目数', 'Patent navigation projects'),
    count('licensingAndTransfer.count', '许可转让笔数', 'Licensing and transfer deals'),
    amount(
      'licensingAndTransfer.amountTenThousandYuan',
      '许可转让金额（万元）',
      'Licensing and transfer amount (10k yuan)',
    ),
    count('pledgeFinancing.count', '质押融资笔数', 'Pledge financing deals'),
    amount(
      'pledgeFinancing.amountTenThousandYuan',
      '质押融资金额（万元）',
      'Pledge financing amount (10k yuan)',
    ),
    count('trainings', '举办培训期数', 'Training sessions held'),
    count('mediaReports', '媒体报道数', 'Media reports'),
  ],
  rules: {
    demandsResolved: { zh: '不得大于“收集需求数”', en: 'cannot exceed "Demands collected"' },
  },
};

export const caseSheet: SheetSpec = {
  id: 'cases',
  name: { zh: '典型案例', en: 'Typical cases' },
  title: (year) => ({
    zh: `${year}年“知识产权服务万里行”典型案例`,
    en: `${year} IP Service Campaign — typical cases`,
  }),
  templateRows: 50,
  columns: [
    text('title', '案例标题', 'Case title', { zh: '一句话标题', en: 'a one-line title' }, 36, {
      aliases: ['标题'],
    }),
    text(
      'text',
      '案例内容',
      'Case description',
      { zh: '做法与成效，300字以内为宜', en: 'what was done and achieved' },
      80,
      {
        aliases: ['内容', '案例简介'],
      },
    ),
  ],
  rules: {},
};

export const sheetSpecs: Record<SheetId, SheetSpec> = {
  demands: demandSheet,
  activities: activitySheet,
  results: resultsSheet,
  cases: caseSheet,
};
