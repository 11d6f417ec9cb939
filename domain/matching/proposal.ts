// The matching proposal an operator reviews (服务资源匹配建议): per flagged demand the chosen resource, its
// score and breakdown, up to three alternates and a bilingual reason; the demands nobody can take, and why;
// every unit's coverage against its fairness floor. Pure: the same input always gives the same proposal.

import type { Bilingual } from '../labels.ts';
import type { RecordMatches } from './decisions.ts';
import { matchReason, type ResourceLoad, unmatchedReason } from './explain.ts';
import { type Blocked, buildInstance, type MatchingInput, type MatchingInstance } from './instance.ts';
import { type ScoreBreakdown, type ScoredResource, scorePair } from './scoring.ts';
import type { Fraction } from './solver/fairness.ts';
import { solveMatching } from './solver/optimiser.ts';

export interface Alternate {
  resourceId: string;
  score: number;
  /** Whether it still has room after this proposal. */
  hasCapacityLeft: boolean;
}

export interface ProposedMatch {
  unitCode: string;
  demandId: string;
  resourceId: string;
  score: number;
  breakdown: ScoreBreakdown;
  /** The best other resources allowed for this demand (never a vetoed one), best first. */
  alternates: Alternate[];
  reason: Bilingual;
}

export interface UnmatchedDemand {
  unitCode: string;
  demandId: string;
  why: Blocked | 'capacityFull';
  alternates: Alternate[];
  reason: Bilingual;
}

export interface UnitCoverage {
  unitCode: string;
  flagged: number;
  servable: number;
  matched: number;
  /** The matches the fairness rule (leximin) gives this unit; every proposal gives it exactly this many. */
  floor: number;
}

export interface MatchingProposal {
  matches: ProposedMatch[];
  unmatched: UnmatchedDemand[];
  units: UnitCoverage[];
  /** The worst unit's coverage, the highest any matching reaches; undefined when no unit has a servable demand. */
  worstShare: Fraction | undefined;
  totalScore: number;
  load: { resourceId: string; used: number; capacity: number }[];
}

export function proposeMatches(input: MatchingInput): MatchingProposal {
  const instance = buildInstance(input);
  const { problem, demands, resources } = instance;
  const solution = solveMatching(problem);
  const used = new Int32Array(resources.length);
  for (const r of solution.assignment) if (r >= 0) used[r] = (used[r] as number) + 1;
  const loadOf = (r: number): ResourceLoad => ({
    resource: (resources[r] as ScoredResource).resource,
    used: used[r] as number,
  });

  const matches: ProposedMatch[] = [];
  const unmatched: UnmatchedDemand[] = [];
  demands.forEach((d, i) => {
    const ranked = rankedPairs(instance, i);
    const chosen = solution.assignment[i] as number;
    const alternates = ranked
      .filter((p) => p.resource !== chosen)
      .slice(0, 3)
      .map((p) => ({
        resourceId: (resources[p.resource] as ScoredResource).resource.id,
        score: p.score,
        hasCapacityLeft:
          (used[p.resource] as number) < (resources[p.resource] as ScoredResource).resource.capacity,
      }));
    const ids = { unitCode: d.demand.unitCode, demandId: d.demand.item.id };
    if (chosen < 0) {
      const why = instance.blocked[i] ?? 'capacityFull';
      const full = ranked.map((p) => loadOf(p.resource));
      const reason = unmatchedReason(d.demand, why, full, instance.vetoed[i]?.length ?? 0);
      unmatched.push({ ...ids, why, alternates, reason });
      return;
    }
    const breakdown = scorePair(d, resources[chosen] as ScoredResource, instance.weights) as ScoreBreakdown;
    const score = ranked.find((p) => p.resource === chosen)?.score ?? 0;
    const first = ranked[0]?.resource;
    const firstChoice = first !== undefined && first !== chosen ? loadOf(first) : undefined;
    const barred = instance.vetoed[i]?.[0];
    const barredResource =
      barred && barred.score > score ? (resources[barred.resource] as ScoredResource).resource : undefined;
    const reason = matchReason(d.demand, breakdown, loadOf(chosen), firstChoice, barredResource);
    matches.push({
      ...ids,
      resourceId: (resources[chosen] as ScoredResource).resource.id,
      score,
      breakdown,
      alternates,
      reason,
    });
  });

  return {
    matches,
    unmatched,
    units: instance.unitCodes.map((unitCode, p) => ({
      unitCode,
      flagged: demands.filter((d) => d.demand.unitCode === unitCode).length,
      servable: solution.servable[p] as number,
      matched: solution.matched[p] as number,
      floor: solution.floor[p] as number,
    })),
    worstShare: solution.worstShare,
    totalScore: solution.totalScore,
    load: resources.map((r, i) => ({
      resourceId: r.resource.id,
      used: used[i] as number,
      capacity: r.resource.capacity,
    })),
  };
}

/** Demand i's allowed pairs, best first (the optimiser's ranking). */
function rankedPairs(instance: MatchingInstance, i: number): { resource: number; score: number }[] {
  const { start, resource, score } = instance.problem;
  const pairs = [];
  for (let k = start[i] as number; k < (start[i + 1] as number); k++) {
    pairs.push({ resource: resource[k] as number, score: score[k] as number });
  }
  return pairs;
}

/** The proposal as the campaign's recordMatches update takes it, the Chinese reason as each match's note. */
export function toRecordMatches(
  proposal: MatchingProposal,
  pairings: RecordMatches['pairings'],
): RecordMatches {
  return {
    matches: proposal.matches.map((m) => ({
      unitCode: m.unitCode,
      demandId: m.demandId,
      resourceId: m.resourceId,
      note: m.reason.zh,
    })),
    pairings,
  };
}
