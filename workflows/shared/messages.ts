// The public Temporal API: every update, signal and query, defined once for workflows and clients.
import type {
  DesignateKeyRegions,
  MatchingFeedback,
  RecordMatches,
} from '../../domain/matching/decisions.ts';
import type { ProposeMatching, ReviewAction } from '../../domain/matching/review.ts';
import type { ReviewAnswer } from '../../domain/matching/reviewDigest.ts';
import type {
  ActivityRecord,
  DemandList,
  GrantExtension,
  RemindUnit,
  ReturnForRevision,
  SummarySubmission,
  WorkPlan,
} from '../../domain/submissions.ts';
import { defineQuery, defineSignal, defineUpdate } from './sdkDefinitions.ts';
import type { CampaignStatus, ProgressWithRows, UnitFacts, UnitProgress, UnitStatus } from './status.ts';

export const taskQueue = 'wanlixing';
export const campaignWorkflowId = (year: number) => `wanlixing-${year}`;
export const unitWorkflowId = (year: number, unitCode: string) => `wanlixing-${year}-${unitCode}`;
/** A tier of a county-level year (unitGroups): "group-" keeps it apart from every unit code. */
export const unitGroupWorkflowId = (year: number, key: string) => `wanlixing-${year}-group-${key}`;
/** The year and what one of the ids above names: null for the campaign, a unit's code, or "group-<key>". */
export function parseWorkflowId(workflowId: string): { year: number; name: string | null } | null {
  const match = /^wanlixing-(\d{4})(?:-(.+))?$/.exec(workflowId);
  return match ? { year: Number(match[1]), name: match[2] ?? null } : null;
}

// Unit side: a reporting unit's submissions. Each returns the unit's status after the change.
export const submitWorkPlanUpdate = defineUpdate<UnitStatus, [WorkPlan]>('submitWorkPlan');
export const submitDemandListUpdate = defineUpdate<UnitStatus, [DemandList]>('submitDemandList');
export const recordActivityUpdate = defineUpdate<UnitStatus, [ActivityRecord]>('recordActivity');
export const submitSummaryUpdate = defineUpdate<UnitStatus, [SummarySubmission]>('submitSummary');

// Operator side, on a unit.
export const returnForRevisionUpdate = defineUpdate<UnitStatus, [ReturnForRevision]>('returnForRevision');
export const grantExtensionUpdate = defineUpdate<UnitStatus, [GrantExtension]>('grantExtension');
/** Reminds the unit of whatever is due now; rejected when nothing is. */
export const remindUnitUpdate = defineUpdate<UnitStatus, [RemindUnit]>('remindUnit');
export const unitStatusQuery = defineQuery<UnitStatus>('unitStatus');

// Operator side, on the campaign.
export const recordMatchesUpdate = defineUpdate<CampaignStatus, [RecordMatches]>('recordMatches');
export const designateKeyRegionsUpdate = defineUpdate<CampaignStatus, [DesignateKeyRegions]>(
  'designateKeyRegions',
);
/** Operator: (re-)compute the matching proposal from the demands flagged so far; earlier decisions are kept. */
export const proposeMatchingUpdate = defineUpdate<ReviewAnswer, [ProposeMatching]>('proposeMatching');
/** Operator: accept, override, reject or confirm in the matching review. */
export const reviewMatchingUpdate = defineUpdate<ReviewAnswer, [ReviewAction]>('reviewMatching');
export const campaignStatusQuery = defineQuery<CampaignStatus>('campaignStatus');

// Between the campaign and its units (a child handle only carries signals).
/** What a unit tells the campaign: its facts; units of earlier releases sent their whole progress. */
export const unitChangedSignal = defineSignal<[UnitFacts | UnitProgress | ProgressWithRows]>('unitChanged');
/** From a unit group: the facts of those of its units that changed. */
export const unitsChangedSignal = defineSignal<[UnitFacts[]]>('unitsChanged');
/** From the campaign to a unit group: feedback for some of its units, by unit code. */
export const groupFeedbackSignal = defineSignal<[[string, MatchingFeedback][]]>('groupFeedback');
/** What a batch of facts or feedback between the campaign and a group holds at most, as JSON. */
export const batchBytes = 128 * 1024;
export const matchingFeedbackSignal = defineSignal<[MatchingFeedback]>('matchingFeedback');
export const closeCampaignSignal = defineSignal('closeCampaign');
