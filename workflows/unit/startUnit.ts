// A reporting unit's workflow, started by the campaign or by one of its groups: the same id, summary and
// search attributes either way, so that clients reach a unit by its id alone.
import { ParentClosePolicy, startChild } from '@temporalio/workflow';
import type { CampaignSchedule } from '../../domain/calendar.ts';
import { unitWorkflowId } from '../shared/messages.ts';
import { campaignYearKey, unitCodeKey } from '../shared/searchAttributes.ts';
import type { UnitContacts } from './notificationRequest.ts';
import type { UnitIdentity } from './unitMachine.ts';
import { unitWorkflow } from './unitWorkflow.ts';

export interface UnitStart {
  unit: UnitIdentity;
  contacts: UnitContacts;
}

export function startUnit(
  year: number,
  schedule: CampaignSchedule,
  { unit, contacts }: UnitStart,
  historyEventLimit?: number,
  /** The unit outlives its parent's run: a campaign that continues as new keeps its units running. */
  outlivesParentRun = false,
) {
  return startChild(unitWorkflow, {
    workflowId: unitWorkflowId(year, unit.code),
    ...(outlivesParentRun && { parentClosePolicy: ParentClosePolicy.ABANDON }),
    staticSummary: `${unit.nameZh} ${unit.nameEn} (${unit.code}) — ${year} 万里行`,
    typedSearchAttributes: [
      { key: campaignYearKey, value: year },
      { key: unitCodeKey, value: unit.code },
    ],
    args: [{ year, unit, contacts, schedule, ...(historyEventLimit && { historyEventLimit }) }],
  });
}
