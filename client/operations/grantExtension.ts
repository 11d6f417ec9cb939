// An operator moves a unit's deadline later; its reminders and escalation restart from the new date.
import type { Client } from '@temporalio/client';
import type { GrantExtension } from '../../domain/submissions.ts';
import { grantExtensionUpdate, unitWorkflowId } from '../../workflows/shared/messages.ts';
import type { UnitStatus } from '../../workflows/shared/status.ts';

export async function grantExtension(
  client: Client,
  options: { year: number; unit: string } & GrantExtension,
): Promise<UnitStatus> {
  return client.workflow
    .getHandle(unitWorkflowId(options.year, options.unit))
    .executeUpdate(grantExtensionUpdate, { args: [{ track: options.track, until: options.until }] });
}
