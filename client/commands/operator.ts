// wlx operator return | extend | remind | key-regions: CNIPA operators steering units and the campaign.
import type { Command } from 'commander';
import { z } from 'zod';
import { grantExtensionSchema, returnForRevisionSchema } from '../../domain/submissions.ts';
import {
  campaignStatusQuery,
  campaignWorkflowId,
  designateKeyRegionsUpdate,
  grantExtensionUpdate,
  returnForRevisionUpdate,
  unitWorkflowId,
} from '../../workflows/messages.ts';
import { type RemindOutcome, remindUnits } from '../actions/remindUnits.ts';
import { CliError, exitCodes } from '../cliErrors.ts';
import { withClient } from '../connection.ts';
import { codeListSchema, parseOptions, unitSchema, yearSchema } from '../options.ts';
import { printJson, progress } from '../output.ts';
import { describeUnit } from './unit.ts';

const unitTarget = { year: yearSchema, unit: unitSchema, json: z.boolean().default(false) };
const returnOptions = z.object({ ...unitTarget, ...returnForRevisionSchema.shape });
const extendOptions = z.object({
  ...unitTarget,
  deadline: grantExtensionSchema.shape.track,
  until: grantExtensionSchema.shape.until,
});
const remindOptions = z.object({ year: yearSchema, json: z.boolean().default(false) });
const keyRegionOptions = z.object({
  year: yearSchema,
  regions: codeListSchema,
  hosts: z.string().transform((text) =>
    text
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean),
  ),
  json: z.boolean().default(false),
});

export function registerOperatorCommands(program: Command): void {
  const operator = program
    .command('operator')
    .description('CNIPA operators: return, extend, remind, choose key regions');

  operator
    .command('return')
    .description('return a submission for revision; the unit gets a new 7-day clock')
    .requiredOption('--year <year>', 'campaign year')
    .requiredOption('--unit <code>', 'unit code')
    .requiredOption(
      '--what <item>',
      'workPlan | demandList | writtenSummary | resultsSummary (or plan | demands | summary)',
    )
    .requiredOption('--reason <text>', 'what to revise, sent to the unit')
    .option('--json', 'print the unit status as JSON')
    .action(async (raw) => {
      const options = parseOptions(returnOptions, {
        ...raw,
        what: itemAliases[raw.what as string] ?? raw.what,
      });
      await withClient(async (client) => {
        const status = await client.workflow
          .getHandle(unitWorkflowId(options.year, options.unit))
          .executeUpdate(returnForRevisionUpdate, { args: [{ what: options.what, reason: options.reason }] });
        if (options.json) printJson(status);
        else process.stdout.write(`returned ${options.what} to ${options.unit}\n${describeUnit(status)}\n`);
      });
    });

  operator
    .command('extend')
    .description("move a unit's deadline later; reminders and escalation restart from the new date")
    .requiredOption('--year <year>', 'campaign year')
    .requiredOption('--unit <code>', 'unit code')
    .requiredOption('--deadline <track>', 'plan (work plan + demand list) | summary')
    .requiredOption('--until <date>', 'new deadline, YYYY-MM-DD (end of that day, Beijing time)')
    .option('--json', 'print the unit status as JSON')
    .action(async (raw) => {
      const options = parseOptions(extendOptions, raw);
      await withClient(async (client) => {
        const status = await client.workflow
          .getHandle(unitWorkflowId(options.year, options.unit))
          .executeUpdate(grantExtensionUpdate, { args: [{ track: options.deadline, until: options.until }] });
        if (options.json) printJson(status);
        else
          process.stdout.write(
            `extended ${options.unit}'s ${options.deadline} deadline\n${describeUnit(status)}\n`,
          );
      });
    });

  operator
    .command('remind')
    .description('remind every unit that has not submitted what is due now')
    .requiredOption('--year <year>', 'campaign year')
    .option('--json', 'print who was reminded as JSON')
    .action(async (raw) => {
      const options = parseOptions(remindOptions, raw);
      await withClient(async (client) => {
        const campaign = await client.workflow
          .getHandle(campaignWorkflowId(options.year))
          .query(campaignStatusQuery);
        const total = campaign.units.length;
        const outcomes = await remindUnits(client, options.year, campaign.units, (o, i) => {
          const what =
            o.outcome === 'reminded' ? `reminded: ${o.missing.join(', ')}` : `${o.outcome}: ${o.reason}`;
          progress(`[${i + 1}/${total}] ${o.unitCode} ${o.nameZh} ${what}`);
        });
        const count = (outcome: RemindOutcome['outcome']) => outcomes.filter((o) => o.outcome === outcome);
        if (options.json) printJson({ outcomes });
        else
          process.stdout.write(
            `已催报 ${count('reminded').length} 个单位 (reminded ${count('reminded').length} of ${total} units; ` +
              `${count('notDue').length} not due, ${count('failed').length} failed)\n`,
          );
        const failed = outcomes.flatMap((o) => (o.outcome === 'failed' ? [o] : []));
        if (failed.length > 0)
          throw new CliError(
            `未能催报 (could not remind): ${failed.map((o) => `${o.unitCode} ${o.nameZh}: ${o.reason}`).join('; ')}`,
            exitCodes.failure,
          );
      });
    });

  operator
    .command('key-regions')
    .description('designate 3–4 key-guidance regions and 1–2 exchange hosts (before matching feedback)')
    .requiredOption('--year <year>', 'campaign year')
    .requiredOption('--regions <codes>', 'unit codes, comma-separated, e.g. 11,33,44')
    .requiredOption('--hosts <names>', 'IP-service clusters or export bases, comma-separated')
    .option('--json', 'print the campaign status as JSON')
    .action(async (raw) => {
      const options = parseOptions(keyRegionOptions, raw);
      await withClient(async (client) => {
        const status = await client.workflow
          .getHandle(campaignWorkflowId(options.year))
          .executeUpdate(designateKeyRegionsUpdate, {
            args: [{ regions: options.regions, exchangeHosts: options.hosts }],
          });
        if (options.json) printJson(status);
        else
          process.stdout.write(
            `key regions: ${options.regions.join(', ')}; exchange hosts: ${options.hosts.join('、')}\n`,
          );
      });
    });
}

/** The names operators say, mapped to the items' own. */
const itemAliases: Record<string, string> = {
  plan: 'workPlan',
  demands: 'demandList',
  summary: 'writtenSummary',
  results: 'resultsSummary',
};
