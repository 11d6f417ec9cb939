// wlx matching record: CNIPA's match decisions and one-to-one pairings, from a file.
import type { Command } from 'commander';
import { z } from 'zod';
import { recordMatchesSchema } from '../../domain/matching/decisions.ts';
import { campaignWorkflowId, recordMatchesUpdate } from '../../workflows/messages.ts';
import { withClient } from '../connection.ts';
import { readInputFile } from '../inputFile.ts';
import { parseOptions, yearSchema } from '../options.ts';
import { printJson } from '../output.ts';

const recordOptions = z.object({
  year: yearSchema,
  file: z.string().min(1),
  json: z.boolean().default(false),
});

export function registerMatchingCommands(program: Command): void {
  program
    .command('matching')
    .description('resource matching (服务资源匹配)')
    .command('record')
    .description(
      'record match decisions for flagged demands and one-to-one pairings; see examples/matches.json',
    )
    .requiredOption('--year <year>', 'campaign year')
    .requiredOption('--file <file>', 'decisions, .json or .yaml')
    .option('--json', 'print the campaign status as JSON')
    .action(async (raw) => {
      const options = parseOptions(recordOptions, raw);
      const decisions = await readInputFile(options.file, recordMatchesSchema, 'match decisions');
      await withClient(async (client) => {
        const status = await client.workflow
          .getHandle(campaignWorkflowId(options.year))
          .executeUpdate(recordMatchesUpdate, { args: [decisions] });
        if (options.json) printJson(status);
        else {
          process.stdout.write(
            `recorded: ${status.matches.matches.length} matches, ${status.matches.pairings.length} pairings in total\n`,
          );
        }
      });
    });
}
