// wlx submit plan | demands | activity | results | summary: validated locally, then sent as updates.
// Files are JSON or YAML, or for demands, activities and results the .xlsx template filled in.
import type { Command } from 'commander';
import { z } from 'zod';
import { formatBytes } from '../../../infra/documents/fileType.ts';
import { withClient } from '../../../infra/temporal/connection.ts';
import { describeUnit } from '../../operations/describe/unit.ts';
import { type SubmissionKind, submissionNames } from '../../operations/submissionPayloads.ts';
import { loadSubmission, sendSubmission } from '../../operations/submit.ts';
import { withActing } from '../acting.ts';
import { commandGroups } from '../commandGroups.ts';
import { jsonField, jsonOption, parseOptions, unitOption, unitTarget, yearOption } from '../options.ts';
import { printJson, progress } from '../output.ts';

const submitOptions = z.object({
  ...unitTarget,
  file: z.string().min(1).optional(),
  written: z.string().min(1).optional(),
  document: z.string().min(1).optional(),
  title: z.string().trim().min(1).optional(),
  updateId: z.string().min(1).optional(),
  dryRun: z.boolean().default(false),
  ...jsonField,
});

const kinds: { name: SubmissionKind; alias?: string; fileHelp: string }[] = [
  { name: 'plan', fileHelp: 'the work plan, .json or .yaml' },
  { name: 'demands', fileHelp: 'the demand list: .xlsx ("wlx template demands"), .json or .yaml' },
  {
    name: 'activity',
    alias: 'activities',
    fileHelp: 'one activity (.json or .yaml), or many in an .xlsx ("wlx template activities")',
  },
  { name: 'results', fileHelp: 'Annex 2: .xlsx ("wlx template results"), .json or .yaml' },
  { name: 'summary', fileHelp: 'Annex 2 as .xlsx, or {written?, results?} as .json or .yaml' },
];

export function registerSubmitCommands(program: Command): void {
  const submit = program.command('submit').description(commandGroups.submit);
  for (const kind of kinds) registerKind(submit, kind);
}

function registerKind(submit: Command, kind: (typeof kinds)[number]): void {
  const what = submissionNames[kind.name];
  const command = submit
    .command(kind.name)
    .description(`submit the ${what}; see examples/ for the format`)
    .addOption(yearOption())
    .addOption(unitOption());
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
    .addOption(jsonOption('the unit status'))
    .action(async (raw) => {
      const options = parseOptions(submitOptions, raw);
      const { payloads, documents } = await loadSubmission(kind.name, options);
      for (const d of documents) {
        progress(
          `${d.stored ? 'stored' : 'already stored'} ${d.fileName} (${formatBytes(d.sizeBytes)}, sha256 ${d.sha256}) in ${d.where}`,
        );
      }
      if (options.dryRun) {
        if (options.json) printJson(payloads.length === 1 ? payloads[0] : payloads);
        else
          process.stdout.write(
            `检查通过，未提交 (checked, not sent): ${payloads.length} × ${what} for ${options.unit}\n`,
          );
        return;
      }
      // From the command line a liaison (or an operator for them) hands in the unit's forms: the unit acts.
      const status = await withActing(
        (acting) =>
          withClient((client) =>
            sendSubmission(
              client,
              kind.name,
              options,
              payloads,
              (recorded, total) =>
                progress(
                  `已记录 ${recorded}/${total} 条，其余未提交；修正后重新报送整个文件即可（同一编号会覆盖） ` +
                    `(${recorded} of ${total} recorded before this failure; send the whole file again, the same ids replace)`,
                ),
              acting,
            ),
          ),
        { kind: 'unit' },
      );
      if (options.json) printJson(status);
      else {
        const count = payloads.length === 1 ? '' : `${payloads.length} × `;
        process.stdout.write(`accepted ${count}${what} from ${options.unit}\n${describeUnit(status)}\n`);
      }
    });
}
