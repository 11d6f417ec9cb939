// The review page's pages: every decision the filter keeps is on exactly one page, in the review's order,
// and a page past the last shows the last; the query names a bad part by its name.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MatchDecision } from '../../../domain/matching/review.ts';
import {
  decisionStatuses,
  filterQuery,
  pageOfDecisions,
  reviewFilterSchema,
  reviewPageSize,
  selectDecisions,
} from '../../../domain/matching/reviewPage.ts';

const units = ['11', '12', '3702'] as const;

const decisionArb = fc
  .record({
    unitCode: fc.constantFrom(...units),
    demandId: fc.uuid(),
    status: fc.constantFrom(...decisionStatuses),
  })
  .map(
    (d): MatchDecision => ({
      ...d,
      resourceId: null,
      proposedResourceId: null,
      alternates: [],
      reason: { zh: '理由', en: 'reason' },
    }),
  );
const filterArb = fc.record({
  unit: fc.option(fc.constantFrom(...units), { nil: undefined }),
  status: fc.option(fc.constantFrom(...decisionStatuses), { nil: undefined }),
});

describe('a page of the review', () => {
  it('puts each decision the filter keeps on exactly one page, in order, none longer than the size', () => {
    fc.assert(
      fc.property(
        fc.array(decisionArb, { maxLength: 60 }),
        filterArb,
        fc.integer({ min: 1, max: 12 }),
        (all, f, size) => {
          const kept = all.filter(
            (d) => (!f.unit || d.unitCode === f.unit) && (!f.status || d.status === f.status),
          );
          const first = pageOfDecisions(all, { ...f, page: 1 }, size);
          expect(first.matching).toBe(kept.length);
          expect(first.pages).toBe(Math.max(1, Math.ceil(kept.length / size)));
          const pages = Array.from({ length: first.pages }, (_, i) =>
            pageOfDecisions(all, { ...f, page: i + 1 }, size),
          );
          for (const [i, p] of pages.entries()) {
            expect(p.page).toBe(i + 1);
            expect(p.decisions.length).toBeLessThanOrEqual(size);
            expect(p.from).toBe(p.decisions.length ? i * size + 1 : 0);
          }
          expect(pages.flatMap((p) => p.decisions)).toEqual(kept);
        },
      ),
    );
  });

  it('shows the last page when asked for one past it', () => {
    const all = fc.sample(decisionArb, { numRuns: 25, seed: 7 });
    const past = pageOfDecisions(all, { page: 99 }, 10);
    expect(past.page).toBe(3);
    expect(past.decisions).toEqual(all.slice(20));
    expect(pageOfDecisions([], { page: 4 }, 10)).toEqual({
      decisions: [],
      page: 1,
      pages: 1,
      matching: 0,
      from: 0,
    });
  });

  it('selects for the terminal and the API every decision the filter keeps, unless a page is named', () => {
    const all = fc.sample(decisionArb, { numRuns: 250, seed: 11 });
    expect(selectDecisions(all, {})).toBeUndefined();
    const ofBeijing = all.filter((d) => d.unitCode === '11');
    expect(selectDecisions(all, { unit: '11' })).toMatchObject({ decisions: ofBeijing, page: 1, pages: 1 });
    const second = selectDecisions(all, { page: 2 });
    expect(second?.decisions).toEqual(all.slice(reviewPageSize, 2 * reviewPageSize));
    expect(second?.pages).toBe(3);
  });

  it('reads its query back from the address it writes', () => {
    fc.assert(
      fc.property(filterArb, fc.integer({ min: 1, max: 500 }), (f, page) => {
        const query = filterQuery({ ...f, page });
        const read = reviewFilterSchema.parse(Object.fromEntries(new URLSearchParams(query.slice(1))));
        expect(read).toEqual({ ...Object.fromEntries(Object.entries(f).filter(([, v]) => v)), page });
      }),
    );
    expect(filterQuery({ page: 1 })).toBe('');
  });

  it('names the part of the query that is wrong', () => {
    const refused = (query: Record<string, string>) =>
      reviewFilterSchema.safeParse(query).error?.issues.map((i) => i.path.join('.'));
    expect(refused({ page: '0' })).toEqual(['page']);
    expect(refused({ page: 'two' })).toEqual(['page']);
    expect(refused({ status: 'maybe' })).toEqual(['status']);
    expect(refused({ unit: 'Beijing' })).toEqual(['unit']);
    expect(refused({ unit: '11', status: 'rejected', page: '3' })).toBeUndefined();
    expect(reviewFilterSchema.parse({ unit: '', status: '' })).toEqual({ page: 1 });
  });
});
