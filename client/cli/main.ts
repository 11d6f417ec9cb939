// wlx: the operators' and provinces' command line. It registers in full only the command the command line names
// (program.ts), so that `wlx --help` and a simple read load little: the Temporal client, exceljs and docx take a
// second or more to load.
import { CommanderError } from 'commander';
import { exitCodes } from '../../infra/userError.ts';
import { wlxProgram } from './program.ts';

// A reader that stops early (wlx … | head -3) closes the pipe: the output is done, not failed. Exit 0 at once,
// as cat and grep do, instead of Node's unhandled-error stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(exitCodes.ok);
});

const [first, second] = process.argv.slice(2);
const named = first === 'help' ? second : first;

try {
  const program = await wlxProgram((name) => name === named);
  await program.parseAsync();
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version end here with code 0; everything else commander rejects is bad usage.
    process.exitCode = error.exitCode === 0 ? exitCodes.ok : exitCodes.rejected;
  } else {
    const { describeError } = await import('../operations/errors.ts');
    const { message, exitCode } = describeError(error);
    process.stderr.write(`wlx: ${message}\n`);
    process.exitCode = exitCode;
  }
}
