// What a bench that runs a year needs before it starts: the time-skipping server (or the dev server), an SMTP sink,
// and the workflow bundle written to a file that its worker process loads (bundling takes seconds, not measured).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { dataConverter } from '../infra/temporal/payloadCodec.ts';
import { type MailSink, startMailSink } from '../scripts/mailSink.ts';
import { registerSearchAttributes } from '../scripts/registerSearchAttributes.ts';
import { ensureTemporalBinaries } from '../scripts/temporalBinaries.ts';
import { taskQueue } from '../workflows/shared/messages.ts';
import { benchServer } from './timeSkippingServer.ts';
import { startWorker } from './workerControl.ts';
import type { WorkerProcessConfig } from './workerProcess.ts';

export interface YearBench {
  env: TestWorkflowEnvironment;
  sink: MailSink;
  bundlePath: string;
  close(): Promise<void>;
}

/** A worker process on `taskQueue` for the bench's server, sink and bundle. */
export function startBenchWorker(
  bench: Pick<YearBench, 'env' | 'sink' | 'bundlePath'>,
  options: Pick<WorkerProcessConfig, 'maxCachedWorkflows'> = {},
) {
  return startWorker({
    ...options,
    address: bench.env.address,
    namespace: bench.env.namespace ?? 'default',
    taskQueue,
    bundlePath: bench.bundlePath,
    smtpUrl: bench.sink.url,
  });
}

/** Bundles the workflows into `dir`/workflows.js, for worker processes to load; resolves to its path. */
export async function writeWorkflowBundle(dir: string): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: fileURLToPath(new URL('../workflows/index.ts', import.meta.url)),
    logger: new DefaultLogger('WARN'),
  });
  const path = join(dir, 'workflows.js');
  writeFileSync(path, code);
  return path;
}

/** The bench's sink and bundle beside `server` (the time-skipping one unless given), in a folder of its own. */
export async function startYearBench(
  name: string,
  server: () => Promise<TestWorkflowEnvironment> = benchServer,
): Promise<YearBench> {
  const tmp = mkdtempSync(join(tmpdir(), `wlx-${name}-`));
  const [env, sink, bundlePath] = await Promise.all([
    server(),
    startMailSink({ port: 0 }),
    writeWorkflowBundle(tmp),
  ]);
  return {
    env,
    sink,
    bundlePath,
    async close() {
      await sink.close();
      await env.teardown();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/**
 * The same on the CLI's dev server (a real Temporal server, its limits included), search attributes registered;
 * its HTTP API on `httpPort` when given.
 */
export async function startDevServerBench(name: string, httpPort?: number): Promise<YearBench> {
  const { cli } = ensureTemporalBinaries((line) => console.error(line));
  const bench = await startYearBench(name, () =>
    TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'existing-path', path: cli },
        ...(httpPort !== undefined && { extraArgs: ['--http-port', String(httpPort)] }),
      },
      client: { dataConverter },
    }),
  );
  await registerSearchAttributes(bench.env.connection, bench.env.namespace ?? 'default');
  return bench;
}
