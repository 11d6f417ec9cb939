// One unit's year as it stands, and where to see it in the Web UI.
import { type ClientConfig, workflowLink } from '../../infra/temporal/connection.ts';
import type { TemporalReads } from '../../infra/temporal/reads.ts';
import { unitStatusQuery, unitWorkflowId } from '../../workflows/shared/messages.ts';
import type { UnitStatus } from '../../workflows/shared/status.ts';

export async function unitStatus(
  reads: TemporalReads,
  config: ClientConfig,
  target: { year: number; unit: string },
): Promise<{ status: UnitStatus; link: string }> {
  const workflowId = unitWorkflowId(target.year, target.unit);
  const status = await reads.query(workflowId, unitStatusQuery);
  return { status, link: workflowLink(config, workflowId) };
}
