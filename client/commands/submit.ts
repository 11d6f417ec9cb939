// wlx submit plan | demands | activity | results | summary: validated locally, then sent as updates.
// Files are JSON or YAML, or for demands, activities and results the .xlsx template filled in.
import type { UpdateDefinition } from '@temporalio/common';
import type { Command } from 'commander';
import { z } from 'zod';
import { activityRecordSchema, demandListSchema } from '../../domain/submissions.ts';
import {
  recordActivityUpdate,
  submitDemandListUpdate,
  submitSummaryUpdate,
  submitWorkPlanUpdate,
  unitWorkflowId,
} from '../../workflows/messages.ts';
import type { UnitStatus } from '../../workflows/status.ts';
import { CliError } from '../cliErrors.ts';
import { withClient } from '../connection.ts';
import { readInputFile } from '../inputFile.ts';
import { parseOptions, unitSchema, yearSchema } from '../options.ts';
import { printJson, progress } from '../output.ts';
import { importSpreadsheetFile, isSpreadsheet } from '../spreadsheets/importSubmission.ts';
import { loadResults, loadSummary, loadWorkPlan } from './submitPayloads.ts';
import { describeUnit } from './unit.ts';

const submitOptions = z.object({
  year: yearSchema,
  unit: unitSchema,
  file: z.string().min(1).optional(),
  written: z.string().min(1).optional(),
  document: z.string().min(1).optional(),
  title: z.string().trim().min(1).optional(),
  updateId: z.string().min(1).optional(),
  json: z.boolean().default(false),
  dryRun: z.boolean().default(false),
});
type SubmitOptions = z.infer<typeof submitOptions>;

interface Kind<A> {
  name: string;
  alias?: string;
  what: string;
  update: UpdateDefinition<UnitStatus, [A]>;
  fileHelp: string;
  /** The payloads to send, in order; every one validated before the first is sent. */
  load(options: SubmitOptions & { file: string }): Promise<A[]>;
}

export function registerSubmitCommands(program: Command): void {
  const submit = program
    .command('submit')
    .description("a reporting unit's submissions, from a JSON or YAML file or the filled-in .xlsx template");
  registerKind(submit, {
    name: 'plan',
    what: 'work plan',
    update: submitWorkPlanUpdate,
    fileHelp: 'the work plan, .json or .yaml',
    load: async (o) => [await loadWorkPlan(o)],
  });
  registerKind(submit, {
    name: 'demands',
    what: 'demand list (Annex 1)',
    update: submitDemandListUpdate,
    fileHelp: 'the demand list: .xlsx ("wlx template demands"), .json or .yaml',
    load: async (o) => [
      isSpreadsheet(o.file)
        ? await importSpreadsheetFile('demands', o.file, { unitCode: o.unit })
        : await readInputFile(o.file, demandListSchema, 'demand list (Annex 1)'),
    ],
  });
  registerKind(submit, {
    name: 'activity',
    alias: 'activities',
    what: 'activity record',
    update: recordActivityUpdate,
    fileHelp: 'one activity (.json or .yaml), or many in an .xlsx ("wlx template activities")',
    load: async (o) =>
      isSpreadsheet(o.file)
        ? await importSpreadsheetFile('activities', o.file, { unitCode: o.unit })
        : [await readInputFile(o.file, activityRecordSchema, 'activity record')],
  });
  registerKind(submit, {
    name: 'results',
    what: 'results summary (Annex 2)',
    update: submitSummaryUpdate,
    fileHelp: 'Annex 2: .xlsx ("wlx template results"), .json or .yaml',
    load: async (o) => [{ results: await loadResults(o.file, o.unit) }],
  });
  registerKind(submit, {
    name: 'summary',
    what: 'summary (written and/or Annex 2)',
    update: submitSummaryUpdate,
    fileHelp: 'Annex 2 as .xlsx, or {written?, results?} as .json or .yaml',
    load: async (o) => [await loadSummary(o)],
  });
}

function registerKind<A>(submit: Command, kind: Kind<A>): void {
  const command = submit
    .command(kind.name)
    .description(`submit the ${kind.what}; see examples/ for the format`)
    .requiredOption('--year <year>', 'campaign year')
    .requiredOption('--unit <code>', 'unit code, e.g. 11 or 3702');
  if (kind.alias) command.alias(kind.alias);
  if (kind.name === 'plan') {
    command.option(
      '--document <file>',
      "the plan's document (.docx, .pdf, ...): stored, and referred to by SHA-256",
    );
  }
  if (kind.name === 'summary') {
    command
      .option('--file <file>', kind.fileHelp)
      .option(
        '--written <file>',
        'the written summary (.docx, .pdf, .doc, .wps): stored, and referred to by SHA-256',
      )
      .option('--title <title>', "the written summary's title (default: its file name)");
  } else {
    command.requiredOption('--file <file>', kind.fileHelp);
  }
  command
    .option('--update-id <id>', 'a retry key: the same id is applied once')
    .option('--dry-run', 'check the file and print what would be sent, without sending it')
    .option('--json', 'print the unit status as JSON')
    .action(async (raw) => {
      const options = parseOptions(submitOptions, raw);
      if (!options.file && !options.written) {
        throw new CliError('give --file, --written or both (缺少 --file 或 --written)');
      }
      const payloads = await kind.load({ ...options, file: options.file ?? '' });
      if (options.dryRun) {
        if (options.json) printJson(payloads.length === 1 ? payloads[0] : payloads);
        else {
          process.stdout.write(
            `检查通过，未提交 (checked, not sent): ${payloads.length} × ${kind.what} for ${options.unit}\n`,
          );
        }
        return;
      }
      await withClient(async (client) => {
        const handle = client.workflow.getHandle(unitWorkflowId(options.year, options.unit));
        let status: UnitStatus | undefined;
        for (const [i, payload] of payloads.entries()) {
          // Several payloads (activity rows) each need their own retry key.
          const updateId =
            options.updateId && (payloads.length === 1 ? options.updateId : `${options.updateId}-${i + 1}`);
          try {
            status = await handle.executeUpdate(kind.update, {
              args: [payload],
              ...(updateId && { updateId }),
            });
          } catch (error) {
            if (i > 0) {
              progress(
                `已记录 ${i}/${payloads.length} 条，其余未提交；修正后重新报送整个文件即可（同一编号会覆盖） ` +
                  `(${i} of ${payloads.length} recorded before this failure; send the whole file again, the same ids replace)`,
              );
            }
            throw error;
          }
        }
        if (!status) return;
        if (options.json) printJson(status);
        else {
          const count = payloads.length === 1 ? '' : `${payloads.length} × `;
          process.stdout.write(
            `accepted ${count}${kind.what} from ${options.unit}\n${describeUnit(status)}\n`,
          );
        }
      });
    });
}
