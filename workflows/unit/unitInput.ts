// What a unit's workflow is started with, and what one run hands the next across continue-as-new.
import type { StateValue } from 'xstate';
import type { CampaignSchedule } from '../../domain/calendar.ts';
import type { UnitStatus } from '../shared/status.ts';
import type { UnitContacts } from './notificationRequest.ts';
import type { NotifyParams, UnitContext, UnitIdentity } from './unitMachine.ts';

export interface UnitWorkflowInput {
  year: number;
  unit: UnitIdentity;
  contacts: UnitContacts;
  schedule: CampaignSchedule;
  /** Continue-as-new once history passes this many events (Temporal's own suggestion also counts). */
  historyEventLimit?: number;
  /** Carried across continue-as-new. */
  carried?: UnitCarry;
}

export interface UnitCarry {
  value: StateValue;
  context: UnitContext;
  /** Update ids applied in earlier runs. */
  appliedUpdateIds?: string[];
  /** As runs of release 0.3.0 and before carried them: ids with their results. */
  appliedUpdates?: [string, UnitStatus][];
  undelivered: string[];
  pending: NotifyParams[];
}
