// The campaign's matching review: the proposal computed by an activity, the operators' updates on it, and
// the notices it sends. The campaign owns the window (it says whether the review is still open); the rules
// of the review itself are pure, in domain/matching/review.ts.
import { setHandler } from '@temporalio/workflow';
import type { ResourceCatalogue } from '../domain/matching/catalogue.ts';
import type { Pairing } from '../domain/matching/instance.ts';
import {
  applyReviewAction,
  type MatchingReview,
  proposeMatchingSchema,
  reviewActionSchema,
  startReview,
} from '../domain/matching/review.ts';
import type { NotificationRequest, Recipient } from '../domain/notifications.ts';
import type { Registry } from '../domain/registry.ts';
import { parseInput, rejectInvalid } from '../domain/validation.ts';
import { notAllowedNow } from './failures.ts';
import { proposeMatching } from './matchingActivities.ts';
import { proposeMatchingUpdate, reviewMatchingUpdate } from './messages.ts';

export interface MatchingReviewDeps {
  year: number;
  catalogue: ResourceCatalogue;
  pairings: Pairing[];
  /** The registry with the campaign's units only, for the one-to-one pairing proposal. */
  registry: Registry;
  operators: Recipient;
  /** The units that have flagged demands for CNIPA, as they last reported: the proposal reads their rows. */
  flaggedUnits(): string[];
  /** Why the review is closed (feedback sent), or null while it is open. */
  closedBecause(): string | null;
  notify(request: NotificationRequest): Promise<void>;
  /** Where an earlier run of the campaign left the review. */
  carried?: CarriedReview;
}

/** The review and how many proposals made it (each proposal's notice has its own mail key). */
export interface CarriedReview {
  review: MatchingReview | null;
  proposals: number;
}

export interface MatchingReviewState {
  current(): MatchingReview | null;
  carried(): CarriedReview;
  /** Runs the optimiser on today's flagged demands and tells the operators. */
  propose(by: string): Promise<MatchingReview>;
}

const now = () => new Date(Date.now()).toISOString();

export function matchingReview(deps: MatchingReviewDeps): MatchingReviewState {
  let review = deps.carried?.review ?? null;
  let proposals = deps.carried?.proposals ?? 0;
  const open = () => {
    const closed = deps.closedBecause();
    if (closed) throw notAllowedNow(closed);
  };

  async function propose(by: string): Promise<MatchingReview> {
    const proposal = await proposeMatching({
      catalogue: deps.catalogue,
      flagged: { year: deps.year, unitCodes: deps.flaggedUnits() },
      pairings: deps.pairings,
      registry: deps.registry,
    });
    review = startReview(proposal, { by, at: now() }, review);
    proposals += 1;
    const matched = proposal.matches.length;
    const flagged = matched + proposal.unmatched.length;
    await deps.notify({
      key: `${deps.year}/cnipa/matching/proposal-${proposals}`,
      kind: 'matching.proposalReady',
      to: [deps.operators],
      cc: [],
      year: deps.year,
      unit: { code: 'cnipa', nameZh: deps.operators.name, nameEn: 'CNIPA campaign operators' },
      feedback: [
        `需国家局协调的需求 ${flagged} 项，建议匹配 ${matched} 项，无法匹配 ${proposal.unmatched.length} 项 / ` +
          `${flagged} flagged demands: ${matched} proposed, ${proposal.unmatched.length} without a resource`,
        `由 ${by} 于 ${review.proposed.at} 生成 / proposed by ${by} at ${review.proposed.at}`,
      ],
    });
    return review;
  }

  setHandler(
    proposeMatchingUpdate,
    async (raw) => propose(parseInput(proposeMatchingSchema, raw, 'matching proposal').by),
    {
      description: 'Operator: (re-)compute the matching proposal; earlier operator decisions are kept',
      validator: (raw) => {
        open();
        rejectInvalid(() => parseInput(proposeMatchingSchema, raw, 'matching proposal'));
      },
    },
  );

  const reviewed = (raw: unknown) => {
    const action = parseInput(reviewActionSchema, raw, 'matching review');
    if (!review)
      throw notAllowedNow(`no matching proposal for ${deps.year} yet: "wlx matching propose" makes one`);
    return applyReviewAction(review, action, deps.catalogue, now());
  };
  setHandler(
    reviewMatchingUpdate,
    (raw) => {
      review = reviewed(raw);
      return review;
    },
    {
      description: 'Operator: accept, override, reject or confirm proposed matches',
      validator: (raw) => {
        open();
        rejectInvalid(() => reviewed(raw));
      },
    },
  );

  return { current: () => review, carried: () => ({ review, proposals }), propose };
}
