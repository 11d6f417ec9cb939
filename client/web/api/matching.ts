// The matching review API: the review as it stands, a new proposal, and each review action as a route.
import type { ReviewAction } from '../../../domain/matching/review.ts';
import { reviewSelectionSchema, selectDecisions } from '../../../domain/matching/reviewPage.ts';
import { pageFacts } from '../../operations/describe/matchingReview.ts';
import {
  currentReview,
  proposeMatching,
  type ReviewActionName,
  reviewActionFields,
  reviewMatching,
} from '../../operations/matchingReview.ts';
import { actingFor } from '../acting.ts';
import { defineRoute, empty, type WebRoute, yearParams } from '../routeSpec.ts';
import type { Principal } from '../session.ts';

/** Who decides in the matching review: the signed-in operator's account name. */
export function operatorName(principal: Principal | null): string {
  if (principal?.kind !== 'operator') throw new Error('operator route without an operator');
  return principal.name;
}

/**
 * Every action of the review, each a route: a Record over the schema's actions, so an action added to
 * domain/matching/review.ts without a route here does not compile.
 */
const reviewActions: Record<ReviewActionName, { segment: string; summary: string }> = {
  accept: {
    segment: 'accept',
    summary: 'accept the proposed resource of the listed demands, or of every demand still only proposed',
  },
  override: { segment: 'override', summary: 'match one demand with another resource' },
  reject: { segment: 'reject', summary: 'reject the proposal for one demand, with a reason' },
  acceptPairings: {
    segment: 'accept-pairings',
    summary:
      'accept the proposed one-to-one partner of the listed units, or of every unit still only proposed',
  },
  overridePairing: { segment: 'override-pairing', summary: 'give one unit another one-to-one partner' },
  rejectPairing: { segment: 'reject-pairing', summary: "reject one unit's proposed partner, with a reason" },
  confirm: { segment: 'confirm', summary: 'confirm the review: only confirmed matches and partners go out' },
};

export const matchingRoutes: WebRoute[] = [
  defineRoute({
    rule: 'viewer',
    method: 'get',
    path: '/api/campaigns/{year}/matching',
    summary:
      'the matching review as it stands ({ review: null } before the first proposal); with unit, status or ' +
      'page, only the demands they select, and where they are in `shown`',
    tags: ['matching'],
    params: yearParams,
    query: reviewSelectionSchema,
    success: { status: 200, description: '{ review, shown? }' },
    handle: async ({ c, params, query, services }) => {
      const review = await currentReview(services.client, params.year);
      const shown = review && selectDecisions(review.decisions, query);
      if (!review || !shown) return c.json({ review });
      return c.json({ review: { ...review, decisions: shown.decisions }, shown: pageFacts(shown) });
    },
  }),
  defineRoute({
    rule: 'operator',
    method: 'post',
    path: '/api/campaigns/{year}/matching/propose',
    summary: '(re-)compute the proposal from the demands flagged so far; decisions taken are kept',
    tags: ['matching'],
    params: yearParams,
    body: empty,
    success: { status: 200, description: 'MatchingReview' },
    handle: async ({ c, params, principal, services }) =>
      c.json(
        await proposeMatching(
          services.client,
          params.year,
          operatorName(principal),
          undefined,
          actingFor(c, services, principal),
        ),
      ),
  }),
  ...(Object.entries(reviewActions) as [ReviewActionName, { segment: string; summary: string }][]).map(
    ([action, { segment, summary }]) =>
      defineRoute({
        rule: 'operator',
        method: 'post',
        path: `/api/campaigns/{year}/matching/${segment}`,
        summary,
        tags: ['matching'],
        params: yearParams,
        body: reviewActionFields(action),
        success: { status: 200, description: 'MatchingReview' },
        handle: async ({ c, params, body, principal, services }) =>
          c.json(
            await reviewMatching(
              services.client,
              params.year,
              { ...body, action, by: operatorName(principal) } as ReviewAction,
              undefined,
              actingFor(c, services, principal),
            ),
          ),
      }),
  ),
];
