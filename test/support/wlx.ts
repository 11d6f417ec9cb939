// `wlx` as a person runs it: a process per command, with the environment that says where Temporal is.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** On CI, where `npm ci` built dist/, every command must run compiled (bin/launch.js then refuses a stale build). */
export const compiledOnCi: NodeJS.ProcessEnv = process.env.CI ? { WLX_COMPILED: '1' } : {};

export interface WlxResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runWlx(env: NodeJS.ProcessEnv, args: string[]): Promise<WlxResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(root, 'bin/wlx.js'), ...args], {
      cwd: root,
      env: { ...env, ...compiledOnCi },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** `wlx` for one environment: as typed, and its `--json` output parsed from a command that must succeed. */
export function wlxFor(env: NodeJS.ProcessEnv) {
  return {
    wlx: (...args: string[]) => runWlx(env, args),
    async wlxJson<T>(...args: string[]): Promise<T> {
      const result = await runWlx(env, [...args, '--json']);
      if (result.code !== 0)
        throw new Error(`wlx ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
      return JSON.parse(result.stdout) as T;
    },
  };
}
