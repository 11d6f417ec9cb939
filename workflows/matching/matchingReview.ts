// The campaign's matching review: the proposal computed by an activity, the operators' updates on it, and
// the notices it sends. The campaign owns the window (it says whether the review is still open); the rules
// of the review itself are pure, in domain/matching/review.ts.
//
// Since 'review-by-reference' the review lives in the document store and the campaign holds its digest:
// each update is applied by an activity, one at a time, and a refusal (an unknown demand, a full resource)
// fails the update rather than being rejected by the validator, which keeps only the shape and window checks.
// A year that proposed before keeps its review in the workflow, as it was recorded.
import { ActivityFailure, ApplicationFailure, condition, patched, setHandler } from '@temporalio/workflow';
import type { ResourceCatalogue } from '../../domain/matching/catalogue.ts';
import type { RecordMatches } from '../../domain/matching/decisions.ts';
import type { Pairing } from '../../domain/matching/instance.ts';
import {
  applyReviewAction,
  confirmedMatches,
  confirmedPairings,
  type MatchingReview,
  proposeMatchingSchema,
  type ReviewAction,
  reviewActionSchema,
  startReview,
} from '../../domain/matching/review.ts';
import type { ReviewAnswer, ReviewDigest } from '../../domain/matching/reviewDigest.ts';
import type { NotificationRequest, Recipient } from '../../domain/notices/notifications.ts';
import type { Registry } from '../../domain/registry.ts';
import { parseInput } from '../../domain/validation.ts';
import { confirmedDecisions, proposeMatching, proposeReview, reviewAction } from '../proxies/matching.ts';
import { notAllowedNow, rejectInvalid } from '../shared/failures.ts';
import { proposeMatchingUpdate, reviewMatchingUpdate } from '../shared/messages.ts';

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
  /** The review itself, held by a year that proposed before 'review-by-reference'. */
  review: MatchingReview | null;
  /** Where the review is kept, since 'review-by-reference'. */
  digest?: ReviewDigest | null;
  proposals: number;
}

export interface MatchingReviewState {
  /** The review a year holds that proposed before 'review-by-reference'; null otherwise. */
  held(): MatchingReview | null;
  /** Where the review is kept, and its counts; null before the first proposal or when held. */
  digest(): ReviewDigest | null;
  proposed(): boolean;
  carried(): CarriedReview;
  /** Runs the optimiser on today's flagged demands and tells the operators: the review, or its digest. */
  propose(by: string): Promise<ReviewAnswer>;
  /** What a confirmed review sends out, null when there is none; from then on the review takes no change. */
  confirmed(): Promise<RecordMatches | null>;
}

const reviewByReference = 'review-by-reference';
const reviewTurns = 'review-turns';

const now = () => new Date(Date.now()).toISOString();

