// wlx completion bash|zsh: a completion script made from the command tree itself, so it never lists a command or
// an option wlx does not have. zsh runs the same script through its bash compatibility (bashcompinit).
import type { Command } from 'commander';
import { z } from 'zod';
import { parseInput } from '../../../domain/validation.ts';
import { commandGroups } from '../commandGroups.ts';

const shellSchema = z.enum(['bash', 'zsh'], { error: 'bash or zsh' });

/** Every command path ('' for wlx itself) with its subcommands and options. */
function tree(command: Command, path = ''): { path: string; children: string[]; options: string[] }[] {
  const children = command.commands.map((c) => c.name());
  const options = [...command.options.map((o) => o.long ?? o.short ?? ''), '--help'].filter(Boolean);
  return [
    { path, children, options },
    ...command.commands.flatMap((c) => tree(c, path ? `${path} ${c.name()}` : c.name())),
  ];
}

/** Walks the words typed so far down the tree (options and their values skipped), then offers what is below. */
const completeFunction = `_wlx_complete() {
  [[ -n "\${ZSH_VERSION-}" ]] && setopt localoptions ksharrays # zsh: count words from 0, as bash does
  local cur="\${COMP_WORDS[COMP_CWORD]}" path="" word i
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    [[ "$word" == -* ]] && continue
    case " $(_wlx_children "$path") " in *" $word "*) path="\${path:+$path }$word" ;; esac
  done
  COMPREPLY=($(compgen -W "$(_wlx_children "$path") $(_wlx_options "$path")" -- "$cur"))
}`;

/** A `case` over command paths, echoing each one's words. */
const caseOf = (name: string, rows: { path: string; words: string[] }[]) =>
  [
    `_wlx_${name}() {`,
    '  case "$1" in',
    ...rows.filter((r) => r.words.length > 0).map((r) => `    "${r.path}") echo "${r.words.join(' ')}" ;;`),
    '  esac',
    '}',
  ].join('\n');

export function bashCompletion(program: Command): string {
  const nodes = tree(program);
  return [
    '# wlx completion for bash (eval "$(wlx completion bash)", or save it under bash-completion/completions/wlx)',
    caseOf(
      'children',
      nodes.map((n) => ({ path: n.path, words: n.children })),
    ),
    caseOf(
      'options',
      nodes.map((n) => ({ path: n.path, words: n.options })),
    ),
    completeFunction,
    'complete -o default -F _wlx_complete wlx',
    '',
  ].join('\n');
}

export function registerCompletionCommand(program: Command, wholeProgram: () => Promise<Command>): void {
  program
    .command('completion')
    .description(commandGroups.completion)
    .argument('<shell>', 'bash or zsh')
    .action(async (shell: string) => {
      const which = parseInput(shellSchema, shell, '<shell>');
      const script = bashCompletion(await wholeProgram());
      process.stdout.write(
        which === 'zsh' ? `autoload -U +X bashcompinit && bashcompinit\n${script}` : script,
      );
    });
}
