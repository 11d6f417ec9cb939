// wlx unit show
import type { Command } from 'commander';
import { z } from 'zod';
import { defaultOperator } from '../actions/matchingReview.ts';
import { recoverUnit } from '../actions/recoverUnit.ts';
import { unitStatus } from '../actions/unitStatus.ts';
import { withClient } from '../connection.ts';
import { describeUnit } from '../describe/unit.ts';
import { jsonField, jsonOption, parseOptions, unitOption, unitTarget, yearOption } from '../options.ts';
import { printJson } from '../output.ts';

const showOptions = z.object({ ...unitTarget, ...jsonField });
const recoverOptions = z.object({
  ...unitTarget,
  ...jsonField,
  dryRun: z.boolean().default(false),
  by: z.string().min(1).optional(),
});

export function registerUnitCommands(program: Command): void {
  const unit = program.command('unit').description("one reporting unit's year");
  unit
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
  unit
    .command('recover')
    .description(
      'reset a unit whose history no longer replays (its workflow tasks keep failing) to the task that does not; its later submissions are sent again',
    )
    .addOption(yearOption())
    .addOption(unitOption())
    .option('--dry-run', 'find the event that does not replay and the reset point, change nothing')
    .option('--by <name>', 'who recovers, kept in the reset reason (default: $WLX_OPERATOR or your login)')
    .addOption(jsonOption('what was found and done'))
    .action(async (raw) => {
      const options = parseOptions(recoverOptions, raw);
      const by = options.by ?? defaultOperator();
      const recovery = await withClient((client) => recoverUnit(client, { ...options, by }));
      if (options.json) return printJson(recovery);
      if (!recovery.unreplayable)
        return void process.stdout.write(
          `${recovery.workflowId} 的历史在当前代码上可以完整重放，无需恢复 — its history replays on this code: nothing to recover\n`,
        );
      process.stdout.write(
        `${recovery.workflowId}: 第 ${recovery.unreplayable.eventId} 号事件无法重放 — event ${recovery.unreplayable.eventId} does not replay\n` +
          `  ${recovery.unreplayable.message.split('\n')[0]}\n` +
          (recovery.newRunId
            ? `已重置到第 ${recovery.resetTo} 号事件（其后的报送重新送达）— reset to event ${recovery.resetTo}, later submissions applied again: run ${recovery.newRunId}\n`
            : `试运行：将重置到第 ${recovery.resetTo} 号事件 — dry run: would reset to event ${recovery.resetTo}\n`) +
          recovery.resent
            .map(
              (u) =>
                `  ${u.outcome === 'applied' ? '重新送达 sent again' : '被拒绝 refused'}: ${u.name} (${u.updateId})${u.detail ? ` — ${u.detail}` : ''}\n`,
            )
            .join(''),
      );
    });
}
