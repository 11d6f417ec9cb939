// wlx unit show | recover

import type { Command } from 'commander';
import { z } from 'zod';
import { withReads } from '../../../infra/temporal/connection.ts';
import { describeUnit } from '../../operations/describe/unit.ts';
import { unitStatus } from '../../operations/unitStatus.ts';
import { commandGroups } from '../commandGroups.ts';
import { jsonField, jsonOption, parseOptions, unitOption, unitTarget, yearOption } from '../options.ts';
import { printJson } from '../output.ts';
import { recoverFields, registerRecover } from './recover.ts';

const showOptions = z.object({ ...unitTarget, ...jsonField });

export function registerUnitCommands(program: Command): void {
  const unit = program.command('unit').description(commandGroups.unit);
  unit
    .command('show')
    .description('state, deadlines, escalation, what is missing and what was returned')
    .addOption(yearOption())
    .addOption(unitOption())
    .addOption(jsonOption('the status'))
    .action(async (raw) => {
      const options = parseOptions(showOptions, raw);
      const { status, link } = await withReads((reads, config) => unitStatus(reads, config, options));
      if (options.json) printJson(status);
      else process.stdout.write(`${describeUnit(status)}\n${link}\n`);
    });
  registerRecover(
    unit,
    'a unit',
    [yearOption(), unitOption()],
    z.object({ ...unitTarget, ...recoverFields }),
    async () => (await import('../../operations/recoverWorkflow.ts')).recoverUnit,
  );
}
