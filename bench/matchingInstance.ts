// A seeded, repeatable matching instance of any size: the shipped catalogue topped up with generated
// agencies and expert groups, and flagged demands spread over the 37 reporting units, skewed the way
// campaigns are (big provinces report more; navigation and transfer are asked for most).
import catalogueData from '../domain/data/resources.json' with { type: 'json' };
import { defaultRegistry } from '../domain/defaultRegistry.ts';
import type { CatalogueResource, ResourceCatalogue } from '../domain/matching/catalogue.ts';
import { loadResourceCatalogue } from '../domain/matching/catalogueLoader.ts';
import type { Pairing } from '../domain/matching/instance.ts';
import type { UnitDemand } from '../domain/matching/scoring.ts';
import {
  type Registry,
  reportingUnits,
  type ServiceCategory,
  serviceCategories,
} from '../domain/registry.ts';
import { entityTypes, forms } from '../domain/submissions.ts';

/** mulberry32: small, fast and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const vocabulary = [
  ...[
    '导航',
    '专利布局',
    '产业规划',
    '芯片',
    '集成电路',
    '新能源',
    '机器人',
    '医药',
    '生物',
    '疫苗',
    '通信',
    '人工智能',
  ],
  ...[
    '软件',
    '质押',
    '融资',
    '评估',
    '保险',
    '证券化',
    '交易',
    '挂牌',
    '许可',
    '开放许可',
    '成果转化',
    '技术经纪',
  ],
  ...[
    '地理标志',
    '乡村振兴',
    '农产品',
    '特色产业',
    '商标',
    '品牌',
    '驰名商标',
    '维权',
    '侵权',
    '纠纷',
    '海外',
    '出口',
  ],
  ...[
    '集聚区',
    '出口基地',
    '培训',
    '人才',
    '诚信',
    '蓝天',
    '代理',
    '检索',
    '预警',
    '数据',
    '专精特新',
    '装备制造',
  ],
];
const fields = [
  '新材料',
  '生物医药',
  '电子信息',
  '高端装备',
  '新能源汽车',
  '现代农业',
  '纺织服装',
  '食品',
  '软件',
  '化工',
];
/** How often each service category is asked for, in serviceCategories' order. */
const categoryWeights = [24, 20, 12, 8, 10, 9, 5, 5, 5, 2];
const generatedKinds = ['serviceAgency', 'expert', 'association', 'researchInstitute'] as const;

export interface MatchingBenchInstance {
  registry: Registry;
  catalogue: ResourceCatalogue;
  demands: UnitDemand[];
  pairings: Pairing[];
}

/** `dense`: every resource national and offering every category, without conflicts: all pairs allowed. */
export function matchingInstance(
  demandCount: number,
  resourceCount: number,
  seed: number,
  dense = false,
): MatchingBenchInstance {
  const random = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const weighted = <T>(list: readonly T[], weights: readonly number[]): T => {
    let x = random() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < list.length; i++) {
      x -= weights[i] as number;
      if (x < 0) return list[i] as T;
    }
    return list[list.length - 1] as T;
  };
  const some = <T>(list: readonly T[], n: number): T[] => [
    ...new Set(Array.from({ length: n }, () => pick(list))),
  ];

  const registry = defaultRegistry();
  const shipped = loadResourceCatalogue(catalogueData, registry, 'domain/data/resources.json');
  const units = reportingUnits(registry).map((u) => u.code);
  const unitWeights = units.map((code) =>
    ['32', '33', '44', '37', '4403'].includes(code) ? 3 : code.length === 4 ? 1 : 2,
  );

  const generated: CatalogueResource[] = [];
  for (let i = shipped.resources.length; i < resourceCount; i++) {
    const home = pick(units);
    const national = random() < 0.35;
    generated.push({
      id: `bench-${String(i).padStart(4, '0')}`,
      nameZh: `示例服务机构${i}`,
      nameEn: `Example service provider ${i}`,
      kind: pick(generatedKinds),
      cnipaUnit: false,
      serviceCategories: some<ServiceCategory>(serviceCategories, int(1, 3)),
      keyTasks: some([1, 2, 3, 4, 5], int(1, 3)),
      regions: national ? 'national' : some(units, int(3, 8)),
      form: pick(forms),
      capacity: int(5, 16),
      keywords: some(vocabulary, int(3, 6)),
      contacts: [{ name: '联络员', email: `bench-${i}@agency.example` }],
      conflicts: national && random() < 0.5 ? [home] : [],
    });
  }
  const all = [...shipped.resources, ...generated].slice(0, resourceCount);
  const catalogue = {
    resources: dense
      ? all.map((r) => ({
          ...r,
          regions: 'national' as const,
          serviceCategories: [...serviceCategories],
          conflicts: [],
        }))
      : all,
  };

  const demands: UnitDemand[] = Array.from({ length: demandCount }, (_, i) => ({
    unitCode: weighted(units, unitWeights),
    item: {
      id: `D${String(i).padStart(5, '0')}`,
      entity: { name: `示例企业${i}`, type: pick(entityTypes) },
      field: pick(fields),
      keyTask: int(1, 5),
      serviceCategory: weighted(serviceCategories, categoryWeights),
      description: `围绕${some(vocabulary, int(2, 4)).join('、')}需要国家知识产权局协调专业资源`,
      preferredForm: pick(forms),
      needsCnipaCoordination: true,
      coordinationReason: '本地缺少相关服务资源',
      contact: { name: '联系人', phone: '000-00000000' },
    },
  }));
  const pairings = registry.units.flatMap((u) =>
    u.pairedResource ? [{ unitCode: u.code, resourceId: u.pairedResource }] : [],
  );
  return { registry, catalogue, demands, pairings };
}
