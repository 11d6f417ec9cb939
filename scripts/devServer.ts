// The Temporal CLI dev server as this project runs it: on a SQLite file that survives restarts, with our
// search attributes, ready once it answers. `npm start` and the fault suite both start it this way.
import type { ChildProcess } from 'node:child_process';
import { Connection } from '@temporalio/client';
import { searchAttributeFlags } from '../workflows/shared/searchAttributes.ts';

export function devServerArgs(options: {
  port: number;
  dbFile: string;
  uiPort?: number;
  /** The HTTP API (wlx's quick reads, TEMPORAL_HTTP_URL); a random free port when not given. */
  httpPort?: number;
}): string[] {
  return [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    ...(options.httpPort === undefined ? [] : ['--http-port', String(options.httpPort)]),
    ...(options.uiPort === undefined ? ['--headless'] : ['--ui-port', String(options.uiPort)]),
    '--db-filename',
    options.dbFile,
    // WAL keeps SQLite fast under the dev server's single connection (the SDK's own CI does the same).
    '--sqlite-pragma',
    'journal_mode=WAL',
    '--sqlite-pragma',
    'synchronous=NORMAL',
    // Its warnings are mostly about its own shutdown; errors still show.
    '--log-level',
    'error',
    ...searchAttributeFlags.flatMap((flag) => ['--search-attribute', flag]),
  ];
}

/** Resolves once the server `child` started answers on `address`; throws if it exits or stays silent. */
export async function untilTemporalAnswers(
  child: ChildProcess,
  address: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the Temporal server exited with code ${child.exitCode}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: '1 second' });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch {
      await new Promise((done) => setTimeout(done, 200));
    }
  }
  throw new Error(`the Temporal server did not answer on ${address} within ${timeoutMs / 1000}s`);
}
