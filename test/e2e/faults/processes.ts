// The processes a fault case kills and restarts: the Temporal dev server on its SQLite file, and workers
// (worker/main.ts, as deployed) on a prebuilt workflow bundle. Their output goes to a log file per process,
// named in failures.
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { devServerArgs, untilTemporalAnswers } from '../../../scripts/devServer.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, Math.max(0, ms)));

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((done) => child.once('exit', () => done()));
}

function logTo(child: ChildProcess, path: string): void {
  const log = createWriteStream(path, { flags: 'a' });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
}

/** A process that can be killed any way and started again with the same arguments. */
export interface Restartable {
  readonly log: string;
  start(): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<void>;
  running(): boolean;
}

export function devServer(cli: string, dir: string, port: number): Restartable {
  const log = join(dir, 'dev-server.log');
  let child: ChildProcess | undefined;
  const address = `127.0.0.1:${port}`;
  return {
    log,
    async start() {
      // The same SQLite file every time: a restart resumes the campaigns with their timers.
      child = spawn(cli, devServerArgs({ port, dbFile: join(dir, 'temporal.db') }), {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      logTo(child, log);
      try {
        await untilTemporalAnswers(child, address);
      } catch (error) {
        throw new Error(`${(error as Error).message}; see ${log}`);
      }
    },
    async kill(signal) {
      if (!child) return;
      child.kill(signal);
      await exited(child);
    },
    running: () => child !== undefined && child.exitCode === null && child.signalCode === null,
  };
}

export function workerProcess(name: string, dir: string, env: NodeJS.ProcessEnv): Restartable {
  const log = join(dir, `${name}.log`);
  let child: ChildProcess | undefined;
  return {
    log,
    async start() {
      child = spawn(process.execPath, [join(root, 'bin/worker.js')], {
        cwd: root,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      logTo(child, log);
      const current = child;
      await new Promise<void>((ready, fail) => {
        const onData = (chunk: Buffer) => {
          if (chunk.toString().includes('worker polling')) {
            current.stdout?.off('data', onData);
            ready();
          }
        };
        current.stdout?.on('data', onData);
        current.once('exit', (code, signal) =>
          fail(new Error(`${name} exited (${code ?? signal}) before polling; see ${log}`)),
        );
      });
    },
    async kill(signal) {
      if (!child) return;
      child.kill(signal);
      await exited(child);
    },
    running: () => child !== undefined && child.exitCode === null && child.signalCode === null,
  };
}
