// The refusals our update validators throw besides InvalidInput (domain/validation.ts). Their types are
// the contract with clients: the CLI and the web tell "not now" from a failure by them.
import { ApplicationFailure } from '@temporalio/common';

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
