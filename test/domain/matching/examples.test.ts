import { describe, expect, it } from 'vitest';
import type { CatalogueResource } from '../../../domain/matching/catalogue.ts';
import { recordMatchesSchema } from '../../../domain/matching/decisions.ts';
import type { MatchingInput } from '../../../domain/matching/instance.ts';
import { proposeMatches, toRecordMatches } from '../../../domain/matching/proposal.ts';
import {
  defaultScoreWeights,
  scoredDemand,
  scoredResource,
  scorePair,
  type UnitDemand,
} from '../../../domain/matching/scoring.ts';
import type { ServiceCategory } from '../../../domain/registry.ts';
import { InvalidInputError } from '../../../domain/validation.ts';

function resource(id: string, change: Partial<CatalogueResource> = {}): CatalogueResource {
  return {
    id,
    nameZh: `资源${id}`,
    nameEn: `Resource ${id}`,
    kind: 'expert',
    cnipaUnit: false,
    serviceCategories: ['patentNavigation'],
    keyTasks: [2],
    regions: 'national',
    form: 'both',
    capacity: 5,
    keywords: [],
    contacts: [{ name: '联络员', email: `${id}@test.example` }],
    conflicts: [],
    ...change,
  };
}

function demand(unitCode: string, id: string, change: Partial<UnitDemand['item']> = {}): UnitDemand {
  return {
    unitCode,
    item: {
      id,
      entity: { name: '某企业', type: 'sme' },
      field: '新材料',
      keyTask: 2,
      serviceCategory: 'patentNavigation' as ServiceCategory,
      description: '开展专利导航',
      preferredForm: 'offline',
      needsCnipaCoordination: true,
      coordinationReason: '需要协调',
      contact: { name: '联系人', phone: '000' },
      ...change,
    },
  };
}

const input = (
  resources: CatalogueResource[],
  demands: UnitDemand[],
  pairings: MatchingInput['pairings'] = [],
) => ({
  catalogue: { resources },
  demands,
  pairings,
});

describe('scoring', () => {
  it('adds the named components, and keeps them', () => {
    const r = resource('a', { regions: ['11'], keywords: ['导航', '芯片', '质押'], form: 'offline' });
    const d = demand('11', 'D1', { field: '芯片', description: '芯片产业专利导航' });
    const b = scorePair(scoredDemand(d, 'a'), scoredResource(r), defaultScoreWeights);
    expect(b).toEqual({
      category: 40,
      keyTask: 20,
      region: 15,
      paired: 25,
      form: 10,
      keywords: 10,
      regionKind: 'local',
      matchedKeywords: ['导航', '芯片'],
    });
  });

  it('does not score a resource that lacks the category or the region', () => {
    const d = demand('11', 'D1');
    expect(
      scorePair(
        scoredDemand(d, undefined),
        scoredResource(resource('a', { serviceCategories: ['training'] })),
        defaultScoreWeights,
      ),
    ).toBeUndefined();
    expect(
      scorePair(
        scoredDemand(d, undefined),
        scoredResource(resource('a', { regions: ['44'] })),
        defaultScoreWeights,
      ),
    ).toBeUndefined();
  });
});

