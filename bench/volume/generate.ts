// Real volumes, generated: a unit's demand list as a province collects it (hundreds of enterprises, a third
// flagged for CNIPA) and a year of activity records. Deterministic from the unit code, so runs compare.
import { serviceCategories } from '../../domain/registry.ts';
import {
  type ActivityRecord,
  activityRecordSchema,
  activityTypes,
  type DemandList,
  demandListSchema,
  entityTypes,
  forms,
} from '../../domain/submissions.ts';

const fields = [
  '新材料',
  '生物医药',
  '高端装备',
  '电子信息',
  '现代农业',
  '新能源汽车',
  '集成电路',
  '绿色低碳',
];

/**
 * Free text as offices write it: every row different. Repeated text would gzip far better than real demand
 * lists do, and the payload sizes measured on it would flatter the codec.
 */
const phrases = [
  '专利布局',
  '高价值专利培育',
  '海外维权援助',
  '商标品牌建设',
  '地理标志保护',
  '专利导航分析',
  '知识产权质押融资',
  '技术转移转化',
  '专利许可谈判',
  '侵权风险排查',
  '标准必要专利',
  '商业秘密保护',
  '数据知识产权登记',
  '集成电路布图设计',
  '专利池运营',
  '产学研合作',
  '知识产权托管',
  '贯标认证辅导',
  '专利检索',
  '无效宣告应对',
  '展会知识产权保护',
  '快速预审通道',
  '专利开放许可',
  '知识产权保险',
  '人才培训',
  '产业链协同',
  '关键核心技术攻关',
  '出口企业预警',
];
const places = ['高新区', '经开区', '科技园', '产业园', '孵化器', '创新港', '开发区', '工业园'];

/** The same text for the same seed: runs compare. */
function seeded(seed: string): () => number {
  let h = 2_166_136_261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16_777_619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2_246_822_507);
    h = Math.imul(h ^ (h >>> 13), 3_266_489_909);
    h ^= h >>> 16;
    return (h >>> 0) / 4_294_967_296;
  };
}

function freeText(random: () => number, field: string, revision: number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  return (
    `围绕${field}${pick(['核心技术', '关键工艺', '新产品', '重点项目'])}开展${pick(phrases)}与${pick(phrases)}，` +
    `拟在${pick(places)}${Math.floor(random() * 90) + 10}号地块建设${pick(phrases)}服务点，` +
    `涉及专利${Math.floor(random() * 400) + 3}件、商标${Math.floor(random() * 60)}件，第${revision + 1}版`
  );
}

/** `rows` demand rows for a unit, every third flagged for CNIPA coordination with its reason. */
export function demandList(unitCode: string, rows: number, revision = 0): DemandList {
  return demandListSchema.parse({
    items: Array.from({ length: rows }, (_, i) => {
      const field = fields[i % fields.length] as string;
      const flagged = i % 3 === 0;
      const random = seeded(`${unitCode}/${revision}/${i}`);
      return {
        id: `${unitCode}-D${String(i + 1).padStart(4, '0')}`,
        entity: { name: `${field}企业${i + 1}号有限公司`, type: entityTypes[i % entityTypes.length] },
        field,
        keyTask: (i % 5) + 1,
        serviceCategory: serviceCategories[i % serviceCategories.length],
        description: freeText(random, field, revision),
        preferredForm: forms[i % forms.length],
        preferredTime: '下半年',
        needsCnipaCoordination: flagged,
        ...(flagged && {
          coordinationReason: `需国家知识产权局协调${field}领域${(['专家', '审查', '维权', '运营'] as const)[Math.floor(random() * 4)]}资源，${Math.floor(random() * 12) + 1}月前完成`,
        }),
        contact: {
          name: `联系人${Math.floor(random() * 9_000) + 1_000}`,
          phone: `0${unitCode.padEnd(3, '0')}-${String(Math.floor(random() * 90_000_000) + 10_000_000)}`,
        },
      };
    }),
  });
}

/** The i-th activity record of a unit's year: one event, somewhere between June and October. */
export function activity(unitCode: string, i: number, year: number): ActivityRecord {
  const month = 6 + (i % 5);
  const day = 1 + (i % 28);
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return activityRecordSchema.parse({
    id: `${unitCode}-A${String(i + 1).padStart(4, '0')}`,
    title: `知识产权服务进园区活动第${i + 1}场`,
    startDate: date,
    endDate: date,
    place: `${unitCode}地区某产业园区`,
    form: forms[i % forms.length],
    type: activityTypes[i % activityTypes.length],
    keyTask: (i % 5) + 1,
    organisers: ['地方知识产权局', '知识产权服务机构'],
    participants: 50 + (i % 100),
    enterprisesServed: 10 + (i % 30),
    outcome: `解答企业问题${i % 60}个，达成服务意向${i % 7}项`,
  });
}
