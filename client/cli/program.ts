// wlx's commands: the module of each top-level command, loaded only when wanted, and the program with some of them
// in full and the others as their name and description (commandGroups.ts).
import { Command } from 'commander';
import { type CommandGroup, commandGroups } from './commandGroups.ts';

type Register = (program: Command) => void;

/** What registers each top-level command; export and report share one module. */
export const commandModules: Record<CommandGroup, () => Promise<Register>> = {
  campaign: async () => (await import('./commands/campaign.ts')).registerCampaignCommands,
  calendar: async () => (await import('./commands/calendar.ts')).registerCalendarCommands,
  unit: async () => (await import('./commands/unit.ts')).registerUnitCommands,
  submit: async () => (await import('./commands/submit.ts')).registerSubmitCommands,
  operator: async () => {
    const [operator, users] = await Promise.all([
      import('./commands/operator.ts'),
      import('./commands/users.ts'),
    ]);
    return (program) => {
      operator.registerOperatorCommands(program);
      users.registerUserCommands(program);
    };
  },
  matching: async () => (await import('./commands/matching.ts')).registerMatchingCommands,
  catalogue: async () => (await import('./commands/catalogue.ts')).registerCatalogueCommands,
  mail: async () => (await import('./commands/mail.ts')).registerMailCommands,
  template: async () => (await import('./commands/template.ts')).registerTemplateCommands,
  document: async () => (await import('./commands/document.ts')).registerDocumentCommands,
  audit: async () => (await import('./commands/audit.ts')).registerAuditCommand,
  export: async () => exportCommand('export'),
  report: async () => exportCommand('report'),
  completion: async () => {
    const { registerCompletionCommand } = await import('./commands/completion.ts');
    // The script lists every command and option, so it needs the whole program.
    return (program) => registerCompletionCommand(program, () => wlxProgram(() => true));
  },
};

/** One of the two top-level commands export.ts registers, the other left to its stub. */
async function exportCommand(name: 'export' | 'report'): Promise<Register> {
  const { registerExportCommands } = await import('./commands/export.ts');
  return (program) => {
    const scratch = new Command();
    registerExportCommands(scratch);
    const command = scratch.commands.find((c) => c.name() === name);
    if (command) program.addCommand(command);
  };
}

/** wlx with its commands: `load` names those to register in full, the rest get their name and description. */
export async function wlxProgram(load: (name: CommandGroup) => boolean): Promise<Command> {
  const program = new Command('wlx')
    .description('知识产权服务万里行 — run the IP Service Campaign on Temporal')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  for (const name of Object.keys(commandGroups) as CommandGroup[]) {
    if (load(name)) (await commandModules[name]())(program);
    else program.command(name).description(commandGroups[name]);
  }
  for (const command of program.commands) command.exitOverride();
  return program;
}
