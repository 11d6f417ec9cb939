// An operator moves a unit's deadline later; its reminders and escalation restart from the new date.
import type { Client } from '@temporalio/client';
import type { GrantExtension } from '../../domain/submissions.ts';
import { grantExtensionUpdate, unitWorkflowId } from '../../workflows/shared/messages.ts';
import type { UnitStatus } from '../../workflows/shared/status.ts';
import { type Acting, byOf, recordAction, updateIdOf } from './audit/acting.ts';

export async function grantExtension(
  client: Client,
  options: { year: number; unit: string } & GrantExtension,
  acting?: Acting,
): Promise<UnitStatus> {
  const workflowId = unitWorkflowId(options.year, options.unit);
  const updateId = updateIdOf(acting);
  const status = await client.workflow.getHandle(workflowId).executeUpdate(grantExtensionUpdate, {
    args: [{ track: options.track, until: options.until, ...byOf(acting) }],
    updateId,
  });
  await recordAction(acting, {
    workflowId,
    updateId,
    kind: 'extension',
    year: options.year,
    unitCode: options.unit,
    detail: { track: options.track, until: options.until },
  });
  return status;
}
