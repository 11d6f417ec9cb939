// How well a resource fits a flagged demand: a weighted sum of named components. The breakdown is kept,
// since it is also the explanation. Integer weights keep the optimiser exact and its answer reproducible.
import { z } from 'zod';
import type { DemandItem } from '../submissions.ts';
import { maxWeight } from './bounds.ts';
import { type CatalogueResource, servesRegion } from './catalogue.ts';

const atMost = `权重至多 ${maxWeight}（保证得分总和精确）/ at most ${maxWeight}, so that score sums stay exact`;
const weight = z
  .number()
  .int('权重须为整数 / a whole number')
  .nonnegative('权重不能为负 / 0 or more')
  .max(maxWeight, atMost);

export const scoreWeightsSchema = z.object({
  /** The resource offers the demand's service category. Every candidate has it (it is required), so it is
   * the value of matching a demand at all; at least 1, so that a free resource is never left idle. */
  category: z
    .number()
    .int('权重须为整数 / a whole number')
    .min(1, '至少为 1 / at least 1: every match must be worth something')
    .max(maxWeight, atMost),
  keyTask: weight,
  /** The unit's one-to-one (一对一) paired resource. */
  paired: weight,
  /** The resource lists the demand's unit among its regions. */
  localRegion: weight,
  /** The resource serves the whole country. */
  nationalRegion: weight,
  /** The resource's form (online/offline) suits the demand's preferred form. */
  form: weight,
  /** Per resource keyword found in the demand's field or description... */
  keywordHit: weight,
  /** ...counting at most this many keywords. */
  keywordHitsCounted: z.number().int('a whole number').min(0, '0 or more').max(10, 'at most 10'),
});
export type ScoreWeights = z.infer<typeof scoreWeightsSchema>;

export const defaultScoreWeights: ScoreWeights = {
  category: 40,
  keyTask: 20,
  paired: 25,
  localRegion: 15,
  nationalRegion: 5,
  form: 10,
  keywordHit: 5,
  keywordHitsCounted: 3,
};

/** A demand row (Annex 1) with the unit that reported it. */
export interface UnitDemand {
  unitCode: string;
  item: DemandItem;
}

/** A demand as the scorer reads it: its text lower-cased once, and its unit's paired resource. */
export interface ScoredDemand {
  demand: UnitDemand;
  text: string;
  pairedResourceId: string | undefined;
}

/** A resource as the scorer reads it: its keywords lower-cased once. */
export interface ScoredResource {
  resource: CatalogueResource;
  keywords: readonly string[];
}

export function scoredDemand(demand: UnitDemand, pairedResourceId: string | undefined): ScoredDemand {
  const { field, description } = demand.item;
  return { demand, text: `${field}\n${description}`.toLowerCase(), pairedResourceId };
}

export function scoredResource(resource: CatalogueResource): ScoredResource {
  return { resource, keywords: resource.keywords.map((k) => k.toLowerCase()) };
}

export interface ScoreBreakdown {
  category: number;
  keyTask: number;
  region: number;
  paired: number;
  form: number;
  keywords: number;
  /** Which region rule applied: the unit is listed, or the resource is national. */
  regionKind: 'local' | 'national';
  /** The resource keywords found in the demand, as the catalogue writes them. */
  matchedKeywords: string[];
}

export function totalScore(b: ScoreBreakdown): number {
  return b.category + b.keyTask + b.region + b.paired + b.form + b.keywords;
}

function formsFit(demand: DemandItem['preferredForm'], resource: CatalogueResource['form']): boolean {
  return demand === 'both' || resource === 'both' || demand === resource;
}

/**
 * The breakdown for one pair, or undefined when the resource cannot serve the demand at all: it does not
 * offer the category, or does not serve the unit's region. Conflicts are not checked here: a vetoed pair
 * still has a score, so that the explanation can say what the veto cost.
 */
export function scorePair(
  d: ScoredDemand,
  r: ScoredResource,
  weights: ScoreWeights,
): ScoreBreakdown | undefined {
  const { item, unitCode } = d.demand;
  const resource = r.resource;
  if (!resource.serviceCategories.includes(item.serviceCategory)) return undefined;
  const regionKind = servesRegion(resource, unitCode);
  if (!regionKind) return undefined;
  const matchedKeywords = resource.keywords.filter((_, i) => d.text.includes(r.keywords[i] as string));
  return {
    category: weights.category,
    keyTask: resource.keyTasks.includes(item.keyTask) ? weights.keyTask : 0,
    region: regionKind === 'local' ? weights.localRegion : weights.nationalRegion,
    paired: d.pairedResourceId === resource.id ? weights.paired : 0,
    form: formsFit(item.preferredForm, resource.form) ? weights.form : 0,
    keywords: weights.keywordHit * Math.min(matchedKeywords.length, weights.keywordHitsCounted),
    regionKind,
    matchedKeywords,
  };
}
