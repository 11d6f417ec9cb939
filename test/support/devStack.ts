// Drives the product the way its users do: `npm start` (scripts/start.ts) as a process, and `wlx` as
// a process per command, against a real dev server on ports of its own.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { stopProcess } from '../../scripts/processes.ts';
import { freeLowPorts } from './ports.ts';
import { type WlxResult, wlxFor } from './wlx.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface DevStack {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  /** Starts `npm start`'s script and resolves once it says it is running. */
  start(): Promise<void>;
  /** Ctrl-C, as a person would, and waits for it to exit. */
  stop(): Promise<number | null>;
  wlx(...args: string[]): Promise<WlxResult>;
  /** Parsed stdout of a `--json` command that must succeed. */
  wlxJson<T>(...args: string[]): Promise<T>;
}

export async function devStack(): Promise<DevStack> {
  // Below the ephemeral range (32,768 up): a stopped stack starts again on the same ports, and in between an
  // outgoing connection's local port could take one of them (EADDRINUSE on the restart).
  const first = await freeLowPorts(6);
  const [port, httpPort, uiPort, smtpPort, ledgerPort, webPort] = [0, 1, 2, 3, 4, 5].map(
    (i) => first + i,
  ) as [number, number, number, number, number, number];
  const dataDir = mkdtempSync(join(tmpdir(), 'wlx-dev-'));
  const env = {
    ...process.env,
    TEMPORAL_CLI_PATH: inject('temporalCliPath'),
    TEMPORAL_ADDRESS: `127.0.0.1:${port}`,
    TEMPORAL_UI_URL: `http://localhost:${uiPort}`,
    // wlx's status reads go over the HTTP API, as the banner of `npm start` tells operators to.
    TEMPORAL_HTTP_URL: `http://127.0.0.1:${httpPort}`,
  };
  let process_: ChildProcess | undefined;
  let output = '';

  return {
    dataDir,
    env,
    async start() {
      output = '';
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          join(root, 'scripts/start.ts'),
          '--port',
          String(port),
          '--http-port',
          String(httpPort),
          '--ui-port',
          String(uiPort),
          '--smtp-port',
          String(smtpPort),
          '--ledger-port',
          String(ledgerPort),
          '--web-port',
          String(webPort),
          '--data-dir',
          dataDir,
        ],
        { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      process_ = child;
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const deadline = Date.now() + 60_000;
      while (!output.includes('is running')) {
        if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
        if (Date.now() > deadline) throw new Error(`npm start did not come up in 60s:\n${output}`);
        await new Promise((done) => setTimeout(done, 100));
      }
    },
    stop: () => stopProcess(process_, 'SIGINT'),
    ...wlxFor(env),
  };
}
