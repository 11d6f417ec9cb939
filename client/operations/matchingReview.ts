// The operators' side of the matching review (匹配建议审核): propose, look, decide, confirm. The rules live
// in the campaign workflow and domain/matching/review.ts; these only carry the operator's request there, and
// read the review where it is kept: in the campaign (years that proposed before 'review-by-reference') or
// in the document store, named by the digest the campaign holds.
import { userInfo } from 'node:os';
import type { Client } from '@temporalio/client';
import type { z } from 'zod';
import { deepFreeze } from '../../domain/deepFreeze.ts';
import { mergeDecisions, type RecordMatches } from '../../domain/matching/decisions.ts';
import {
  confirmedMatches,
  confirmedPairings,
  type MatchingReview,
  type ReviewAction,
  reviewActionSchema,
} from '../../domain/matching/review.ts';
import type { ReviewAnswer, ReviewDigest } from '../../domain/matching/reviewDigest.ts';
import { type DocumentConfig, documentConfig, openDocumentStore } from '../../infra/documents/config.ts';
import { loadReview } from '../../infra/documents/reviewDocument.ts';
import { campaignState } from '../../reads/campaignStatus.ts';
import {
  campaignWorkflowId,
  proposeMatchingUpdate,
  reviewMatchingUpdate,
} from '../../workflows/shared/messages.ts';
import type { CampaignStatus } from '../../workflows/shared/status.ts';
import { type Acting, recordAction, updateIdOf } from './audit/acting.ts';

/** Who an operator is when they do not say: WLX_OPERATOR, else the account running the command. */
export function defaultOperator(env: NodeJS.ProcessEnv = process.env): string {
  return env.WLX_OPERATOR ?? userInfo().username;
}

/** The review an update answered: the one the campaign holds, or the stored one its digest names. */
export function reviewOf(
  answer: ReviewAnswer,
  config: DocumentConfig = documentConfig(),
): Promise<MatchingReview> {
  return 'document' in answer ? storedReview(answer, config) : Promise.resolve(answer);
}

// A stored review never changes under its SHA-256, and the review page reads the same one again and again
// (12,000 decisions are 6 MB of JSON to unzip and parse): the last few read are kept, frozen, so that no
// reader can change what the next one sees.
const recentReviews = new Map<string, Promise<MatchingReview>>();
const reviewsKept = 2;

function storedReview(digest: ReviewDigest, config: DocumentConfig): Promise<MatchingReview> {
  const key = digest.document.sha256;
  const kept = recentReviews.get(key);
  recentReviews.delete(key);
  const review = kept ?? loadReview(openDocumentStore(config), digest).then(deepFreeze);
  recentReviews.set(key, review);
  review.catch(() => recentReviews.delete(key));
  for (const oldest of recentReviews.keys()) {
    if (recentReviews.size <= reviewsKept) break;
    recentReviews.delete(oldest);
  }
  return review;
}

/** The review in a campaign's status, read from where it is kept; null before the first proposal. */
export async function statusReview(
  status: Pick<CampaignStatus, 'matchingReview' | 'reviewDigest'>,
  config: DocumentConfig = documentConfig(),
): Promise<MatchingReview | null> {
  const answer = status.matchingReview ?? status.reviewDigest ?? null;
  return answer && reviewOf(answer, config);
}

/**
 * The matches as they go out: those recorded, with a confirmed review's decisions over them. The campaign
 * merges a confirmed review only when matching closes, so an export read right after `matching confirm` must
 * merge it itself, or it would show every confirmed demand unmatched until then.
 */
export async function matchesToSend(
  status: Pick<CampaignStatus, 'matches' | 'matchingReview' | 'reviewDigest' | 'feedbackSent'>,
  config?: DocumentConfig,
): Promise<RecordMatches> {
  if (status.feedbackSent || !(status.matchingReview?.confirmed ?? status.reviewDigest?.confirmed))
    return status.matches;
  const review = await statusReview(status, config);
  return review?.confirmed
    ? mergeDecisions(status.matches, {
        matches: confirmedMatches(review),
        pairings: confirmedPairings(review),
      })
    : status.matches;
}

export async function proposeMatching(
  client: Client,
  year: number,
  by: string,
  config?: DocumentConfig,
  acting?: Acting,
): Promise<MatchingReview> {
  const workflowId = campaignWorkflowId(year);
  const updateId = updateIdOf(acting);
  const answer = await client.workflow
    .getHandle(workflowId)
    .executeUpdate(proposeMatchingUpdate, { args: [{ by }], updateId });
  await recordAction(acting, { workflowId, updateId, kind: 'matching.propose', year, unitCode: null });
  return reviewOf(answer, config);
}

export type ReviewActionName = ReviewAction['action'];

/** One action's own fields, without `action` and `by`: the route (or command) and the signed-in name give those. */
export function reviewActionFields(action: ReviewActionName): z.ZodObject {
  const option = reviewActionSchema.options.find((o) => o.shape.action.value === action) as
    | z.ZodObject
    | undefined;
  if (!option) throw new Error(`no review action ${action}`);
  return option.omit({ action: true, by: true });
}

export async function reviewMatching(
  client: Client,
  year: number,
  action: ReviewAction,
  config?: DocumentConfig,
  acting?: Acting,
): Promise<MatchingReview> {
  const workflowId = campaignWorkflowId(year);
  const updateId = updateIdOf(acting);
  const answer = await client.workflow
    .getHandle(workflowId)
    .executeUpdate(reviewMatchingUpdate, { args: [action], updateId });
  await recordAction(acting, {
    workflowId,
    updateId,
    kind: action.action === 'confirm' ? 'matching.confirm' : 'matching.review',
    year,
    unitCode: null,
    detail: reviewDetail(action),
  });
  return reviewOf(answer, config);
}

/** The review as it stands, or null before the first proposal. */
export async function currentReview(
  client: Client,
  year: number,
  config?: DocumentConfig,
): Promise<MatchingReview | null> {
  return statusReview(await campaignState(client, year), config);
}

/**
 * What the trail keeps of a review action: which, and on what (codes, or how many when there are more than a
 * few), not the reasons' text — the review document keeps that.
 */
function reviewDetail(action: ReviewAction): Record<string, string | number | string[]> {
  const detail: Record<string, string | number | string[]> = { action: action.action };
  const few = (name: string, codes: readonly string[]) => {
    if (codes.length <= 20) detail[name] = [...codes];
    else detail[`${name}Count`] = codes.length;
  };
  if ('demands' in action && action.demands)
    few(
      'demands',
      action.demands.map((d) => `${d.unitCode}/${d.demandId}`),
    );
  if ('units' in action && action.units) few('units', action.units);
  if ('unitCode' in action) detail.unit = action.unitCode;
  if ('demandId' in action) detail.demand = action.demandId;
  if ('resourceId' in action) detail.resource = action.resourceId;
  return detail;
}
