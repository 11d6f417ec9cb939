// From the domain (catalogue, flagged demands, pairings) to the optimiser's numbers: which pairs are
// allowed and what each scores. Everything is sorted by id first, so the answer never depends on input order.
import { z } from 'zod';
import { type ServiceCategory, serviceCategories } from '../registry.ts';
import { forms } from '../submissions.ts';
import { fieldPath, InvalidInputError, parseInput } from '../validation.ts';
import { oneOf } from './bounds.ts';
import { conflictsWith, type ResourceCatalogue, resourceCatalogueSchema } from './catalogue.ts';
import { checkPairBudget } from './pairBudget.ts';
import {
  defaultScoreWeights,
  type ScoredDemand,
  type ScoredResource,
  type ScoreWeights,
  scoredDemand,
  scoredResource,
  scorePair,
  scoreWeightsSchema,
  totalScore,
  type UnitDemand,
} from './scoring.ts';
import { type MatchingProblem, type PairList, packProblem } from './solver/problem.ts';

export interface Pairing {
  unitCode: string;
  resourceId: string;
}

export interface MatchingInput {
  catalogue: ResourceCatalogue;
  /** Demand rows with their unit; only those with needsCnipaCoordination are matched. */
  demands: readonly UnitDemand[];
  /** One-to-one pairings (一对一): the registry's units[].pairedResource, or a pairing proposal. */
  pairings: readonly Pairing[];
  weights?: ScoreWeights;
}

/** Why a demand has no allowed resource at all. */
export type Blocked = 'noCategory' | 'noRegion' | 'allVetoed';

export interface MatchingInstance {
  /** Flagged demands, by unit code then row id. */
  demands: ScoredDemand[];
  /** By id; resource i of the problem is resources[i]. */
  resources: ScoredResource[];
  unitCodes: string[];
  weights: ScoreWeights;
  problem: MatchingProblem;
  /** Per demand: resources that could serve it but are barred by a conflict, ranked. */
  vetoed: PairList[][];
  blocked: (Blocked | undefined)[];
}

function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const keyTaskMessage = '重点任务须为 1 至 5 / Key task: a number from 1 to 5';

/** The demand fields the scorer and the reasons look up, named as the demand list's columns name them. */
const scoredFieldsSchema = z.object({
  serviceCategory: z.enum(serviceCategories, {
    error: `服务类别未知 / unknown Service category; use one of ${oneOf(serviceCategories)}`,
  }),
  preferredForm: z.enum(forms, {
    error: `期望服务形式未知 / unknown Preferred form; use one of ${oneOf(forms)}`,
  }),
  keyTask: z
    .number({ error: keyTaskMessage })
    .int(keyTaskMessage)
    .min(1, keyTaskMessage)
    .max(5, keyTaskMessage),
});

function checkedInput(input: MatchingInput): {
  weights: ScoreWeights;
  paired: Map<string, string>;
  catalogue: ResourceCatalogue;
} {
  const weights = parseInput(scoreWeightsSchema, input.weights ?? defaultScoreWeights, 'score weights');
  const catalogue = parseInput(resourceCatalogueSchema, input.catalogue, 'resource catalogue');
  const issues: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  input.demands.forEach((d, i) => {
    const fields = scoredFieldsSchema.safeParse(d.item);
    if (!fields.success) {
      for (const issue of fields.error.issues)
        issues.push({ path: fieldPath(['demands', i, 'item', ...issue.path]), message: issue.message });
    }
    const key = `${d.unitCode}/${d.item.id}`;
    if (seen.has(key))
      issues.push({
        path: `demands[${i}].item.id`,
        message: `unit ${d.unitCode} has row "${d.item.id}" twice`,
      });
    seen.add(key);
  });
  const paired = new Map<string, string>();
  input.pairings.forEach((p, i) => {
    if (paired.has(p.unitCode))
      issues.push({ path: `pairings[${i}].unitCode`, message: `unit ${p.unitCode} is paired twice` });
    paired.set(p.unitCode, p.resourceId);
  });
  if (issues.length > 0) throw new InvalidInputError('matching input', issues);
  return { weights, paired, catalogue };
}

export function buildInstance(input: MatchingInput): MatchingInstance {
  const { weights, paired, catalogue } = checkedInput(input);
  const resources = [...catalogue.resources].sort((a, b) => byString(a.id, b.id)).map(scoredResource);
  const demands = input.demands
    .filter((d) => d.item.needsCnipaCoordination)
    .sort((a, b) => byString(a.unitCode, b.unitCode) || byString(a.item.id, b.item.id))
    .map((d) => scoredDemand(d, paired.get(d.unitCode)));
  checkPairBudget(demands, resources);
  const unitCodes = [...new Set(demands.map((d) => d.demand.unitCode))];
  const unitIndex = new Map(unitCodes.map((code, i) => [code, i]));
  // Only the resources offering a demand's category are looked at.
  const byCategory = new Map<ServiceCategory, number[]>();
  resources.forEach((r, i) => {
    for (const c of r.resource.serviceCategories) {
      const list = byCategory.get(c);
      if (list) list.push(i);
      else byCategory.set(c, [i]);
    }
  });

  const pairs: PairList[][] = [];
  const vetoed: PairList[][] = [];
  const blocked: (Blocked | undefined)[] = [];
  for (const d of demands) {
    const allowed: PairList[] = [];
    const barred: PairList[] = [];
    const offering = byCategory.get(d.demand.item.serviceCategory) ?? [];
    for (const i of offering) {
      const breakdown = scorePair(d, resources[i] as ScoredResource, weights);
      if (!breakdown) continue;
      const pair = { resource: i, score: totalScore(breakdown) };
      if (conflictsWith((resources[i] as ScoredResource).resource, d.demand.unitCode)) barred.push(pair);
      else allowed.push(pair);
    }
    pairs.push(allowed);
    vetoed.push(barred.sort((a, b) => b.score - a.score || a.resource - b.resource));
    blocked.push(allowed.length > 0 ? undefined : whyBlocked(offering.length, barred.length));
  }
  const unitOf = demands.map((d) => unitIndex.get(d.demand.unitCode) as number);
  const capacity = resources.map((r) => r.resource.capacity);
  const problem = packProblem(unitCodes.length, unitOf, capacity, pairs);
  return { demands, resources, unitCodes, weights, problem, vetoed, blocked };
}

function whyBlocked(offering: number, barred: number): Blocked {
  if (offering === 0) return 'noCategory';
  return barred > 0 ? 'allVetoed' : 'noRegion';
}
