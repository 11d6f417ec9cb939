// Annex 1, the demand list (需求清单): one row per demand, in the order of the printed annex.
import { entityTypeLabels, serviceCategoryLabels } from '../../labels.ts';
import { serviceCategories } from '../../registry.ts';
import { type DemandItem, demandItemSchema, entityTypes } from '../../submissions.ts';
import { choice, code, column, email, sheetOf, text, yesNo } from '../column.ts';
import { formColumn, keyTaskColumn, pickFromList } from './shared.ts';

export const demandSheet = sheetOf<DemandItem>({
  name: { zh: '需求清单', en: 'Demand list' },
  title: (year) => ({
    zh: `${year}年“知识产权服务万里行”活动需求清单（附件1）`,
    en: `${year} IP Service Campaign — demand list (Annex 1)`,
  }),
  schema: demandItemSchema,
  templateRows: 500,
  columns: [
    column('id', { zh: '需求编号', en: 'Demand ID' }, code, {
      aliases: ['编号', '序号', 'ID'],
      hint: {
        zh: '本单位自编，字母、数字、“-”或“_”，不超过40个字符，如 BJ-001',
        en: 'your own id: letters, digits, "-" or "_", at most 40, e.g. BJ-001',
      },
      width: 12,
    }),
    column('entity.name', { zh: '需求主体名称', en: 'Demanding entity' }, text, {
      aliases: ['需求主体', '单位名称', '企业名称', 'Entity'],
      hint: { zh: '企业或单位全称', en: 'full name of the entity' },
      width: 28,
    }),
    column('entity.type', { zh: '主体类型', en: 'Entity type' }, choice(entityTypes, entityTypeLabels), {
      aliases: ['需求主体类型', '单位类型', '类型'],
      hint: pickFromList,
      width: 20,
    }),
    column('field', { zh: '行业/技术领域', en: 'Industry or technical field' }, text, {
      aliases: ['所属行业', '技术领域', '产业领域', '行业领域', 'Field'],
      hint: { zh: '如 新材料、生物医药', en: 'e.g. new materials' },
      width: 16,
    }),
    keyTaskColumn,
    column(
      'serviceCategory',
      { zh: '服务类别', en: 'Service category' },
      choice(serviceCategories, serviceCategoryLabels),
      { aliases: ['需求类别', '服务类型', '需求类型'], hint: pickFromList, width: 26 },
    ),
    column('description', { zh: '需求描述', en: 'Description' }, text, {
      aliases: ['需求内容', '具体需求', '需求简述'],
      hint: { zh: '需要什么服务、解决什么问题', en: 'what is needed and why' },
      width: 40,
    }),
    formColumn('preferredForm', { zh: '期望服务形式', en: 'Preferred form' }, ['服务形式', '形式']),
    column('preferredTime', { zh: '期望服务时间', en: 'Preferred time' }, text, {
      aliases: ['服务时间', '时间'],
      hint: { zh: '选填，如 2027年6月', en: 'optional, e.g. June 2027' },
      width: 16,
      optional: true,
    }),
    column('needsCnipaCoordination', { zh: '需要国家局协调', en: 'Needs CNIPA coordination' }, yesNo, {
      aliases: [
        '是否需要国家局协调',
        '是否需要国家知识产权局协调',
        '需要国家知识产权局协调',
        '需国家局协调',
        '是否需国家局协调',
      ],
      hint: { zh: '“是”或“否”', en: '是 (yes) or 否 (no)' },
      width: 14,
    }),
    column('coordinationReason', { zh: '协调事由', en: 'Coordination reason' }, text, {
      aliases: ['协调事项', '协调内容', '需协调事项', '协调原因'],
      hint: {
        zh: '需要国家局协调时必填：协调什么、为什么',
        en: 'required when coordination is needed: what and why',
      },
      width: 32,
      optional: true,
    }),
    column('contact.name', { zh: '联系人', en: 'Contact' }, text, {
      aliases: ['联系人姓名'],
      hint: { zh: '姓名', en: 'name' },
      width: 10,
    }),
    column('contact.phone', { zh: '联系电话', en: 'Phone' }, code, {
      aliases: ['电话', '手机', '联系方式'],
      hint: { zh: '如 010-12345678', en: 'e.g. 010-12345678' },
      width: 16,
    }),
    column('contact.email', { zh: '电子邮箱', en: 'Email' }, email, {
      aliases: ['邮箱', 'E-mail'],
      hint: { zh: '选填', en: 'optional' },
      width: 22,
      optional: true,
    }),
  ],
  rules: {
    coordinationReason: {
      zh: '“需要国家局协调”为“是”时须填写“协调事由”',
      en: 'required when "Needs CNIPA coordination" is 是 (yes)',
    },
  },
});
