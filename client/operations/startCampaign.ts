// Starting a year's campaign: first the plan, from the registry and calendar (the defaults, or files) and the
// schedule, optionally compressed into minutes of real time; then the campaign workflow with its search
// attributes.
import type { Client } from '@temporalio/client';
import {
  type CampaignSchedule,
  calendarConfigSchema,
  compress,
  defaultCalendarConfig,
  formatShanghaiDate,
  resolveCalendar,
  toReal,
} from '../../domain/calendar.ts';
import { defaultCatalogue } from '../../domain/defaultCatalogue.ts';
import { defaultRegistry } from '../../domain/defaultRegistry.ts';
import type { ResourceCatalogue } from '../../domain/matching/catalogue.ts';
import { findUnit, type Registry, registrySchema, reportingUnits } from '../../domain/registry.ts';
import { type ClientConfig, workflowLink } from '../../infra/temporal/connection.ts';
import { UserError } from '../../infra/userError.ts';
import type { campaignWorkflow } from '../../workflows/campaign/campaignWorkflow.ts';
import { campaignWorkflowId, taskQueue } from '../../workflows/shared/messages.ts';
import { campaignPhaseKey, campaignYearKey } from '../../workflows/shared/searchAttributes.ts';
import { type Acting, recordAction } from './audit/acting.ts';
import { workingCalendar } from './calendar/workingCalendar.ts';
import { readCatalogueFile } from './catalogueFile.ts';
import { scheduleLines } from './describe/schedule.ts';
import { readInputFile } from './inputFile.ts';

export interface StartCampaignOptions {
  year: number;
  /** Files (JSON or YAML); the default registry and 2022's calendar otherwise. */
  registry?: string | undefined;
  calendar?: string | undefined;
  /** The matching resources (.xlsx, JSON or YAML); the shipped catalogue otherwise. */
  catalogue?: string | undefined;
  /** Run the whole calendar in this many real milliseconds. */
  compress?: number | undefined;
  /** Only these reporting units; all of the registry's otherwise. */
  units?: string[] | undefined;
  /** The operators' holidays file (YAML, JSON or .xlsx): years the library does not know yet, local days off. */
  holidays?: string | undefined;
  /** Count in calendar days, without a working calendar, as years before 0.11.0 did. */
  calendarDays?: boolean | undefined;
}

/**
 * A campaign checked and scheduled, ready to start: whatever can be wrong with the input is found before
 * Temporal is contacted.
 */
export interface CampaignPlan {
  year: number;
  registry: Registry;
  schedule: CampaignSchedule;
  catalogue: ResourceCatalogue;
  compressed: boolean;
  /** Only these units, when the operator chose; the registry's reporting units otherwise. */
  unitCodes: string[] | undefined;
}

export async function planCampaign(options: StartCampaignOptions): Promise<CampaignPlan> {
  const registry = options.registry
    ? await readInputFile(options.registry, registrySchema, 'registry')
    : defaultRegistry();
  const calendar = options.calendar
    ? await readInputFile(options.calendar, calendarConfigSchema, 'calendar')
    : defaultCalendarConfig;
  const catalogue = options.catalogue
    ? await readCatalogueFile(options.catalogue, registry)
    : defaultCatalogue(registry);
  for (const code of options.units ?? []) {
    try {
      findUnit(registry, code);
    } catch (error) {
      throw new UserError(`--units: ${(error as Error).message}`);
    }
  }
  const resolved = resolveCalendar(calendar, options.year);
  const nominal = options.calendarDays
    ? resolved
    : { ...resolved, workingDays: await workingDaysOf(resolved, options) };
  const schedule = options.compress ? compress(nominal, Date.now(), options.compress) : nominal;
  if (toReal(schedule.mapping, schedule.closeAt) < Date.now()) {
    throw new UserError(
      `the ${options.year} calendar closed on ${formatShanghaiDate(schedule.closeAt)}; choose a later --year, or replay it with --compress 10m`,
    );
  }
  return {
    year: options.year,
    registry,
    schedule,
    catalogue,
    compressed: options.compress !== undefined,
    unitCodes: options.units,
  };
}

/** The working calendar of the schedule's years; the next year's too when known (an extension may reach it). */
function workingDaysOf(schedule: CampaignSchedule, options: StartCampaignOptions) {
  const first = Number(formatShanghaiDate(schedule.phases.launch.start).slice(0, 4));
  const last = Number(formatShanghaiDate(schedule.closeAt).slice(0, 4));
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return workingCalendar({ years, optionalYears: [last + 1], holidays: options.holidays });
}

export interface StartedCampaign {
  workflowId: string;
  link: string;
  units: string[];
  schedule: CampaignSchedule;
}

export async function startCampaign(
  client: Client,
  config: ClientConfig,
  plan: CampaignPlan,
  acting?: Acting,
): Promise<StartedCampaign> {
  const { year, registry, schedule, catalogue, unitCodes } = plan;
  const workflowId = campaignWorkflowId(year);
  const units = unitCodes ?? reportingUnits(registry).map((u) => u.code);
  const handle = await client.workflow.start<typeof campaignWorkflow>('campaignWorkflow', {
    taskQueue,
    workflowId,
    args: [{ year, registry, schedule, catalogue, ...(unitCodes && { unitCodes }) }],
    typedSearchAttributes: [
      { key: campaignYearKey, value: year },
      { key: campaignPhaseKey, value: 'beforeLaunch' },
    ],
    staticSummary: `${year} 知识产权服务万里行 IP Service Campaign — ${units.length} units`,
    staticDetails: scheduleLines(schedule, plan.compressed).join('\n\n'),
  });
  // A year starts once (its workflow id is taken): the run names the action.
  await recordAction(acting, {
    workflowId,
    updateId: `start-${handle.firstExecutionRunId}`,
    kind: 'campaign.start',
    year,
    unitCode: null,
    detail: { units: units.length, compressed: plan.compressed },
  });
  return { workflowId, link: workflowLink(config, workflowId), units, schedule };
}
