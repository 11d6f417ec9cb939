// wlx operator return | extend | remind | key-regions: CNIPA operators steering units and the campaign.

import type { Command } from 'commander';
import { z } from 'zod';
import { grantExtensionSchema, returnForRevisionSchema } from '../../../domain/submissions.ts';
import { parseInput } from '../../../domain/validation.ts';
import { hoursToMs, remindFields } from '../../../infra/config.ts';
import { withClient } from '../../../infra/temporal/connection.ts';
import { exitCodes, UserError } from '../../../infra/userError.ts';
import { campaignStatus } from '../../../reads/campaignStatus.ts';
import { describeUnit } from '../../operations/describe/unit.ts';
import { designateKeyRegions } from '../../operations/designateKeyRegions.ts';
import { grantExtension } from '../../operations/grantExtension.ts';
import { remindAll } from '../../operations/remindAll.ts';
import type { RemindOutcome } from '../../operations/remindUnits.ts';
import { returnForRevision } from '../../operations/returnForRevision.ts';
import { withActing } from '../acting.ts';
import { commandGroups } from '../commandGroups.ts';
import {
  codeListSchema,
  jsonField,
  jsonOption,
  parseOptions,
  unitOption,
  unitTarget,
  yearField,
  yearOption,
} from '../options.ts';
import { printJson, progress } from '../output.ts';

/** The names operators say, mapped to the items' own. */
const itemAliases: Record<string, string> = {
  plan: 'workPlan',
  demands: 'demandList',
  summary: 'writtenSummary',
  results: 'resultsSummary',
};

const returnOptions = z.object({
  ...unitTarget,
  what: z.preprocess((item) => itemAliases[item as string] ?? item, returnForRevisionSchema.shape.what),
  reason: returnForRevisionSchema.shape.reason,
  ...jsonField,
});
const extendOptions = z.object({
  ...unitTarget,
  deadline: grantExtensionSchema.shape.track,
  until: grantExtensionSchema.shape.until,
  ...jsonField,
});
const remindOptions = z.object({ ...yearField, ...jsonField });
const keyRegionOptions = z.object({
  ...yearField,
  regions: codeListSchema,
  hosts: z.string().transform((text) =>
    text
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean),
  ),
  ...jsonField,
});

export function registerOperatorCommands(program: Command): void {
  const operator = program.command('operator').description(commandGroups.operator);

  operator
    .command('return')
    .description('return a submission for revision; the unit gets a new 7-day clock')
    .addOption(yearOption())
    .addOption(unitOption())
    .requiredOption(
      '--what <item>',
      'workPlan | demandList | writtenSummary | resultsSummary (or plan | demands | summary)',
    )
    .requiredOption('--reason <text>', 'what to revise, sent to the unit')
    .addOption(jsonOption('the unit status'))
    .action(async (raw) => {
      const options = parseOptions(returnOptions, raw);
      const status = await withActing((acting) =>
        withClient((client) => returnForRevision(client, options, acting)),
      );
      if (options.json) printJson(status);
      else process.stdout.write(`returned ${options.what} to ${options.unit}\n${describeUnit(status)}\n`);
    });

  operator
    .command('extend')
    .description("move a unit's deadline later; reminders and escalation restart from the new date")
    .addOption(yearOption())
    .addOption(unitOption())
    .requiredOption('--deadline <track>', 'plan (work plan + demand list) | summary')
    .requiredOption('--until <date>', 'new deadline, YYYY-MM-DD (end of that day, Beijing time)')
    .addOption(jsonOption('the unit status'))
    .action(async (raw) => {
      const options = parseOptions(extendOptions, raw);
      const status = await withActing((acting) =>
        withClient((client) => grantExtension(client, { ...options, track: options.deadline }, acting)),
      );
      if (options.json) printJson(status);
      else
        process.stdout.write(
          `extended ${options.unit}'s ${options.deadline} deadline\n${describeUnit(status)}\n`,
        );
    });

  operator
    .command('remind')
    .description(
      'remind every unit that has not submitted what is due now; at most once in REMIND_ALL_INTERVAL_HOURS (24)',
    )
    .addOption(yearOption())
    .addOption(jsonOption('who was reminded'))
    .action(async (raw) => {
      const options = parseOptions(remindOptions, raw);
      const interval = parseInput(z.object(remindFields), process.env, 'environment');
      const { outcomes, total } = await withActing((acting) =>
        withClient(async (client) => {
          const { units } = await campaignStatus(client, options.year);
          const outcomes = await remindAll(client, options.year, units, {
            intervalMs: hoursToMs(interval.REMIND_ALL_INTERVAL_HOURS),
            now: Date.now(),
            acting,
            onEach: (o, i) => {
              const what =
                o.outcome === 'reminded' ? `reminded: ${o.missing.join(', ')}` : `${o.outcome}: ${o.reason}`;
              progress(`[${i + 1}/${units.length}] ${o.unitCode} ${o.nameZh} ${what}`);
            },
          });
          return { outcomes, total: units.length };
        }),
      );
      const count = (outcome: RemindOutcome['outcome']) => outcomes.filter((o) => o.outcome === outcome);
      if (options.json) printJson({ outcomes });
      else
        process.stdout.write(
          `已催报 ${count('reminded').length} 个单位 (reminded ${count('reminded').length} of ${total} units; ` +
            `${count('notDue').length} not due, ${count('failed').length} failed)\n`,
        );
      const failed = outcomes.flatMap((o) => (o.outcome === 'failed' ? [o] : []));
      if (failed.length > 0)
        throw new UserError(
          `未能催报 (could not remind): ${failed.map((o) => `${o.unitCode} ${o.nameZh}: ${o.reason}`).join('; ')}`,
          exitCodes.failure,
        );
    });

  operator
    .command('key-regions')
    .description('designate 3–4 key-guidance regions and 1–2 exchange hosts (before matching feedback)')
    .addOption(yearOption())
    .requiredOption('--regions <codes>', 'unit codes, comma-separated, e.g. 11,33,44')
    .requiredOption('--hosts <names>', 'IP-service clusters or export bases, comma-separated')
    .addOption(jsonOption('the campaign status'))
    .action(async (raw) => {
      const options = parseOptions(keyRegionOptions, raw);
      const status = await withActing((acting) =>
        withClient((client) =>
          designateKeyRegions(
            client,
            { year: options.year, regions: options.regions, exchangeHosts: options.hosts },
            acting,
          ),
        ),
      );
      if (options.json) printJson(status);
      else
        process.stdout.write(
          `key regions: ${options.regions.join(', ')}; exchange hosts: ${options.hosts.join('、')}\n`,
        );
    });
}
