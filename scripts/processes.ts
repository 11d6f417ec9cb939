// What the scripts that run several processes (npm start, npm run cluster) and the tests that drive them share:
// the ports they take, whether one is free, and stopping a child and waiting for it to go.
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { z } from 'zod';

export const portSchema = z.coerce.number().int().min(1).max(65_535);

/** Nobody listens on 127.0.0.1:`port` now. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer()
      .once('error', () => done(false))
      .listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}

/** Sends `signal` (SIGTERM: stop; SIGINT: Ctrl-C, as a person would) and resolves with the exit code. */
export function stopProcess(
  child: ChildProcess | undefined,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<number | null> {
  if (!child || child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve(child?.exitCode ?? null);
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  child.kill(signal);
  return exited;
}
