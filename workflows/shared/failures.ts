// The refusals our update validators and activities throw: InvalidInput (the issues domain/validation.ts found)
// and "not now". Their types are the contract with clients: the CLI and the web tell them from a failure.
import { ApplicationFailure } from '@temporalio/common';
import { InvalidInputError } from '../../domain/validation.ts';

export const refusalTypes = { notAllowedNow: 'NotAllowedNow', campaignClosed: 'CampaignClosed' } as const;

/** The input is fine, but the unit or campaign is not where it can be taken now. */
export function notAllowedNow(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: refusalTypes.notAllowedNow, nonRetryable: true, message });
}

/** The year is over: nothing more can change. */
export function campaignClosed(year: number): ApplicationFailure {
  return ApplicationFailure.create({
    type: refusalTypes.campaignClosed,
    nonRetryable: true,
    message: `the ${year} campaign is closed`,
  });
}

/**
 * Runs a check whose InvalidInputError must end the operation for good: an update validator's rejection
 * (nothing reaches history) or an activity's non-retryable failure. The same input fails the same way,
 * so it is marked non-retryable; the message names the fields and the issues travel as details.
 */
export function rejectInvalid<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof InvalidInputError) {
      throw ApplicationFailure.create({
        type: 'InvalidInput',
        nonRetryable: true,
        message: error.message,
        details: [error.issues],
      });
    }
    throw error;
  }
}

/** Rejects, as rejectInvalid does, with the issues a check beyond the schema found; passes when there are none. */
export function rejectIssues(what: string, issues: readonly { path: string; message: string }[]): void {
  if (issues.length === 0) return;
  rejectInvalid(() => {
    throw new InvalidInputError(what, issues);
  });
}
