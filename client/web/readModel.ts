// The pages' read model: what the dashboard, a unit's page and the review page show, read from Temporal once
// per replica for every request (reads/snapshots.ts), so that a page costs no Temporal round trip per unit
// and a thousand users cost what one does. Fresh to about a second; this replica's own writes to a year are
// read afresh before its next page (the web's write routes call `wrote`); writes made elsewhere (wlx,
// another replica, the workflows' timers) show within the bound; each page says when its data was read.
import type { Client } from '@temporalio/client';
import type { AuditEntry } from '../../domain/audit/entry.ts';
import type { UnitDemand } from '../../domain/matching/scoring.ts';
import type { AuditTrail } from '../../infra/audit/trail.ts';
import type { ClientConfig } from '../../infra/temporal/connection.ts';
import { sdkReads } from '../../infra/temporal/reads.ts';
import { isTransientRead } from '../../infra/temporal/serverGone.ts';
import { type CampaignOverview, campaignState, campaignStatus } from '../../reads/campaignStatus.ts';
import { flaggedDemandRows } from '../../reads/flaggedDemands.ts';
import { pageSnapshotTimes, type Snapshot, type SnapshotTimes, snapshots } from '../../reads/snapshots.ts';
import type { CampaignStatus, UnitStatus } from '../../workflows/shared/status.ts';
import { type LastReminded, lastReminders } from '../operations/lastReminded.ts';
import { type MailEntry, unitMailHistory } from '../operations/mailHistory.ts';
import { unitStatus } from '../operations/unitStatus.ts';

export interface ReadModel {
  /** The dashboard's: the campaign with every unit's standing. */
  overview(year: number): Promise<Snapshot<CampaignOverview>>;
  /** The campaign's own status: its phase, calendar and decisions. */
  campaign(year: number): Promise<Snapshot<CampaignStatus>>;
  unit(year: number, unit: string): Promise<Snapshot<{ status: UnitStatus; link: string }>>;
  mail(year: number, unit: string): Promise<Snapshot<MailEntry[]>>;
  /** The unit's audit trail; undefined where the web keeps none. */
  trail(year: number, unit: string): Promise<Snapshot<AuditEntry[]> | undefined>;
  /** The flagged demand rows of these units (a page of the review). */
  flaggedRows(year: number, units: readonly string[]): Promise<Snapshot<UnitDemand[]>>;
  /** When each unit was last reminded by an operator, and by whom (the audit trail). */
  reminders(year: number): Promise<Snapshot<ReadonlyMap<string, LastReminded>>>;
  /** This replica changed the year: what it serves next is read after the change. */
  wrote(year: number): void;
}

export function readModel(
  client: Client,
  config: ClientConfig,
  clock: () => number,
  times: SnapshotTimes = pageSnapshotTimes,
  audit?: AuditTrail,
): ReadModel {
  const kept = snapshots(times, clock, isTransientRead);
  return {
    overview: (year) => kept.get(`${year}/overview`, () => campaignStatus(client, year)),
    campaign: (year) => kept.get(`${year}/campaign`, () => campaignState(client, year)),
    unit: (year, unit) =>
      kept.get(`${year}/unit/${unit}`, () => unitStatus(sdkReads(client), config, { year, unit })),
    mail: (year, unit) => kept.get(`${year}/mail/${unit}`, () => unitMailHistory(client, { year, unit })),
    trail: async (year, unit) =>
      audit && kept.get(`${year}/trail/${unit}`, () => audit.list({ year, unitCode: unit })),
    flaggedRows: (year, units) =>
      kept.get(`${year}/rows/${[...units].sort().join(',')}`, () => flaggedDemandRows(client, year, units)),
    reminders: (year) => kept.get(`${year}/reminders`, () => lastReminders(audit, year)),
    wrote: (year) => kept.invalidate((key) => key.startsWith(`${year}/`)),
  };
}
