// The operators' side of the matching review (匹配建议审核): propose, look, decide, confirm. The rules live
// in the campaign workflow and domain/matching/review.ts; these only carry the operator's request there.
import { userInfo } from 'node:os';
import type { Client } from '@temporalio/client';
import type { z } from 'zod';
import { type MatchingReview, type ReviewAction, reviewActionSchema } from '../../domain/matching/review.ts';
import { campaignWorkflowId, proposeMatchingUpdate, reviewMatchingUpdate } from '../../workflows/messages.ts';
import { campaignState } from './campaignStatus.ts';

/** Who an operator is when they do not say: WLX_OPERATOR, else the account running the command. */
export function defaultOperator(env: NodeJS.ProcessEnv = process.env): string {
  return env.WLX_OPERATOR ?? userInfo().username;
}

export function proposeMatching(client: Client, year: number, by: string): Promise<MatchingReview> {
  return client.workflow
    .getHandle(campaignWorkflowId(year))
    .executeUpdate(proposeMatchingUpdate, { args: [{ by }] });
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

export function reviewMatching(client: Client, year: number, action: ReviewAction): Promise<MatchingReview> {
  return client.workflow
    .getHandle(campaignWorkflowId(year))
    .executeUpdate(reviewMatchingUpdate, { args: [action] });
}

/** The review as it stands, or null before the first proposal. */
export async function currentReview(client: Client, year: number): Promise<MatchingReview | null> {
  return (await campaignState(client, year)).matchingReview;
}
