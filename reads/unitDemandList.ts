// A unit's whole demand list (Annex 1) as it last handed it in, for the liaison to download, edit and
// hand in again. Units tell the campaign and their status only the flagged rows; the whole list is the
// argument of the unit's last accepted submitDemandList, in its workflow's history.
import type { Client } from '@temporalio/client';
import { type DemandList, demandListSchema } from '../domain/submissions.ts';
import { submitDemandListUpdate, unitWorkflowId } from '../workflows/shared/messages.ts';
import { lastAccepted } from './acceptedInHistory.ts';

export const demandListOf = (argument: unknown): DemandList | null => {
  const parsed = demandListSchema.safeParse(argument);
  return parsed.success ? parsed.data : null;
};

export async function unitDemandList(
  client: Client,
  year: number,
  unitCode: string,
): Promise<DemandList | null> {
  const workflowId = unitWorkflowId(year, unitCode);
  const { runId } = await client.workflow.getHandle(workflowId).describe();
  return lastAccepted(client, workflowId, runId, submitDemandListUpdate.name, demandListOf);
}
