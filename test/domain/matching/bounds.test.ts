import { describe, expect, it } from 'vitest';
import { matchingInstance } from '../../../bench/matchingInstance.ts';
import catalogueData from '../../../domain/data/resources.json' with { type: 'json' };
import { defaultRegistry } from '../../../domain/defaultRegistry.ts';
import { maxCapacity, maxWeight } from '../../../domain/matching/bounds.ts';
import type { CatalogueResource } from '../../../domain/matching/catalogue.ts';
import { loadResourceCatalogue } from '../../../domain/matching/catalogueLoader.ts';
import { matchReason, unmatchedReason } from '../../../domain/matching/explain.ts';
import { proposeMatches } from '../../../domain/matching/proposal.ts';
import {
  defaultScoreWeights,
  type ScoreWeights,
  scoredDemand,
  scoredResource,
  scorePair,
  type UnitDemand,
} from '../../../domain/matching/scoring.ts';
import type { ServiceCategory } from '../../../domain/registry.ts';

const registry = defaultRegistry();
const load = (value: unknown) => loadResourceCatalogue(value, registry, 'resources.json');

function withResource(change: Record<string, unknown>): unknown {
  const copy = structuredClone(catalogueData) as { resources: Record<string, unknown>[] };
  copy.resources[0] = { ...copy.resources[0], ...change };
  return copy;
}

function resource(change: Partial<CatalogueResource> = {}): CatalogueResource {
  return {
    id: 'a',
    nameZh: '资源a',
    nameEn: 'Resource a',
    kind: 'expert',
    cnipaUnit: false,
    serviceCategories: ['patentNavigation'],
    keyTasks: [2],
    regions: 'national',
    form: 'both',
    capacity: 5,
    keywords: [],
    contacts: [{ name: '联络员', email: 'a@test.example' }],
    conflicts: [],
    ...change,
  };
}

function demand(change: Record<string, unknown> = {}): UnitDemand {
  return {
    unitCode: '11',
    item: {
      id: 'D1',
      entity: { name: '某企业', type: 'sme' },
      field: '集成电路',
      keyTask: 2,
      serviceCategory: 'patentNavigation' as ServiceCategory,
      description: '芯片企业开展专利导航',
      preferredForm: 'offline',
      needsCnipaCoordination: true,
      coordinationReason: '需要协调',
      contact: { name: '联系人', phone: '000' },
      ...change,
    } as UnitDemand['item'],
  };
}

const propose = (resources: CatalogueResource[], demands: UnitDemand[], weights?: ScoreWeights) =>
  proposeMatches({ catalogue: { resources }, demands, pairings: [], weights });

describe('catalogue capacity', () => {
  it('refuses 2^31 and 2^32 + 1, which a 32-bit arc would wrap, and says why', () => {
    for (const capacity of [2 ** 31, 2 ** 32 + 1]) {
      expect(() => load(withResource({ capacity }))).toThrow(
        /resources\[0\]\.capacity: 容量至多 2147483647.*32-bit integers/,
      );
    }
  });

  it('refuses 2.5 instead of using it as 2', () => {
    expect(() => load(withResource({ capacity: 2.5 }))).toThrow(/resources\[0\]\.capacity: 容量须为整数/);
  });

  it('accepts the largest capacity and the solver uses all of it', () => {
    expect(load(withResource({ capacity: maxCapacity })).resources[0]?.capacity).toBe(maxCapacity);
    const proposal = propose([resource({ capacity: maxCapacity })], [demand()]);
    expect(proposal.matches).toHaveLength(1);
    expect(proposal.load[0]).toEqual({ resourceId: 'a', used: 1, capacity: maxCapacity });
  });

  it('is checked again where the proposal takes its input, so no caller can hand the solver a wrapped value', () => {
    expect(() => propose([resource({ capacity: 2 ** 31 })], [demand()])).toThrow(
      /resource catalogue: resources\[0\]\.capacity: 容量至多/,
    );
  });
});

describe('score weights', () => {
  it(`refuse a weight above ${maxWeight}, naming it`, () => {
    expect(() => propose([resource()], [demand()], { ...defaultScoreWeights, keyTask: 2 ** 31 })).toThrow(
      /score weights: keyTask: 权重至多 1000000/,
    );
    expect(() => propose([resource()], [demand()], { ...defaultScoreWeights, category: 2 ** 31 })).toThrow(
      /score weights: category: 权重至多 1000000/,
    );
  });

  it('at their largest still give an exact proposal that keeps every fairness floor', () => {
    const most: ScoreWeights = {
      category: maxWeight,
      keyTask: maxWeight,
      paired: maxWeight,
      localRegion: maxWeight,
      nationalRegion: maxWeight,
      form: maxWeight,
      keywordHit: maxWeight,
      keywordHitsCounted: 10,
    };
    const keywords = ['芯片', '专利', '导航', '集成', '电路', '企业', '开展'];
    const resources = [resource({ capacity: 1, keywords }), resource({ id: 'b', capacity: 1 })];
    const demands = [demand(), demand({ id: 'D2' }), { ...demand({ id: 'D3' }), unitCode: '12' }];
    const proposal = propose(resources, demands, most);
    expect(proposal.matches).toHaveLength(2);
    expect(proposal.units.map((u) => u.matched)).toEqual([1, 1]);
    // a 4-weight base, plus 7 keyword hits on "a"
    expect(proposal.totalScore).toBe(11 * maxWeight + 4 * maxWeight);
  });
});

