// wlx compiled (scripts/build.ts, into a folder of this test's own): `wlx --help` statically loads none of the heavy
// packages, a real command runs, the completion scripts complete in bash and zsh, and bin/launch.js runs the build
// only while it is current. (cli.usage.test.ts asks every command for --help through bin/wlx.js: compiled on CI.)
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../infra/projectRoot.ts';

const run = promisify(execFile);
// Inside the repository (a fresh clone has no var/ yet), where the build's imports find node_modules.
mkdirSync(projectPath('var'), { recursive: true });
const out = mkdtempSync(projectPath('var', 'build-test-'));
const wlx = (args: string[]) => run(process.execPath, [join(out, 'wlx.js'), ...args], { cwd: out });
const onPath = (tool: string) =>
  (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, tool)));

beforeAll(async () => {
  await run(process.execPath, ['--import', 'tsx', projectPath('scripts', 'build.ts'), '--outdir', out]);
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

/**
 * The packages an output file loads before it runs, through its static imports (dynamic ones wait for the code
 * that needs them): `from` is an output file's name, or the source of a chunk that a dynamic import loads.
 */
function packagesLoadedBy(from: string): string[] {
  const { outputs } = JSON.parse(readFileSync(join(out, 'build.json'), 'utf8')) as {
    outputs: Record<
      string,
      { entryPoint?: string; imports: { path: string; kind: string; external?: boolean }[] }
    >;
  };
  const start = Object.keys(outputs).find((o) => o.endsWith(from) || outputs[o]?.entryPoint === from);
  if (!start) throw new Error(`no output for ${from}`);
  const packages = new Set<string>();
  const pending = [start];
  for (const seen = new Set<string>(); pending.length > 0; ) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const { path, kind, external } of outputs[file]?.imports ?? []) {
      if (kind !== 'import-statement') continue;
      if (external) packages.add(path);
      else pending.push(path);
    }
  }
  return [...packages].filter((p) => !isBuiltin(p)).sort();
}

describe('wlx compiled', () => {
  it('loads no heavy package for wlx --help: they come in the chunks of the command that needs them', () => {
    expect(packagesLoadedBy('/wlx.js')).toEqual(['commander']);
  });

  it('reads status with neither the Temporal SDK nor xstate: the HTTP read needs only zod and commander', () => {
    expect(packagesLoadedBy('client/cli/commands/campaign.ts')).toEqual(['commander', 'zod']);
  });

  it('runs a real command: the demand-list template, as a workbook', async () => {
    const file = join(out, 'template.xlsx');
    const { stdout } = await wlx(['template', 'demands', '--year', '2031', '--unit', '3702', '--out', file]);
    expect(stdout).toContain(file);
    const workbook = await new ExcelJS.Workbook().xlsx.readFile(file);
    expect(workbook.getWorksheet('需求清单')).toBeDefined();
  });

  it('completes commands and options in bash', async () => {
    const script = (await wlx(['completion', 'bash'])).stdout;
    writeFileSync(join(out, 'wlx.bash'), script);
    const complete = async (words: string[]) =>
      (
        await run('bash', [
          '-c',
          `source ${join(out, 'wlx.bash')}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _wlx_complete; echo "\${COMPREPLY[*]}"`,
        ])
      ).stdout.trim();
    expect(await complete(['wlx', 'campaign', 'st'])).toBe('start status');
    expect(await complete(['wlx', 'submit', 'plan', '--year', '2031', '--u'])).toBe('--unit --update-id');
    expect(await complete(['wlx', 'ope'])).toBe('operator');
  });

  it.skipIf(!onPath('zsh'))('gives zsh the same candidates (zsh filters them by what is typed)', async () => {
    writeFileSync(join(out, 'wlx.zsh'), (await wlx(['completion', 'zsh'])).stdout);
    const { stdout } = await run('zsh', [
      '-c',
      `autoload -U +X compinit && compinit -u; source ${join(out, 'wlx.zsh')}; COMP_WORDS=(wlx campaign ''); COMP_CWORD=2; _wlx_complete; print -r -- "\${COMPREPLY[*]}"`,
    ]);
    expect(stdout.trim()).toBe('start status recover --help');
  });

  it('refuses a shell it has no script for, naming the argument', async () => {
    const refused = await wlx(['completion', 'fish']).catch((error) => error);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('<shell>');
  });
});

describe('bin/launch.js', () => {
  it('runs the build while it is current and the source once a source is newer', async () => {
    const dir = mkdtempSync(projectPath('var', 'launch-test-'));
    try {
      const copy = join(dir, 'bin', 'launch.js');
      await run('mkdir', ['-p', join(dir, 'bin'), join(dir, 'dist')]);
      writeFileSync(copy, readFileSync(projectPath('bin', 'launch.js')));
      writeFileSync(join(dir, 'entry.ts'), "const from: string = 'source';\nconsole.log(from);\n");
      writeFileSync(join(dir, 'dist', 'entry.js'), "console.log('build');\n");
      const builtAt = Date.now();
      writeFileSync(join(dir, 'dist', 'build.json'), JSON.stringify({ builtAt, inputs: ['entry.ts'] }));
      utimesSync(join(dir, 'entry.ts'), new Date(builtAt - 60_000), new Date(builtAt - 60_000));
      const launch = `import { launch } from '${copy}'; await launch('entry', 'entry.ts');`;
      const start = () =>
        run(process.execPath, ['--input-type=module', '-e', launch], { cwd: projectPath() });
      expect((await start()).stdout.trim()).toBe('build');
      utimesSync(join(dir, 'entry.ts'), new Date(builtAt + 60_000), new Date(builtAt + 60_000));
      expect((await start()).stdout.trim()).toBe('source');
      const required = await run(process.execPath, ['--input-type=module', '-e', launch], {
        cwd: projectPath(),
        env: { ...process.env, WLX_COMPILED: '1' },
      }).catch((error) => error);
      expect(required.stderr).toContain('dist/entry.js is missing or older than its sources');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
