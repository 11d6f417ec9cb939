// A year's campaign started by a test or a bench: the one place that builds the campaign's input, so each caller
// names only what its year differs in. No vitest here: the benches start their years with it too.
import type { Client, WorkflowHandleWithFirstExecutionRunId, WorkflowStartOptions } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkingDays } from '../../domain/calendar/workingDays.ts';
import {
  type CampaignSchedule,
  compress,
  defaultCalendarConfig,
  resolveCalendar,
} from '../../domain/calendar.ts';
import { defaultCatalogue } from '../../domain/defaultCatalogue.ts';
import { defaultRegistry } from '../../domain/defaultRegistry.ts';
import type { Registry } from '../../domain/registry.ts';
import type { campaignWorkflow } from '../../workflows/campaign/campaignWorkflow.ts';
import { campaignWorkflowId, taskQueue } from '../../workflows/shared/messages.ts';

export interface TestCampaignOptions {
  year: number;
  /** The default registry unless given. */
  registry?: Registry;
  /** Only these units; all the registry's otherwise. */
  unitCodes?: string[];
  /** The calendar squeezed into `ms` real milliseconds from `from` (a real server); as it is otherwise. */
  compressed?: { from: number; ms: number };
  /** The registry's default catalogue: with it the campaign proposes matches for the operators to review. */
  withCatalogue?: boolean;
  groupSize?: number;
  historyEventLimit?: number;
  /** China's working calendar for the year: its clocks count working days. Calendar days otherwise. */
  workingDays?: WorkingDays;
  /** Another id than the year's, for a second campaign beside it. */
  workflowId?: string;
  typedSearchAttributes?: WorkflowStartOptions['typedSearchAttributes'];
}

export interface TestCampaign {
  handle: WorkflowHandleWithFirstExecutionRunId<typeof campaignWorkflow>;
  schedule: CampaignSchedule;
}

/** Starts `year`'s campaign on the default calendar (2022's month-days), as the options say. */
export async function startTestCampaign(client: Client, options: TestCampaignOptions): Promise<TestCampaign> {
  const { year, unitCodes, compressed, groupSize, historyEventLimit, typedSearchAttributes } = options;
  const registry = options.registry ?? defaultRegistry();
  const resolved = resolveCalendar(defaultCalendarConfig, year);
  const calendar = options.workingDays ? { ...resolved, workingDays: options.workingDays } : resolved;
  const schedule = compressed ? compress(calendar, compressed.from, compressed.ms) : calendar;
  // By name, with the type alone: a bench or a client process need not load the workflow's code.
  const handle = await client.workflow.start<typeof campaignWorkflow>('campaignWorkflow', {
    taskQueue,
    workflowId: options.workflowId ?? campaignWorkflowId(year),
    args: [
      {
        year,
        registry,
        schedule,
        ...(unitCodes && { unitCodes }),
        ...(options.withCatalogue && { catalogue: defaultCatalogue(registry) }),
        ...(groupSize && { groupSize }),
        ...(historyEventLimit && { historyEventLimit }),
      },
    ],
    ...(typedSearchAttributes && { typedSearchAttributes }),
  });
  return { handle, schedule };
}

/** The year after the server's clock: on a time-skipping server each year run takes the next, unused one. */
export async function nextYear(env: TestWorkflowEnvironment): Promise<number> {
  return new Date(await env.currentTimeMs()).getUTCFullYear() + 1;
}
