// wlx unit show
import type { Command } from 'commander';
import { z } from 'zod';
import { unitStatus } from '../actions/unitStatus.ts';
import { withClient } from '../connection.ts';
import { describeUnit } from '../describe/unit.ts';
import { jsonField, jsonOption, parseOptions, unitOption, unitTarget, yearOption } from '../options.ts';
import { printJson } from '../output.ts';

const showOptions = z.object({ ...unitTarget, ...jsonField });

export function registerUnitCommands(program: Command): void {
  program
    .command('unit')
    .description("one reporting unit's year")
    .command('show')
    .description('state, deadlines, escalation, what is missing and what was returned')
    .addOption(yearOption())
    .addOption(unitOption())
    .addOption(jsonOption('the status'))
    .action(async (raw) => {
      const options = parseOptions(showOptions, raw);
      const { status, link } = await withClient((client, config) => unitStatus(client, config, options));
      if (options.json) printJson(status);
      else process.stdout.write(`${describeUnit(status)}\n${link}\n`);
    });
}
