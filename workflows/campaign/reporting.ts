// What the campaign shows of itself in the Temporal UI: its phase as a search attribute to filter on, and
// its current details (phase, units, matching, the summary).
import { setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow';
import type { CampaignStatus } from '../shared/status.ts';
import { campaignDetails, campaignSearchAttributes } from '../shared/visibility.ts';
import type { CampaignRun } from './campaignRun.ts';

/** Moves the campaign to `phase` (or shows the phase a carried run takes up) and says so. */
export function enter(run: CampaignRun, phase: CampaignStatus['phase']): void {
  run.phase = phase;
  upsertSearchAttributes(campaignSearchAttributes(run.input.year, run.phase));
  showDetails(run);
}

export function showDetails(run: CampaignRun): void {
  setCurrentDetails(campaignDetails(run.status()));
}
