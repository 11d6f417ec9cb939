// wlx submit plan | demands | activity | summary: validated locally, then sent as an update.
import type { UpdateDefinition } from '@temporalio/common';
import type { Command } from 'commander';
import { z } from 'zod';
import {
  activityRecordSchema,
  demandListSchema,
  summarySubmissionSchema,
  workPlanSchema,
} from '../../domain/submissions.ts';
import {
  recordActivityUpdate,
  submitDemandListUpdate,
  submitSummaryUpdate,
  submitWorkPlanUpdate,
  unitWorkflowId,
} from '../../workflows/messages.ts';
import type { UnitStatus } from '../../workflows/status.ts';
import { withClient } from '../connection.ts';
import { readInputFile } from '../inputFile.ts';
import { parseOptions, unitSchema, yearSchema } from '../options.ts';
import { printJson } from '../output.ts';
import { describeUnit } from './unit.ts';

const submitOptions = z.object({
  year: yearSchema,
  unit: unitSchema,
  file: z.string().min(1),
  updateId: z.string().min(1).optional(),
  json: z.boolean().default(false),
});

export function registerSubmitCommands(program: Command): void {
  const submit = program
    .command('submit')
    .description("a reporting unit's submissions, from a JSON or YAML file");
  registerKind(submit, 'plan', workPlanSchema, submitWorkPlanUpdate, 'work plan');
  registerKind(submit, 'demands', demandListSchema, submitDemandListUpdate, 'demand list (Annex 1)');
  registerKind(submit, 'activity', activityRecordSchema, recordActivityUpdate, 'activity record');
  registerKind(
    submit,
    'summary',
    summarySubmissionSchema,
    submitSummaryUpdate,
    'summary (written and/or Annex 2)',
  );
}

function registerKind<A>(
  submit: Command,
  name: string,
  schema: z.ZodType<A>,
  update: UpdateDefinition<UnitStatus, [A]>,
  what: string,
): void {
  submit
    .command(name)
    .description(`submit the ${what}; see examples/ for the format`)
    .requiredOption('--year <year>', 'campaign year')
    .requiredOption('--unit <code>', 'unit code, e.g. 11 or 3702')
    .requiredOption('--file <file>', 'the submission, .json or .yaml')
    .option('--update-id <id>', 'a retry key: the same id is applied once')
    .option('--json', 'print the unit status as JSON')
    .action(async (raw) => {
      const options = parseOptions(submitOptions, raw);
      const payload = await readInputFile(options.file, schema, what);
      await withClient(async (client) => {
        const handle = client.workflow.getHandle(unitWorkflowId(options.year, options.unit));
        const status = await handle.executeUpdate(update, {
          args: [payload],
          ...(options.updateId && { updateId: options.updateId }),
        });
        if (options.json) printJson(status);
        else process.stdout.write(`accepted ${what} from ${options.unit}\n${describeUnit(status)}\n`);
      });
    });
}
