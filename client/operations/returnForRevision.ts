// An operator returns a unit's submission for revision; the unit's workflow starts a new 7-day clock.
import type { Client } from '@temporalio/client';
import type { ReturnForRevision } from '../../domain/submissions.ts';
import { returnForRevisionUpdate, unitWorkflowId } from '../../workflows/shared/messages.ts';
import type { UnitStatus } from '../../workflows/shared/status.ts';

export async function returnForRevision(
  client: Client,
  options: { year: number; unit: string } & ReturnForRevision,
): Promise<UnitStatus> {
  return client.workflow
    .getHandle(unitWorkflowId(options.year, options.unit))
    .executeUpdate(returnForRevisionUpdate, { args: [{ what: options.what, reason: options.reason }] });
}
