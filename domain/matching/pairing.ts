// The one-to-one pairing proposal (一对一对接): each reporting unit to one CNIPA department or unit, no
// resource over a balanced load, keeping existing pairings where it can. It is the same optimiser: units
// play demands, CNIPA resources play resources with capacity maxLoad, and all units form one fairness
// group, so the rule "best worst coverage first" becomes "pair as many units as possible", then affinity.
// The pairing kept is last year's where the campaign had one, the registry's otherwise.

import type { Bilingual } from '../labels.ts';
import { isReporting, type Registry, type Unit } from '../registry.ts';
import { InvalidInputError } from '../validation.ts';
import { type CatalogueResource, conflictsWith, type ResourceCatalogue, servesRegion } from './catalogue.ts';
import type { Pairing } from './instance.ts';
import type { UnitDemand } from './scoring.ts';
import { solveMatching } from './solver/optimiser.ts';
import { type PairList, packProblem } from './solver/problem.ts';

/** Affinity points; the existing pairing outweighs the rest together, so it is kept unless load forbids. */
export const pairingWeights = {
  base: 1,
  existing: 100,
  localRegion: 30,
  perCoverableDemand: 1,
  coverableCounted: 20,
};

export interface PairingInput {
  registry: Registry;
  catalogue: ResourceCatalogue;
  /** Flagged demands, so that a resource able to take a unit's demands is preferred. */
  demands?: readonly UnitDemand[];
  /** Most units per resource; default ceil(units / CNIPA resources). */
  maxLoad?: number;
  /**
   * Last year's pairings (its campaign's confirmed or recorded ones): kept where the load allows, before
   * the registry's. A unit without one keeps to the registry's pairing.
   */
  lastYear?: readonly Pairing[];
}

export interface ProposedPairing {
  unitCode: string;
  resourceId: string;
  affinity: number;
  /** Last year's pairing or else the registry's, if any, and whether this proposal keeps it. */
  previousResourceId: string | undefined;
  reason: Bilingual;
}

export interface PairingProposal {
  pairings: ProposedPairing[];
  unpaired: { unitCode: string; reason: Bilingual }[];
  maxLoad: number;
  load: { resourceId: string; units: number }[];
}

/** How many of a unit's flagged demands the resource could take (category and region; load aside). */
function coverable(resource: CatalogueResource, unitCode: string, demands: readonly UnitDemand[]): number {
  if (!servesRegion(resource, unitCode)) return 0;
  return demands.filter((d) => resource.serviceCategories.includes(d.item.serviceCategory)).length;
}

