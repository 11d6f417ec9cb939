// wlx campaign start | status
import type { Command } from 'commander';
import { z } from 'zod';
import {
  type CalendarConfig,
  calendarConfigSchema,
  compress,
  defaultCalendarConfig,
  formatShanghaiDate,
  formatShanghaiDateTime,
  resolveCalendar,
  toReal,
} from '../../domain/calendar.ts';
import { defaultRegistry } from '../../domain/defaultRegistry.ts';
import { findUnit, type Registry, registrySchema, reportingUnits } from '../../domain/registry.ts';
import type { campaignWorkflow } from '../../workflows/campaignWorkflow.ts';
import { campaignStatusQuery, campaignWorkflowId, taskQueue } from '../../workflows/messages.ts';
import { campaignPhaseKey, campaignYearKey } from '../../workflows/searchAttributes.ts';
import type { CampaignStatus, UnitProgress } from '../../workflows/status.ts';
import { CliError } from '../cliErrors.ts';
import { withClient, workflowLink } from '../connection.ts';
import { readInputFile } from '../inputFile.ts';
import { codeListSchema, durationSchema, parseOptions, yearSchema } from '../options.ts';
import { printJson, printTable } from '../output.ts';

const startOptions = z.object({
  year: yearSchema,
  registry: z.string().optional(),
  calendar: z.string().optional(),
  compress: durationSchema.optional(),
  units: codeListSchema.optional(),
  json: z.boolean().default(false),
});

const statusOptions = z.object({ year: yearSchema, json: z.boolean().default(false) });

export function registerCampaignCommands(program: Command): void {
  const campaign = program.command('campaign').description("start and follow a year's campaign");

  campaign
    .command('start')
    .description('start the campaign workflow for a year: launch, survey, matching, activities, summary')
    .requiredOption('--year <year>', 'campaign year')
    .option('--registry <file>', 'units and resources (JSON or YAML); the 37 + 11 default units otherwise')
    .option('--calendar <file>', "calendar month-days and escalation ladder (JSON or YAML); 2022's otherwise")
    .option(
      '--compress <duration>',
      'run the whole calendar in this much real time, e.g. 10m (demos, training)',
    )
    .option('--units <codes>', 'only these units, comma-separated, e.g. 11,12,3702')
    .option('--json', 'print the result as JSON')
    .action(async (raw) => {
      const options = parseOptions(startOptions, raw);
      const registry: Registry = options.registry
        ? await readInputFile(options.registry, registrySchema, 'registry')
        : defaultRegistry();
      const config: CalendarConfig = options.calendar
        ? await readInputFile(options.calendar, calendarConfigSchema, 'calendar')
        : defaultCalendarConfig;
      for (const code of options.units ?? []) {
        try {
          findUnit(registry, code);
        } catch (error) {
          throw new CliError(`--units: ${(error as Error).message}`);
        }
      }
      const nominal = resolveCalendar(config, options.year);
      const schedule = options.compress ? compress(nominal, Date.now(), options.compress) : nominal;
      if (toReal(schedule.mapping, schedule.closeAt) < Date.now()) {
        throw new CliError(
          `the ${options.year} calendar closed on ${formatShanghaiDate(schedule.closeAt)}; choose a later --year, or replay it with --compress 10m`,
        );
      }
      const workflowId = campaignWorkflowId(options.year);
      const units = options.units ?? reportingUnits(registry).map((u) => u.code);
      await withClient(async (client, connection) => {
        await client.workflow.start<typeof campaignWorkflow>('campaignWorkflow', {
          taskQueue,
          workflowId,
          args: [
            { year: options.year, registry, schedule, ...(options.units && { unitCodes: options.units }) },
          ],
          typedSearchAttributes: [
            { key: campaignYearKey, value: options.year },
            { key: campaignPhaseKey, value: 'beforeLaunch' },
          ],
          staticSummary: `${options.year} 知识产权服务万里行 IP Service Campaign — ${units.length} units`,
          staticDetails: scheduleLines(schedule, options.compress !== undefined).join('\n\n'),
        });
        const link = workflowLink(connection, workflowId);
        if (options.json) {
          printJson({ workflowId, link, units, schedule });
          return;
        }
        process.stdout.write(
          [
            `started ${workflowId} for ${units.length} units`,
            ...scheduleLines(schedule, options.compress !== undefined),
            `follow it: ${link}`,
            `        or: wlx campaign status --year ${options.year}`,
            '',
          ].join('\n'),
        );
      });
    });

  campaign
    .command('status')
    .description("every unit's state, next deadline, escalation and what is missing")
    .requiredOption('--year <year>', 'campaign year')
    .option('--json', 'print the status as JSON')
    .action(async (raw) => {
      const options = parseOptions(statusOptions, raw);
      await withClient(async (client) => {
        const status = await client.workflow
          .getHandle(campaignWorkflowId(options.year))
          .query(campaignStatusQuery);
        if (options.json) printJson({ ...status, totals: totals(status.units) });
        else printStatus(status);
      });
    });
}

function scheduleLines(schedule: ReturnType<typeof resolveCalendar>, compressed: boolean): string[] {
  const when = (nominal: number) =>
    compressed
      ? `${formatShanghaiDate(nominal)} (real ${new Date(toReal(schedule.mapping, nominal)).toISOString()})`
      : formatShanghaiDateTime(nominal);
  return [
    `launch:           ${when(schedule.phases.launch.start)}`,
    `plan deadline:    ${when(schedule.deadlines.plan)}`,
    `summary deadline: ${when(schedule.deadlines.summary)}`,
    `national summary: ${when(schedule.closeAt)}`,
  ];
}

function totals(units: UnitProgress[]) {
  return {
    units: units.length,
    plansIn: units.filter((u) => u.plan.submittedAt !== null).length,
    summariesIn: units.filter((u) => u.summary.submittedAt !== null).length,
    overdue: units.filter((u) => u.overdue).length,
    notSubmitted: units.filter((u) => u.missing.length > 0).map((u) => u.unitCode),
  };
}

function printStatus(status: CampaignStatus): void {
  const c = status.calendar;
  process.stdout.write(
    `${status.year} campaign — phase ${status.phase}\n` +
      `launch ${c.launch}, plans due ${c.planDeadline}, summaries due ${c.summaryDeadline}, closes ${c.closes}\n\n`,
  );
  printTable(
    ['unit', 'name', 'state', 'next deadline', 'overdue', 'missing'],
    status.units.map((u) => [
      u.unitCode,
      u.nameZh,
      u.state,
      u.nextDeadline ? `${u.nextDeadline.track} ${u.nextDeadline.date}` : '-',
      u.escalationLevel ?? '-',
      u.missing.join(', ') || '-',
    ]),
  );
  const t = totals(status.units);
  process.stdout.write(
    `\n${t.units} units: ${t.plansIn} plans in, ${t.summariesIn} summaries in, ${t.overdue} overdue\n` +
      `not submitted: ${t.notSubmitted.join(', ') || 'none'}\n`,
  );
  if (status.summary) {
    process.stdout.write(
      `national summary compiled on ${status.summary.compiledOn}: 通报 ${
        status.summary.notice.map((n) => `${n.unitCode} ${n.track} ${n.outcome}`).join('; ') || 'none'
      }\n`,
    );
  }
}
