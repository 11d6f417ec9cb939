// wlx mail list: what the local SMTP sink of `npm start` received.

import type { Command } from 'commander';
import { z } from 'zod';
import { listMail } from '../../../infra/mail/mailbox.ts';
import { commandGroups } from '../commandGroups.ts';
import { jsonField, jsonOption, parseOptions } from '../options.ts';
import { printJson, printTable } from '../output.ts';

const listOptions = z.object({ dir: z.string().min(1), ...jsonField });

export function registerMailCommands(program: Command): void {
  program
    .command('mail')
    .description(commandGroups.mail)
    .command('list')
    .description('every message the sink kept, oldest first')
    .option('--dir <dir>', 'where the sink keeps .eml files', 'var/mail')
    .addOption(jsonOption('the messages'))
    .action(async (raw) => {
      const options = parseOptions(listOptions, raw);
      const mail = await listMail(options.dir);
      if (options.json) {
        printJson(mail);
        return;
      }
      printTable(
        ['received', 'to', 'kind', 'subject'],
        mail.map((m) => [m.receivedAt.slice(0, 19), m.to.join(', '), m.headers.kind ?? '-', m.subject]),
      );
      process.stdout.write(`${mail.length} messages\n`);
    });
}