export function proposePairings(input: PairingInput): PairingProposal {
  const w = pairingWeights;
  const units = input.registry.units.filter(isReporting).sort((a, b) => (a.code < b.code ? -1 : 1));
  const resources = input.catalogue.resources
    .filter((r) => r.cnipaUnit)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const maxLoad = input.maxLoad ?? Math.ceil(units.length / Math.max(resources.length, 1));
  if (!Number.isInteger(maxLoad) || maxLoad < 1) {
    throw new InvalidInputError('pairing input', [
      { path: 'maxLoad', message: `a whole number of units per resource, at least 1. Received: ${maxLoad}` },
    ]);
  }
  // A partner from last year that is still in the catalogue; otherwise the registry's.
  const ids = new Set(resources.map((r) => r.id));
  const lastYear = new Map(
    (input.lastYear ?? []).filter((p) => ids.has(p.resourceId)).map((p) => [p.unitCode, p.resourceId]),
  );
  const existing = (unit: Unit) => lastYear.get(unit.code) ?? unit.pairedResource;
  const flaggedByUnit = new Map<string, UnitDemand[]>();
  for (const d of input.demands ?? []) {
    if (!d.item.needsCnipaCoordination) continue;
    const list = flaggedByUnit.get(d.unitCode);
    if (list) list.push(d);
    else flaggedByUnit.set(d.unitCode, [d]);
  }
  const pairs: PairList[][] = units.map((unit) =>
    resources.flatMap((resource, r) => {
      if (conflictsWith(resource, unit.code)) return [];
      const score =
        w.base +
        (existing(unit) === resource.id ? w.existing : 0) +
        (servesRegion(resource, unit.code) === 'local' ? w.localRegion : 0) +
        w.perCoverableDemand *
          Math.min(coverable(resource, unit.code, flaggedByUnit.get(unit.code) ?? []), w.coverableCounted);
      return [{ resource: r, score }];
    }),
  );
  const problem = packProblem(
    1,
    units.map(() => 0),
    resources.map(() => maxLoad),
    pairs,
  );
  const { assignment } = solveMatching(problem);
  const used = new Int32Array(resources.length);
  for (const r of assignment) if (r >= 0) used[r] = (used[r] as number) + 1;

  const pairings: ProposedPairing[] = [];
  const unpaired: PairingProposal['unpaired'] = [];
  units.forEach((unit, u) => {
    const r = assignment[u] as number;
    const resource = resources[r];
    if (!resource) {
      unpaired.push({
        unitCode: unit.code,
        reason: {
          zh: `可对口的资源均已满 (${maxLoad}) 或因利益冲突回避`,
          en: `every CNIPA resource is at its limit (${maxLoad}) or barred by a conflict of interest`,
        },
      });
      return;
    }
    const affinity = (pairs[u] ?? []).find((p) => p.resource === r)?.score ?? 0;
    const previous = resources.findIndex((x) => x.id === existing(unit));
    pairings.push({
      unitCode: unit.code,
      resourceId: resource.id,
      affinity,
      previousResourceId: existing(unit),
      reason: pairingReason(resource, resources[previous], {
        lastYear: lastYear.has(unit.code),
        previousLoad: used[previous] ?? 0,
        maxLoad,
        previousBarred: previous >= 0 && conflictsWith(resources[previous] as CatalogueResource, unit.code),
        region: servesRegion(resource, unit.code),
      }),
    });
  });
  return {
    pairings,
    unpaired,
    maxLoad,
    load: resources.map((r, i) => ({ resourceId: r.id, units: used[i] as number })),
  };
}

function pairingReason(
  chosen: CatalogueResource,
  previous: CatalogueResource | undefined,
  why: {
    lastYear: boolean;
    previousLoad: number;
    maxLoad: number;
    previousBarred: boolean;
    region: 'local' | 'national' | undefined;
  },
): Bilingual {
  const { previousLoad, maxLoad, region } = why;
  const regionPart =
    region === 'local' ? { zh: '；服务本地区', en: '; serves this region' } : { zh: '', en: '' };
  if (previous?.id === chosen.id) {
    return why.lastYear
      ? { zh: `保留上一年度的对口关系${regionPart.zh}`, en: `keeps last year's pairing${regionPart.en}` }
      : { zh: `保留现有对口关系${regionPart.zh}`, en: `keeps the existing pairing${regionPart.en}` };
  }
  if (previous && why.previousBarred) {
    return {
      zh: `原对口单位${previous.nameZh}因利益冲突回避，改由${chosen.nameZh}对口${regionPart.zh}`,
      en: `the existing partner ${previous.nameEn} is barred by a conflict of interest; paired with ${chosen.nameEn} instead${regionPart.en}`,
    };
  }
  if (previous) {
    return {
      zh: `原对口单位${previous.nameZh}已满 (${previousLoad}/${maxLoad})，改由${chosen.nameZh}对口${regionPart.zh}`,
      en: `the existing partner ${previous.nameEn} is at its limit (${previousLoad}/${maxLoad}); paired with ${chosen.nameEn} instead${regionPart.en}`,
    };
  }
  return {
    zh: `新建对口关系：${chosen.nameZh}${regionPart.zh}`,
    en: `new pairing: ${chosen.nameEn}${regionPart.en}`,
  };
}