export function matchingReview(deps: MatchingReviewDeps): MatchingReviewState {
  let review = deps.carried?.review ?? null;
  let digest = deps.carried?.digest ?? null;
  let proposals = deps.carried?.proposals ?? 0;
  // Set once the campaign reads what goes out: the feedback takes a while, and the review holds still meanwhile.
  let sealed = false;
  const open = () => {
    const closed =
      deps.closedBecause() ?? (sealed ? `matching for ${deps.year} is over: feedback is going out` : null);
    if (closed) throw notAllowedNow(closed);
  };
  const noProposal = () =>
    notAllowedNow(`no matching proposal for ${deps.year} yet: "wlx matching propose" makes one`);

  // One stored review changes at a time: each action reads the version the one before it wrote. Since
  // 'review-turns' the turns are a queue of promises joined synchronously: the flag alone let two handlers of
  // one activation both find it free, as the SDK wakes every satisfied condition in one pass. A history from
  // before replays with the flag; a turn taken live after such a replay still waits for the flag to drop.
  let busy = false;
  let queue: Promise<unknown> = Promise.resolve();
  function inTurn<T>(step: () => Promise<T>): Promise<T> {
    const turn = patched(reviewTurns) ? queue.then(() => flagged(step, false)) : flagged(step, true);
    queue = turn.catch(() => undefined);
    return turn;
  }
  async function flagged<T>(step: () => Promise<T>, asRecorded: boolean): Promise<T> {
    await condition(() => !busy);
    if (asRecorded) busy = true;
    try {
      return await step();
    } finally {
      if (asRecorded) busy = false;
    }
  }

  async function propose(by: string): Promise<ReviewAnswer> {
    const flagged = { year: deps.year, unitCodes: deps.flaggedUnits() };
    const input = { catalogue: deps.catalogue, flagged, pairings: deps.pairings, registry: deps.registry };
    let made: { answer: ReviewAnswer; matched: number; unmatched: number };
    if (review === null && (digest !== null || patched(reviewByReference))) {
      const stored = await inTurn(() => {
        open();
        return proposeReview({ ...input, year: deps.year, stamp: { by, at: now() }, previous: digest });
      });
      digest = stored.digest;
      made = { ...stored, answer: stored.digest };
    } else {
      const proposal = await proposeMatching(input);
      review = startReview(proposal, { by, at: now() }, review);
      made = { answer: review, matched: proposal.matches.length, unmatched: proposal.unmatched.length };
    }
    const { matched, unmatched, answer } = made;
    proposals += 1;
    const flaggedCount = matched + unmatched;
    const at = answer.proposed.at;
    await deps.notify({
      key: `${deps.year}/cnipa/matching/proposal-${proposals}`,
      kind: 'matching.proposalReady',
      to: [deps.operators],
      cc: [],
      year: deps.year,
      unit: { code: 'cnipa', nameZh: deps.operators.name, nameEn: 'CNIPA campaign operators' },
      feedback: [
        `需国家局协调的需求 ${flaggedCount} 项，建议匹配 ${matched} 项，无法匹配 ${unmatched} 项 / ` +
          `${flaggedCount} flagged demands: ${matched} proposed, ${unmatched} without a resource`,
        `由 ${by} 于 ${at} 生成 / proposed by ${by} at ${at}`,
      ],
    });
    return answer;
  }

  setHandler(
    proposeMatchingUpdate,
    (raw) => refusedAsUpdate(() => propose(parseInput(proposeMatchingSchema, raw, 'matching proposal').by)),
    {
      description: 'Operator: (re-)compute the matching proposal; earlier operator decisions are kept',
      validator: (raw) => {
        open();
        rejectInvalid(() => parseInput(proposeMatchingSchema, raw, 'matching proposal'));
      },
    },
  );

  const action = (raw: unknown): ReviewAction => parseInput(reviewActionSchema, raw, 'matching review');
  const heldReviewed = (held: MatchingReview, raw: unknown) =>
    applyReviewAction(held, action(raw), deps.catalogue, now());
  setHandler(
    reviewMatchingUpdate,
    async (raw) => {
      if (review) {
        review = heldReviewed(review, raw);
        return review;
      }
      const at = now();
      digest = await refusedAsUpdate(() =>
        inTurn(() => {
          open();
          if (!digest) throw noProposal();
          return reviewAction({
            year: deps.year,
            current: digest,
            action: action(raw),
            at,
            catalogue: deps.catalogue,
          });
        }),
      );
      return digest;
    },
    {
      description: 'Operator: accept, override, reject or confirm proposed matches',
      validator: (raw) => {
        open();
        if (review) {
          const held = review;
          rejectInvalid(() => heldReviewed(held, raw));
          return;
        }
        if (!digest) throw noProposal();
        rejectInvalid(() => action(raw));
      },
    },
  );

  return {
    held: () => review,
    digest: () => digest,
    proposed: () => review !== null || digest !== null,
    carried: () => ({ review, digest, proposals }),
    propose,
    async confirmed() {
      sealed = true;
      if (review) {
        return review.confirmed
          ? { matches: confirmedMatches(review), pairings: confirmedPairings(review) }
          : null;
      }
      // After any action already under way.
      return inTurn(async () => (digest?.confirmed ? confirmedDecisions(digest) : null));
    },
  };
}

/** An activity's refusal (InvalidInput from the stored review's rules) fails the update with its own reason. */
async function refusedAsUpdate<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure) throw error.cause;
    throw error;
  }
}