describe('the proposal', () => {
  it('lifts the worst-covered unit before it adds score (the fairness rule)', () => {
    const only = resource('a', { capacity: 2, keywords: ['芯片'] });
    const rich = ['D1', 'D2', 'D3'].map((id) => demand('11', id, { description: '芯片专利导航' }));
    const proposal = proposeMatches(input([only], [...rich, demand('32', 'D9')]));
    expect(proposal.worstShare).toEqual({ numerator: 1, denominator: 3 });
    expect(proposal.units.map((u) => [u.unitCode, u.matched, u.floor])).toEqual([
      ['11', 1, 1],
      ['32', 1, 1],
    ]);
  });

  it('names the full first choice when it gives a demand its second', () => {
    const proposal = proposeMatches(
      input(
        [resource('a', { capacity: 1 }), resource('b', { form: 'online' })],
        [demand('11', 'D1'), demand('11', 'D2')],
        [{ unitCode: '11', resourceId: 'a' }],
      ),
    );
    const second = proposal.matches.find((m) => m.resourceId === 'b');
    expect(second?.reason.zh).toBe(
      '服务类别一致（专利导航）；重点任务一致（任务2 服务企业创新）；全国性资源；剩余容量 4/5；首选资源已满 (1/1)：资源a',
    );
    expect(second?.reason.en).toBe(
      'same service category (patent navigation); same key task (2, enterprise innovation); national resource; capacity left 4/5; first choice full (1/1): Resource a',
    );
    expect(second?.alternates).toEqual([{ resourceId: 'a', score: 100, hasCapacityLeft: false }]);
  });

  it('says which conflict of interest cost a demand its best resource', () => {
    const proposal = proposeMatches(
      input([resource('a', { conflicts: ['11'], keywords: ['导航'] }), resource('b')], [demand('11', 'D1')]),
    );
    expect(proposal.matches[0]?.resourceId).toBe('b');
    expect(proposal.matches[0]?.alternates).toEqual([]);
    expect(proposal.matches[0]?.reason.zh).toContain('资源a因利益冲突回避');
    expect(proposal.matches[0]?.reason.en).toContain('Resource a barred by a conflict of interest');
  });

  it('explains each kind of unmatched demand', () => {
    const proposal = proposeMatches(
      input(
        [
          resource('local', { regions: ['44'] }),
          resource('barred', { serviceCategories: ['protection'], conflicts: ['11'] }),
          resource('empty', { serviceCategories: ['training'], capacity: 0 }),
        ],
        [
          demand('11', 'GI', { serviceCategory: 'geographicalIndication' }),
          demand('11', 'NAV'),
          demand('11', 'PRO', { serviceCategory: 'protection' }),
          demand('11', 'TRA', { serviceCategory: 'training' }),
        ],
      ),
    );
    expect(proposal.matches).toEqual([]);
    expect(proposal.unmatched.map((u) => [u.demandId, u.why, u.reason.zh, u.reason.en])).toEqual([
      [
        'GI',
        'noCategory',
        '无资源提供该服务类别（地理标志）',
        'no resource offers this service category (geographical indications)',
      ],
      [
        'NAV',
        'noRegion',
        '提供该服务类别（专利导航）的资源均不服务本地区',
        'no resource offering this service category (patent navigation) serves this region',
      ],
      [
        'PRO',
        'allVetoed',
        '可服务的 1 个资源均因利益冲突回避',
        'all 1 resources that could serve it are barred by a conflict of interest',
      ],
      [
        'TRA',
        'capacityFull',
        '候选资源容量已满：资源empty (0/0)',
        'every allowed resource is full: Resource empty (0/0)',
      ],
    ]);
    expect(proposal.worstShare).toBeUndefined();
  });

  it('ignores demands that do not ask for CNIPA coordination', () => {
    const proposal = proposeMatches(
      input([resource('a')], [demand('11', 'D1', { needsCnipaCoordination: false })]),
    );
    expect(proposal.matches).toEqual([]);
    expect(proposal.unmatched).toEqual([]);
  });

  it('becomes the recordMatches update, the Chinese reason as the note', () => {
    const proposal = proposeMatches(input([resource('a')], [demand('11', 'D1')]));
    const update = recordMatchesSchema.parse(
      toRecordMatches(proposal, [{ unitCode: '11', resourceId: 'a' }]),
    );
    expect(update.matches).toEqual([
      { unitCode: '11', demandId: 'D1', resourceId: 'a', note: proposal.matches[0]?.reason.zh },
    ]);
  });

  it('rejects a demand row given twice and weights that make a match worthless, naming the field', () => {
    expect(() => proposeMatches(input([resource('a')], [demand('11', 'D1'), demand('11', 'D1')]))).toThrow(
      /demands\[1\]\.item\.id: unit 11 has row "D1" twice/,
    );
    expect(() =>
      proposeMatches({ ...input([resource('a')], []), weights: { ...defaultScoreWeights, category: 0 } }),
    ).toThrow(InvalidInputError);
    expect(() =>
      proposeMatches({ ...input([resource('a')], []), weights: { ...defaultScoreWeights, category: 0 } }),
    ).toThrow(/score weights: category: 至少为 1 \/ at least 1/);
  });
});
