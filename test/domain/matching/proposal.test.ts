import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CatalogueResource, conflictsWith, servesRegion } from '../../../domain/matching/catalogue.ts';
import type { MatchingInput } from '../../../domain/matching/instance.ts';
import { type MatchingProposal, proposeMatches } from '../../../domain/matching/proposal.ts';
import {
  defaultScoreWeights,
  scoredDemand,
  scoredResource,
  scorePair,
  totalScore,
  type UnitDemand,
} from '../../../domain/matching/scoring.ts';
import { type PairList, packProblem } from '../../../domain/matching/solver/problem.ts';
import { smallMatchingInput } from './arbitraries.ts';
import { bruteForce, compare } from './bruteForce.ts';

const flagged = (input: MatchingInput) => input.demands.filter((d) => d.item.needsCnipaCoordination);
const paired = (input: MatchingInput, unitCode: string) =>
  input.pairings.find((p) => p.unitCode === unitCode)?.resourceId;

/** The pairs a demand may use, straight from the catalogue: offered category, served region, no conflict. */
function allowed(input: MatchingInput, d: UnitDemand): { resource: CatalogueResource; score: number }[] {
  return input.catalogue.resources.flatMap((resource) => {
    const b = scorePair(
      scoredDemand(d, paired(input, d.unitCode)),
      scoredResource(resource),
      defaultScoreWeights,
    );
    return b && !conflictsWith(resource, d.unitCode) ? [{ resource, score: totalScore(b) }] : [];
  });
}

/** The brute-force optimum of the same input, built without the code under test's instance builder. */
function reference(input: MatchingInput) {
  const demands = flagged(input);
  const units = [...new Set(demands.map((d) => d.unitCode))];
  const ids = input.catalogue.resources.map((r) => r.id);
  const pairs: PairList[][] = demands.map((d) =>
    allowed(input, d).map((p) => ({ resource: ids.indexOf(p.resource.id), score: p.score })),
  );
  const capacity = input.catalogue.resources.map((r) => r.capacity);
  return bruteForce(
    packProblem(
      units.length,
      demands.map((d) => units.indexOf(d.unitCode)),
      capacity,
      pairs,
    ),
  );
}

function demandOf(input: MatchingInput, unitCode: string, demandId: string): UnitDemand {
  const d = input.demands.find((x) => x.unitCode === unitCode && x.item.id === demandId);
  if (!d) throw new Error(`no demand ${unitCode}/${demandId}`);
  return d;
}

function resourceOf(input: MatchingInput, id: string): CatalogueResource {
  const r = input.catalogue.resources.find((x) => x.id === id);
  if (!r) throw new Error(`no resource ${id}`);
  return r;
}

function usedOf(proposal: MatchingProposal, id: string): number {
  return proposal.matches.filter((m) => m.resourceId === id).length;
}

const hanzi = /\p{Script=Han}/u;

