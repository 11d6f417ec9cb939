// fast-check generators for the matching tests: abstract problems for the optimiser, and small catalogues
// with flagged demands for the whole proposal.
import fc from 'fast-check';
import type { CatalogueResource, ResourceCatalogue } from '../../../domain/matching/catalogue.ts';
import type { MatchingInput } from '../../../domain/matching/instance.ts';
import type { UnitDemand } from '../../../domain/matching/scoring.ts';
import { type MatchingProblem, packProblem } from '../../../domain/matching/solver/problem.ts';
import type { ServiceCategory } from '../../../domain/registry.ts';

/** Up to 8 demands x 6 resources in up to 3 units, scores from 1 to `highestScore`. */
export const smallProblemScored = (highestScore: number): fc.Arbitrary<MatchingProblem> =>
  fc
    .record({ units: fc.integer({ min: 1, max: 3 }), resources: fc.integer({ min: 1, max: 6 }) })
    .chain(({ units, resources }) =>
      fc.record({
        units: fc.constant(units),
        capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: resources, maxLength: resources }),
        demands: fc.array(
          fc.record({
            unit: fc.integer({ min: 0, max: units - 1 }),
            pairs: fc.uniqueArray(
              fc.record({
                resource: fc.integer({ min: 0, max: resources - 1 }),
                score: fc.integer({ min: 1, max: highestScore }),
              }),
              { maxLength: 4, selector: (pair) => pair.resource },
            ),
          }),
          { maxLength: 8 },
        ),
      }),
    )
    .map(({ units, capacity, demands }) =>
      packProblem(
        units,
        demands.map((d) => d.unit),
        capacity,
        demands.map((d) => d.pairs),
      ),
    );

/** Small scores, so that ties are common. */
export const smallProblem = smallProblemScored(6);

export const testUnits = ['11', '32', '44', '4403'] as const;
const categories: ServiceCategory[] = ['patentNavigation', 'pledgeFinancing', 'trademarkBrand'];
const words = ['导航', '芯片', '质押', '评估', '商标', '品牌'];
const forms = ['online', 'offline', 'both'] as const;

const resource = (i: number): fc.Arbitrary<CatalogueResource> =>
  fc.record({
    id: fc.constant(`res-${i}`),
    nameZh: fc.constant(`资源${i}`),
    nameEn: fc.constant(`Resource ${i}`),
    kind: fc.constantFrom('cnipaDepartment', 'serviceAgency', 'expert'),
    cnipaUnit: fc.boolean(),
    serviceCategories: fc.uniqueArray(fc.constantFrom(...categories), { minLength: 1, maxLength: 2 }),
    keyTasks: fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
    regions: fc.oneof(
      fc.constant('national' as const),
      fc.uniqueArray(fc.constantFrom('11', '32', '44'), { minLength: 1, maxLength: 2 }),
    ),
    form: fc.constantFrom(...forms),
    capacity: fc.integer({ min: 0, max: 3 }),
    keywords: fc.uniqueArray(fc.constantFrom(...words), { maxLength: 3 }),
    contacts: fc.constant([{ name: '联络员', email: `res-${i}@test.example` }]),
    conflicts: fc.uniqueArray(fc.constantFrom(...testUnits), { maxLength: 1 }),
  });

const demand = (i: number): fc.Arbitrary<UnitDemand> =>
  fc.record({
    unitCode: fc.constantFrom(...testUnits),
    item: fc.record({
      id: fc.constant(`R${i}`),
      entity: fc.constant({ name: `企业${i}`, type: 'sme' as const }),
      field: fc.constantFrom('新材料', '电子信息', '现代农业'),
      keyTask: fc.integer({ min: 1, max: 5 }),
      // "geographicalIndication" is never offered: some demands have no resource for their category.
      serviceCategory: fc.constantFrom<ServiceCategory>(...categories, 'geographicalIndication'),
      description: fc
        .uniqueArray(fc.constantFrom(...words), { maxLength: 3 })
        .map((w) => `需要${w.join('、')}服务`),
      preferredForm: fc.constantFrom(...forms),
      needsCnipaCoordination: fc.integer({ min: 0, max: 6 }).map((n) => n > 0),
      coordinationReason: fc.constant('需要协调'),
      contact: fc.constant({ name: '联系人', phone: '000' }),
    }),
  });

/** A catalogue of up to 6 resources and up to 8 demand rows (most flagged) in 4 units, with pairings. */
export const smallMatchingInput: fc.Arbitrary<MatchingInput> = fc
  .record({ resources: fc.integer({ min: 1, max: 6 }), demands: fc.integer({ min: 0, max: 8 }) })
  .chain(({ resources, demands }) =>
    fc.record({
      catalogue: fc
        .tuple(...Array.from({ length: resources }, (_, i) => resource(i)))
        .map((list): ResourceCatalogue => ({ resources: list.map(withoutRegionConflicts) })),
      demands: fc.tuple(...Array.from({ length: demands }, (_, i) => demand(i))).map((list) => [...list]),
      pairings: fc
        .array(fc.integer({ min: 0, max: resources - 1 }), {
          minLength: testUnits.length,
          maxLength: testUnits.length,
        })
        .map((picks) => testUnits.map((unitCode, u) => ({ unitCode, resourceId: `res-${picks[u]}` }))),
    }),
  );

/** The schema forbids a unit under both regions and conflicts. */
function withoutRegionConflicts(r: CatalogueResource): CatalogueResource {
  const regions = r.regions;
  return regions === 'national' ? r : { ...r, conflicts: r.conflicts.filter((c) => !regions.includes(c)) };
}