describe('keywords', () => {
  it('count a keyword listed twice once ("芯片、芯片"), whatever its letter case', () => {
    const catalogue = load(withResource({ keywords: ['芯片', '芯片', 'AI', 'ai'] }));
    expect(catalogue.resources[0]?.keywords).toEqual(['芯片', 'AI']);
    const once = scorePair(
      scoredDemand(demand(), undefined),
      scoredResource(resource({ keywords: ['芯片'] })),
      defaultScoreWeights,
    );
    const [twice] = propose([resource({ keywords: ['芯片', '芯片'] })], [demand()]).matches;
    expect(twice?.breakdown.keywords).toBe(once?.keywords);
    expect(twice?.breakdown.matchedKeywords).toEqual(['芯片']);
  });
});

describe('conflicts against regions', () => {
  it('refuse a conflict with a province whose city the resource serves, naming both', () => {
    expect(() => load(withResource({ regions: ['3302', '11'], conflicts: ['33'] }))).toThrow(
      /resources\[0\]\.conflicts\[0\]: 回避单位 33 包含服务地区 3302 .*conflict 33 covers 3302/,
    );
  });

  it('allow serving a province while barring one of its cities', () => {
    const catalogue = load(withResource({ regions: ['33'], conflicts: ['3302'] }));
    expect(catalogue.resources[0]?.conflicts).toEqual(['3302']);
  });
});

describe('unknown codes', () => {
  it('in the catalogue are refused with a bilingual message naming the field', () => {
    expect(() => load(withResource({ serviceCategories: ['astrology'] }))).toThrow(
      /resources\[0\]\.serviceCategories\[0\]: 未知服务类别 \/ unknown service category; use one of patentNavigation/,
    );
    expect(() => load(withResource({ form: 'hybrid' }))).toThrow(
      /resources\[0\]\.form: 未知服务形式 \/ unknown form; use one of online, offline, both/,
    );
  });

  it("in a demand are refused where the proposal takes it, under the demand list's column names", () => {
    expect(() => propose([resource()], [demand({ serviceCategory: 'astrology' })])).toThrow(
      /demands\[0\]\.item\.serviceCategory: 服务类别未知 \/ unknown Service category/,
    );
    expect(() => propose([resource()], [demand({ preferredForm: 'hybrid' })])).toThrow(
      /demands\[0\]\.item\.preferredForm: 期望服务形式未知 \/ unknown Preferred form/,
    );
    expect(() => propose([resource()], [demand({ keyTask: 7 })])).toThrow(
      /demands\[0\]\.item\.keyTask: 重点任务须为 1 至 5/,
    );
  });

  it('never make a reason throw: the code stands in for its label', () => {
    const odd = demand({ serviceCategory: 'astrology', preferredForm: 'hybrid', keyTask: 9 });
    const breakdown = scorePair(
      scoredDemand(demand(), undefined),
      scoredResource(resource()),
      defaultScoreWeights,
    );
    if (!breakdown) throw new Error('expected a score');
    const loadA = { resource: resource(), used: 1 };
    expect(matchReason(odd, breakdown, loadA, undefined, undefined).en).toContain('astrology');
    expect(matchReason(odd, breakdown, loadA, undefined, undefined).zh).toContain('hybrid');
    expect(unmatchedReason(odd, 'noCategory', [], 0).zh).toContain('astrology');
    expect(unmatchedReason(odd, 'noRegion', [], 0).en).toContain('astrology');
  });
});

describe('size', () => {
  it('refuses a matching with more candidate pairs than fit in memory, with the figures, before building it', () => {
    const { catalogue, demands, pairings } = matchingInstance(7000, 2000, 1, true);
    expect(() => proposeMatches({ catalogue, demands, pairings })).toThrow(
      /demands: 7,000 项需求 × 2,000 个资源产生 14,000,000 个候选配对，超过上限 12,000,000（约 1 GB 内存）.*7,000 flagged demands × 2,000 resources give 14,000,000 candidate pairs, above the limit of 12,000,000/,
    );
  });
});
