// wlx campaign start | status | recover

import type { Command } from 'commander';
import { z } from 'zod';
import { recoverCommand } from '../../../domain/recoverCommand.ts';
import { withClient, withReads } from '../../../infra/temporal/connection.ts';
import { exitCodes } from '../../../infra/userError.ts';
import { type CampaignOverview, readCampaignStatus } from '../../../reads/campaignStatus.ts';
import { scheduleLines } from '../../operations/describe/schedule.ts';
import { commandGroups } from '../commandGroups.ts';
import {
  codeListSchema,
  durationSchema,
  jsonField,
  jsonOption,
  parseOptions,
  yearField,
  yearOption,
} from '../options.ts';
import { printJson, printTable } from '../output.ts';
import { recoverFields, registerRecover } from './recover.ts';

const startOptions = z.object({
  ...yearField,
  registry: z.string().optional(),
  calendar: z.string().optional(),
  catalogue: z.string().optional(),
  compress: durationSchema.optional(),
  units: codeListSchema.optional(),
  holidays: z.string().optional(),
  calendarDays: z.boolean().default(false),
  ...jsonField,
});

const statusOptions = z.object({ ...yearField, ...jsonField });

export function registerCampaignCommands(program: Command): void {
  const campaign = program.command('campaign').description(commandGroups.campaign);

  campaign
    .command('start')
    .description('start the campaign workflow for a year: launch, survey, matching, activities, summary')
    .addOption(yearOption())
    .option('--registry <file>', 'units and resources (JSON or YAML); the 37 + 11 default units otherwise')
    .option('--calendar <file>', "calendar month-days and escalation ladder (JSON or YAML); 2022's otherwise")
    .option(
      '--catalogue <file>',
      'matching resources (.xlsx from "wlx template catalogue", JSON or YAML); the 53 shipped ones otherwise',
    )
    .option(
      '--compress <duration>',
      'run the whole calendar in this much real time, e.g. 10m (demos, training)',
    )
    .option('--units <codes>', 'only these units, comma-separated, e.g. 11,12,3702')
    .option(
      '--holidays <file>',
      'holidays file (YAML or .xlsx): years chinese-days does not know yet, local days off',
    )
    .option('--calendar-days', 'count reminders, escalation and revision in calendar days, not working days')
    .addOption(jsonOption('the result'))
    .action(async (raw) => {
      const options = parseOptions(startOptions, raw);
      // Loaded here, not with the command group: the registry, calendar and workbook readers are for start only.
      const { planCampaign, startCampaign } = await import('../../operations/startCampaign.ts');
      const { withActing } = await import('../acting.ts');
      const plan = await planCampaign(options);
      const started = await withActing((acting) =>
        withClient((client, config) => startCampaign(client, config, plan, acting)),
      );
      if (options.json) {
        printJson(started);
        return;
      }
      process.stdout.write(
        [
          `started ${started.workflowId} for ${started.units.length} units`,
          ...scheduleLines(started.schedule, plan.compressed),
          `follow it: ${started.link}`,
          `        or: wlx campaign status --year ${options.year}`,
          '',
        ].join('\n'),
      );
    });

  campaign
    .command('status')
    .description("every unit's state, next deadline, escalation and what is missing")
    .addOption(yearOption())
    .addOption(jsonOption('the status'))
    .action(async (raw) => {
      const options = parseOptions(statusOptions, raw);
      const status = await withReads((reads) => readCampaignStatus(reads, options.year));
      if (options.json) printJson(status);
      else printStatus(status);
      // Stuck workflows need an operator: a script watching the year sees it in the exit code.
      if (status.stuck.length > 0) process.exitCode = exitCodes.needsAttention;
    });
  registerRecover(
    campaign,
    'the campaign',
    [yearOption()],
    z.object({ ...yearField, ...recoverFields }),
    async () => (await import('../../operations/recoverWorkflow.ts')).recoverCampaign,
  );
}

function printStatus(status: CampaignOverview): void {
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
  const t = status.totals;
  process.stdout.write(
    `\n${t.units} units: ${t.plansIn} plans in, ${t.summariesIn} summaries in, ${t.overdue} overdue\n` +
      `not submitted: ${t.notSubmitted.join(', ') || 'none'}\n`,
  );
  for (const s of status.stuck) {
    const who = s.unitCode ? `单位 ${s.unitCode}` : '活动主流程';
    process.stdout.write(
      `\n!! ${who} 工作流任务反复失败，已停滞 — ${s.workflowId} is stuck: its workflow task failed ${s.attempts} times${
        s.problems.length ? ` (${s.problems.join(', ')})` : ''
      }\n   恢复 to recover: ${recoverCommand(status.year, s.unitCode)}\n`,
    );
  }
  if (status.summary) {
    process.stdout.write(
      `national summary compiled on ${status.summary.compiledOn}: 通报 ${
        status.summary.notice.map((n) => `${n.unitCode} ${n.track} ${n.outcome}`).join('; ') || 'none'
      }\n`,
    );
  }
}
