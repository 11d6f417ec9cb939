// wlx: the operators' and provinces' command line. This file only registers commands.
import { Command, CommanderError } from 'commander';
import { exitCodes } from '../../infra/userError.ts';
import { describeError } from '../operations/errors.ts';
import { registerCampaignCommands } from './commands/campaign.ts';
import { registerDocumentCommands } from './commands/document.ts';
import { registerExportCommands } from './commands/export.ts';
import { registerMailCommands } from './commands/mail.ts';
import { registerMatchingCommands } from './commands/matching.ts';
import { registerOperatorCommands } from './commands/operator.ts';
import { registerSubmitCommands } from './commands/submit.ts';
import { registerTemplateCommands } from './commands/template.ts';
import { registerUnitCommands } from './commands/unit.ts';
import { registerUserCommands } from './commands/users.ts';

// A reader that stops early (wlx … | head -3) closes the pipe: the output is done, not failed. Exit 0 at once,
// as cat and grep do, instead of Node's unhandled-error stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(exitCodes.ok);
});

const program = new Command('wlx')
  .description('知识产权服务万里行 — run the IP Service Campaign on Temporal')
  .showHelpAfterError('(add --help for usage)')
  .exitOverride();
registerCampaignCommands(program);
registerUnitCommands(program);
registerSubmitCommands(program);
registerOperatorCommands(program);
registerUserCommands(program);
registerMatchingCommands(program);
registerMailCommands(program);
registerTemplateCommands(program);
registerDocumentCommands(program);
registerExportCommands(program);
for (const command of program.commands) command.exitOverride();

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version end here with code 0; everything else commander rejects is bad usage.
    process.exitCode = error.exitCode === 0 ? exitCodes.ok : exitCodes.rejected;
  } else {
    const { message, exitCode } = describeError(error);
    process.stderr.write(`wlx: ${message}\n`);
    process.exitCode = exitCode;
  }
}