describe('the matching proposal on small random inputs', () => {
  it('reaches the brute-force optimum: best worst-unit coverage, then best total score', () => {
    fc.assert(
      fc.property(smallMatchingInput, (input) => {
        const proposal = proposeMatches(input);
        const best = reference(input);
        expect(proposal.totalScore).toBe(best.totalScore);
        expect(proposal.matches.reduce((n, m) => n + m.score, 0)).toBe(best.totalScore);
        const worst = proposal.worstShare;
        if (best.worstShare && worst) expect(compare(worst, best.worstShare)).toBe(0);
        else expect(worst).toEqual(best.worstShare);
      }),
      { numRuns: 300 },
    );
  });

  it('lists every flagged demand once, never an unflagged one, and keeps capacities and conflicts', () => {
    fc.assert(
      fc.property(smallMatchingInput, (input) => {
        const proposal = proposeMatches(input);
        const listed = [...proposal.matches, ...proposal.unmatched]
          .map((m) => `${m.unitCode}/${m.demandId}`)
          .sort();
        expect(listed).toEqual(
          flagged(input)
            .map((d) => `${d.unitCode}/${d.item.id}`)
            .sort(),
        );
        for (const m of proposal.matches) {
          const resource = resourceOf(input, m.resourceId);
          const demand = demandOf(input, m.unitCode, m.demandId);
          expect(conflictsWith(resource, m.unitCode)).toBe(false);
          expect(resource.serviceCategories).toContain(demand.item.serviceCategory);
          expect(servesRegion(resource, m.unitCode)).toBeDefined();
          expect(totalScore(m.breakdown)).toBe(m.score);
        }
        for (const r of input.catalogue.resources)
          expect(usedOf(proposal, r.id)).toBeLessThanOrEqual(r.capacity);
      }),
      { numRuns: 200 },
    );
  });

  it('meets every unit floor and the floors follow the worst coverage', () => {
    fc.assert(
      fc.property(smallMatchingInput, (input) => {
        const { units, worstShare } = proposeMatches(input);
        for (const u of units) {
          expect(u.matched).toBeGreaterThanOrEqual(u.floor);
          if (worstShare && u.servable > 0)
            expect(u.matched * worstShare.denominator).toBeGreaterThanOrEqual(
              worstShare.numerator * u.servable,
            );
        }
      }),
      { numRuns: 200 },
    );
  });

  it('offers alternates that are allowed, best first, with their true remaining capacity', () => {
    fc.assert(
      fc.property(smallMatchingInput, (input) => {
        const proposal = proposeMatches(input);
        for (const row of [...proposal.matches, ...proposal.unmatched]) {
          const demand = demandOf(input, row.unitCode, row.demandId);
          const ok = new Map(allowed(input, demand).map((p) => [p.resource.id, p.score]));
          expect(row.alternates.length).toBeLessThanOrEqual(3);
          row.alternates.forEach((a, i) => {
            expect(ok.get(a.resourceId)).toBe(a.score);
            expect(a.resourceId).not.toBe('resourceId' in row ? row.resourceId : undefined);
            expect(a.hasCapacityLeft).toBe(
              usedOf(proposal, a.resourceId) < resourceOf(input, a.resourceId).capacity,
            );
            if (i > 0)
              expect(a.score).toBeLessThanOrEqual((row.alternates[i - 1] as { score: number }).score);
          });
        }
      }),
      { numRuns: 200 },
    );
  });

  it('passes over a better-ranked resource only when it is full, and says so', () => {
    fc.assert(
      fc.property(smallMatchingInput, (input) => {
        const proposal = proposeMatches(input);
        for (const m of proposal.matches) {
          const ranked = allowed(input, demandOf(input, m.unitCode, m.demandId)).sort(
            (a, b) => b.score - a.score || (a.resource.id < b.resource.id ? -1 : 1),
          );
          const above = ranked.slice(
            0,
            ranked.findIndex((p) => p.resource.id === m.resourceId),
          );
          for (const p of above) expect(usedOf(proposal, p.resource.id)).toBe(p.resource.capacity);
          const first = above[0]?.resource;
          if (first) {
            expect(m.reason.zh).toContain(
              `首选资源已满 (${first.capacity}/${first.capacity})：${first.nameZh}`,
            );
            expect(m.reason.en).toContain(
              `first choice full (${first.capacity}/${first.capacity}): ${first.nameEn}`,
            );
          } else {
            expect(m.reason.zh).not.toContain('首选资源已满');
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('says why a demand is unmatched, truthfully', () => {
    fc.assert(
      fc.property(smallMatchingInput, (input) => {
        const proposal = proposeMatches(input);
        for (const row of proposal.unmatched) {
          const demand = demandOf(input, row.unitCode, row.demandId);
          const offering = input.catalogue.resources.filter((r) =>
            r.serviceCategories.includes(demand.item.serviceCategory),
          );
          const inRegion = offering.filter((r) => servesRegion(r, row.unitCode));
          const expected =
            offering.length === 0
              ? 'noCategory'
              : inRegion.length === 0
                ? 'noRegion'
                : inRegion.every((r) => conflictsWith(r, row.unitCode))
                  ? 'allVetoed'
                  : 'capacityFull';
          expect(row.why).toBe(expected);
          if (expected === 'capacityFull') {
            for (const p of allowed(input, demand))
              expect(usedOf(proposal, p.resource.id)).toBe(p.resource.capacity);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives every reason in Chinese and in English', () => {
    fc.assert(
      fc.property(smallMatchingInput, (input) => {
        const proposal = proposeMatches(input);
        for (const row of [...proposal.matches, ...proposal.unmatched]) {
          expect(row.reason.zh).toMatch(hanzi);
          expect(row.reason.zh).not.toMatch(/capacity|service|resource/);
          // English apart from the catalogue's own Chinese keywords.
          const keywords = 'breakdown' in row ? row.breakdown.matchedKeywords : [];
          const english = keywords.reduce((text, k) => text.replaceAll(k, ''), row.reason.en);
          expect(english).toMatch(/^[\x20-\x7e]+$/);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same proposal whatever the order of demands, resources and pairings', () => {
    fc.assert(
      fc.property(
        smallMatchingInput.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.shuffledSubarray([...input.demands], { minLength: input.demands.length }),
            fc.shuffledSubarray(input.catalogue.resources, { minLength: input.catalogue.resources.length }),
            fc.shuffledSubarray([...input.pairings], { minLength: input.pairings.length }),
          ),
        ),
        ([input, demands, resources, pairings]) => {
          const shuffled = { catalogue: { resources }, demands, pairings };
          expect(proposeMatches(shuffled)).toEqual(proposeMatches(input));
        },
      ),
      { numRuns: 150 },
    );
  });
});
