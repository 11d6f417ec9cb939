// An operator's way out for a unit (or the campaign) whose workflow no worker can run on: its history does not
// replay on today's code (a nondeterminism error fails every workflow task; the year cannot close). It is reset
// to the start of the task that does not replay. Signals after that point the server applies again; the
// updates (submissions, operators' actions) this command sends again itself, as they were, with their ids:
// the server's own re-application of updates goes through another path of the SDK's core, which can record
// a history that does not replay either (test/e2e/stuckUnit.devserver.test.ts met it).
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import proto from '@temporalio/proto';
import Long from 'long';
import { exitCodes, UserError } from '../../infra/userError.ts';
import { campaignWorkflowId, unitWorkflowId } from '../../workflows/shared/messages.ts';
import { firstUnreplayableEvent, workflowBundle } from './recovery/replayCheck.ts';
import { resetPointFor } from './recovery/resetPoint.ts';

export interface Recovery {
  workflowId: string;
  runId: string;
  /** The first event today's code cannot replay, and the error that names it. */
  unreplayable: { eventId: number; message: string } | null;
  /** The WorkflowTaskStarted event the workflow was reset to; null when nothing needed doing. */
  resetTo: number | null;
  /** The run the reset started (null on a dry run or when nothing needed doing). */
  newRunId: string | null;
  /** Updates accepted after the reset point, sent again to the new run: name, id, and how it answered. */
  /** On a dry run, `planned`: what would be sent again. */
  resent: { name: string; updateId: string; outcome: 'applied' | 'refused' | 'planned'; detail?: string }[];
}

interface Options {
  by: string;
  dryRun: boolean;
}

export function recoverUnit(
  client: Client,
  target: Options & { year: number; unit: string },
): Promise<Recovery> {
  return recoverWorkflow(
    client,
    unitWorkflowId(target.year, target.unit),
    { zh: `单位 ${target.unit}`, en: `unit ${target.unit}` },
    target,
  );
}

export function recoverCampaign(client: Client, target: Options & { year: number }): Promise<Recovery> {
  return recoverWorkflow(
    client,
    campaignWorkflowId(target.year),
    { zh: `${target.year} 年活动`, en: `the ${target.year} campaign` },
    target,
  );
}

async function recoverWorkflow(
  client: Client,
  workflowId: string,
  who: { zh: string; en: string },
  target: Options,
): Promise<Recovery> {
  const handle = client.workflow.getHandle(workflowId);
  const description = await handle.describe();
  if (description.status.name !== 'RUNNING')
    throw new UserError(
      `${who.zh}的流程已结束（${description.status.name}），无需恢复 — ${who.en}'s workflow is ${description.status.name}; only a running one can be recovered`,
    );
  const runId = description.runId;
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  const unreplayable = await firstUnreplayableEvent(history, await workflowBundle());
  if (!unreplayable) return { workflowId, runId, unreplayable, resetTo: null, newRunId: null, resent: [] };
  const resetTo = resetPointFor(history, unreplayable.eventId);
  if (resetTo === null)
    throw new UserError(
      `${who.zh}的第一个工作流任务就无法重放，无法恢复 — the first workflow task of ${workflowId} does not replay: there is nothing earlier to reset to`,
      exitCodes.failure,
    );
  const updates = acceptedUpdatesAfter(history, resetTo);
  const planned = updates.map((u) => ({
    name: u.input?.name ?? '',
    updateId: u.meta?.updateId ?? '',
    outcome: 'planned' as const,
  }));
  if (target.dryRun) return { workflowId, runId, unreplayable, resetTo, newRunId: null, resent: planned };
  const { runId: newRunId } = await client.workflowService.resetWorkflowExecution({
    namespace: client.options.namespace,
    workflowExecution: { workflowId, runId },
    workflowTaskFinishEventId: Long.fromNumber(resetTo),
    requestId: randomUUID(),
    reason: `wlx recover of ${who.en} by ${target.by}: event ${unreplayable.eventId} does not replay; ${updates.length} update(s) sent again`,
    resetReapplyType: proto.temporal.api.enums.v1.ResetReapplyType.RESET_REAPPLY_TYPE_ALL_ELIGIBLE,
    resetReapplyExcludeTypes: [
      proto.temporal.api.enums.v1.ResetReapplyExcludeType.RESET_REAPPLY_EXCLUDE_TYPE_UPDATE,
    ],
  });
  const resent: Recovery['resent'] = [];
  for (const update of updates) resent.push(await sendAgain(client, workflowId, update, target.by));
  return { workflowId, runId, unreplayable, resetTo, newRunId: newRunId ?? null, resent };
}

type UpdateRequest = proto.temporal.api.update.v1.IRequest;

/** The requests of the updates a run accepted after event `after`, in the order it accepted them. */
export function acceptedUpdatesAfter(
  history: proto.temporal.api.history.v1.IHistory,
  after: number,
): UpdateRequest[] {
  return (history.events ?? [])
    .filter(
      (e) => Number(e.eventId) > after && e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest,
    )
    .map((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest as UpdateRequest);
}

/** Sends an update again as it was recorded (its payloads as encoded then), and waits for its answer. */
async function sendAgain(
  client: Client,
  workflowId: string,
  request: UpdateRequest,
  by: string,
): Promise<Recovery['resent'][number]> {
  const name = request.input?.name ?? '';
  const updateId = request.meta?.updateId ?? '';
  const { UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED: completed } =
    proto.temporal.api.enums.v1.UpdateWorkflowExecutionLifecycleStage;
  // The server may answer before the update completes (a long poll's end): asking again with the same id
  // waits on the same update.
  for (let attempt = 0; attempt < 10; attempt++) {
    const { outcome } = await client.workflowService.updateWorkflowExecution({
      namespace: client.options.namespace,
      workflowExecution: { workflowId },
      waitPolicy: { lifecycleStage: completed },
      request: { meta: { updateId, identity: `wlx recover by ${by}` }, input: request.input },
    });
    if (outcome?.failure)
      return { name, updateId, outcome: 'refused', detail: outcome.failure.message ?? '' };
    if (outcome?.success) return { name, updateId, outcome: 'applied' };
  }
  return { name, updateId, outcome: 'refused', detail: 'no answer after 10 waits' };
}
