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

/** `rows` demand rows for a unit, every third flagged for CNIPA coordination with its reason. */
export function demandList(unitCode: string, rows: number, revision = 0): DemandList {
  return demandListSchema.parse({
    items: Array.from({ length: rows }, (_, i) => {
      const field = fields[i % fields.length] as string;
      const flagged = i % 3 === 0;
      return {
        id: `${unitCode}-D${String(i + 1).padStart(4, '0')}`,
        entity: { name: `${field}企业${i + 1}号有限公司`, type: entityTypes[i % entityTypes.length] },
        field,
        keyTask: (i % 5) + 1,
        serviceCategory: serviceCategories[i % serviceCategories.length],
        description: `围绕${field}核心技术开展专利布局与运营服务，第${revision + 1}版需求，涉及专利${(i % 40) + 3}件`,
        preferredForm: forms[i % forms.length],
        preferredTime: '下半年',
        needsCnipaCoordination: flagged,
        ...(flagged && { coordinationReason: `需国家知识产权局协调${field}领域专家资源` }),
        contact: { name: `联系人${i + 1}`, phone: `0${unitCode.padEnd(3, '0')}-${String(10_000_000 + i)}` },
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
