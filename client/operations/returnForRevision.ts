// An operator returns a unit's submission for revision; the unit's workflow starts a new 7-day clock.
import type { Client } from '@temporalio/client';
import type { ReturnForRevision } from '../../domain/submissions.ts';
import { returnForRevisionUpdate, unitWorkflowId } from '../../workflows/shared/messages.ts';
import type { UnitStatus } from '../../workflows/shared/status.ts';
import { type Acting, byOf, recordAction, updateIdOf } from './audit/acting.ts';

export async function returnForRevision(
  client: Client,
  options: { year: number; unit: string } & ReturnForRevision,
  acting?: Acting,
): Promise<UnitStatus> {
  const workflowId = unitWorkflowId(options.year, options.unit);
  const updateId = updateIdOf(acting);
  const status = await client.workflow.getHandle(workflowId).executeUpdate(returnForRevisionUpdate, {
    args: [{ what: options.what, reason: options.reason, ...byOf(acting) }],
    updateId,
  });
  await recordAction(acting, {
    workflowId,
    updateId,
    kind: 'return',
    year: options.year,
    unitCode: options.unit,
    detail: { what: options.what, reason: options.reason },
  });
  return status;
}
