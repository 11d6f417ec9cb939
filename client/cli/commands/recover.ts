// `wlx unit recover` and `wlx campaign recover`: one command shape over recoverWorkflow, for a workflow whose
// history no longer replays (docs/reliability.md).

import type { Client } from '@temporalio/client';
import type { Command, Option } from 'commander';
import { z } from 'zod';
import { withClient } from '../../../infra/temporal/connection.ts';
import { defaultOperator } from '../../operations/matchingReview.ts';
import type { Recovery } from '../../operations/recoverWorkflow.ts';
import { jsonField, jsonOption, parseOptions } from '../options.ts';
import { printJson } from '../output.ts';

export const recoverFields = {
  ...jsonField,
  dryRun: z.boolean().default(false),
  by: z.string().min(1).optional(),
};

/**
 * Adds `recover` under `parent`; `target` names what `options` point at, `load` gives the function that recovers
 * it (loaded when the command runs: it brings the Temporal worker's replayer).
 */
export function registerRecover<S extends z.ZodObject>(
  parent: Command,
  what: string,
  options: Option[],
  schema: S,
  load: () => Promise<
    (client: Client, target: z.output<S> & { by: string; dryRun: boolean }) => Promise<Recovery>
  >,
): void {
  const command = parent
    .command('recover')
    .description(
      `reset ${what} whose history no longer replays (its workflow tasks keep failing) to the task that does not; the submissions and decisions after it are sent again`,
    );
  for (const option of options) command.addOption(option);
  command
    .option('--dry-run', 'find the event that does not replay and the reset point, change nothing')
    .option('--by <name>', 'who recovers, kept in the reset reason (default: $WLX_OPERATOR or your login)')
    .addOption(jsonOption('what was found and done'))
    .action(async (raw) => {
      const parsed = parseOptions(schema, raw) as z.output<S> & {
        json: boolean;
        dryRun: boolean;
        by?: string;
      };
      const by = parsed.by ?? defaultOperator();
      const run = await load();
      const recovery = await withClient((client) => run(client, { ...parsed, by }));
      if (parsed.json) printJson(recovery);
      else process.stdout.write(describeRecovery(recovery));
    });
}

function describeRecovery(recovery: Recovery): string {
  if (!recovery.unreplayable)
    return `${recovery.workflowId} 的历史在当前代码上可以完整重放，无需恢复 — its history replays on this code: nothing to recover\n`;
  const outcome = {
    applied: '重新送达 sent again',
    refused: '被拒绝 refused',
    planned: '将重新送达 would send again',
  };
  return (
    `${recovery.workflowId}: 第 ${recovery.unreplayable.eventId} 号事件无法重放 — event ${recovery.unreplayable.eventId} does not replay\n` +
    `  ${recovery.unreplayable.message.split('\n')[0]}\n` +
    (recovery.newRunId
      ? `已重置到第 ${recovery.resetTo} 号事件 — reset to event ${recovery.resetTo}: run ${recovery.newRunId}\n`
      : `试运行：将重置到第 ${recovery.resetTo} 号事件 — dry run: would reset to event ${recovery.resetTo}\n`) +
    recovery.resent
      .map((u) => `  ${outcome[u.outcome]}: ${u.name} (${u.updateId})${u.detail ? ` — ${u.detail}` : ''}\n`)
      .join('')
  );
}
