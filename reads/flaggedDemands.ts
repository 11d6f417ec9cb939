// The rows behind the campaign's flagged demand ids. Units tell the campaign ids only (a unit may flag
// thousands, and every report stays in the campaign's history); whoever needs the rows — the matching
// proposal, the resource feedback, the review page, the export — asks the units, a few at a time.
import type { Client } from '@temporalio/client';
import { demandKey } from '../domain/matching/review.ts';
import type { UnitDemand } from '../domain/matching/scoring.ts';
import { sdkReads } from '../infra/temporal/reads.ts';
import { unitStatuses } from './unitStatuses.ts';

/** Each unit's flagged demands as the unit holds them now, in the order of `unitCodes`. */
export async function flaggedDemandRows(
  client: Client,
  year: number,
  unitCodes: readonly string[],
  onUnit?: (done: number) => void,
): Promise<UnitDemand[]> {
  const statuses = await unitStatuses(sdkReads(client), year, unitCodes, { ...(onUnit && { onUnit }) });
  return statuses.flatMap((status) =>
    status.flaggedDemands.map((item) => ({ unitCode: status.unitCode, item })),
  );
}

/** "Entity: description", short, for the named demands: how a resource's feedback mail names them. */
export async function flaggedDemandLabels(
  client: Client,
  year: number,
  demands: readonly { unitCode: string; demandId: string }[],
): Promise<Record<string, string>> {
  const units = [...new Set(demands.map((d) => d.unitCode))];
  const wanted = new Set(demands.map(demandKey));
  const labels: Record<string, string> = {};
  for (const { unitCode, item } of await flaggedDemandRows(client, year, units)) {
    const key = demandKey({ unitCode, demandId: item.id });
    if (wanted.has(key)) labels[key] = `${item.entity.name}：${item.description.slice(0, 80)}`;
  }
  return labels;
}
