// Refuses, before anything is allocated, a matching too large to hold in memory, with the figures: the pairs
// of a demand depend only on its unit and service category, so they are counted per (unit, category).
import { InvalidInputError } from '../validation.ts';
import { maxCandidatePairs } from './bounds.ts';
import { servesRegion } from './catalogue.ts';
import type { ScoredDemand, ScoredResource } from './scoring.ts';

export function checkPairBudget(
  demands: readonly ScoredDemand[],
  resources: readonly ScoredResource[],
): void {
  const perKey = new Map<string, number>();
  let pairs = 0;
  for (const d of demands) {
    const { unitCode, item } = d.demand;
    const key = `${unitCode}\n${item.serviceCategory}`;
    let count = perKey.get(key);
    if (count === undefined) {
      count = resources.filter(
        ({ resource }) =>
          resource.serviceCategories.includes(item.serviceCategory) && servesRegion(resource, unitCode),
      ).length;
      perKey.set(key, count);
    }
    pairs += count;
  }
  if (pairs <= maxCandidatePairs) return;
  const n = (x: number) => x.toLocaleString('en');
  throw new InvalidInputError('matching input', [
    {
      path: 'demands',
      message:
        `${n(demands.length)} 项需求 × ${n(resources.length)} 个资源产生 ${n(pairs)} 个候选配对，超过上限 ${n(maxCandidatePairs)}（约 1 GB 内存）；` +
        `请分批匹配，或收窄资源的服务类别与地区 / ${n(demands.length)} flagged demands × ${n(resources.length)} resources ` +
        `give ${n(pairs)} candidate pairs, above the limit of ${n(maxCandidatePairs)} (about 1 GB of memory); ` +
        "match in batches (by unit or by category), or narrow the resources' service categories and regions",
    },
  ]);
}
