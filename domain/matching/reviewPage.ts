// One page of the review's decisions, as the review page shows it: filtered by unit and status, a hundred
// at a time. A year's review can hold twelve thousand decisions; an operator works through them a unit or a
// status at a time, and the page renders (and reads the flagged rows of) only the decisions it shows.
import { z } from 'zod';
import { unitCodeSchema } from '../registry.ts';
import type { MatchDecision } from './review.ts';
import type { DecisionStatus } from './reviewDigest.ts';

export const decisionStatuses = [
  'proposed',
  'accepted',
  'overridden',
  'rejected',
] as const satisfies readonly DecisionStatus[];

export const reviewPageSize = 100;

// The filter form sends a part left at "all" as an empty value: it means no filter, like a part left out.
const blankAsAll = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const pageNumber = z.coerce.number().int().min(1).max(100_000);

/** The page's query: `?unit=11&status=proposed&page=2`; every part may be left out. */
export const reviewFilterSchema = z.object({
  unit: blankAsAll(unitCodeSchema),
  status: blankAsAll(z.enum(decisionStatuses)),
  page: pageNumber.default(1),
});
export type ReviewFilter = z.output<typeof reviewFilterSchema>;

/** The terminal's and the API's filter: the page's, but without a page every demand the filter keeps. */
export const reviewSelectionSchema = reviewFilterSchema.extend({ page: pageNumber.optional() });
export type ReviewSelection = z.output<typeof reviewSelectionSchema>;

export interface DecisionPage {
  decisions: MatchDecision[];
  /** The page shown: the one asked for, or the last one when the filter leaves fewer. */
  page: number;
  pages: number;
  /** How many decisions the filter leaves, over all pages. */
  matching: number;
  /** 1-based position of the first decision shown (0 when none). */
  from: number;
}

export function pageOfDecisions(
  decisions: readonly MatchDecision[],
  filter: ReviewFilter,
  size: number = reviewPageSize,
): DecisionPage {
  const kept = decisions.filter(
    (d) => (!filter.unit || d.unitCode === filter.unit) && (!filter.status || d.status === filter.status),
  );
  const pages = Math.max(1, Math.ceil(kept.length / size));
  const page = Math.min(filter.page, pages);
  const start = (page - 1) * size;
  const shown = kept.slice(start, start + size);
  return { decisions: shown, page, pages, matching: kept.length, from: shown.length ? start + 1 : 0 };
}

/** The query string of a filter, `?…` or '' when it is the first page of everything. */
export function filterQuery(filter: Partial<ReviewFilter>): string {
  const parts = new URLSearchParams();
  if (filter.unit) parts.set('unit', filter.unit);
  if (filter.status) parts.set('status', filter.status);
  if (filter.page && filter.page > 1) parts.set('page', String(filter.page));
  const query = parts.toString();
  return query ? `?${query}` : '';
}

/** The decisions a selection shows; undefined when it names no unit, status or page (the whole review). */
export function selectDecisions(
  decisions: readonly MatchDecision[],
  { unit, status, page }: ReviewSelection,
): DecisionPage | undefined {
  if (!unit && !status && !page) return undefined;
  const size = page ? reviewPageSize : Math.max(1, decisions.length);
  return pageOfDecisions(decisions, { unit, status, page: page ?? 1 }, size);
}
