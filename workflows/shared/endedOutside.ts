// Which endings of a unit's workflow the campaign passes over rather than fail the year for: terminated by
// hand (from the Temporal UI, say) or timed out. A unit that fails on its own is a defect, and still fails it.
import { TerminatedFailure, TimeoutFailure } from '@temporalio/common';

/** The cause of a failed result (a child's, or a client's) is one of those endings. */
export const endedOutside = (cause: unknown): boolean =>
  cause instanceof TerminatedFailure || cause instanceof TimeoutFailure;
