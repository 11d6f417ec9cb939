// Real Temporal servers for tests, from the binaries globalSetup found or installed.
import { fileURLToPath } from 'node:url';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  bundleWorkflowCode,
  DefaultLogger,
  type NativeConnection,
  Runtime,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { inject } from 'vitest';
import { createMailActivities, createSmtpTransport } from '../../activities/mail.ts';
import { openMailLedger } from '../../activities/mailLedger/open.ts';
import { registerSearchAttributes } from '../../scripts/registerSearchAttributes.ts';
import { taskQueue } from '../../workflows/messages.ts';

let runtimeInstalled = false;

/** Keeps test output to warnings; the SDK logs every worker state change at INFO. */
export function quietRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  runtimeInstalled = true;
}

export async function timeSkippingServer(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: inject('temporalTestServerPath') } },
  });
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}

export const workflowsPath = fileURLToPath(new URL('../../workflows/index.ts', import.meta.url));

/** Bundle once per test file and hand it to every worker the file creates. */
export function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  quietRuntime();
  return bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') });
}

/** A worker on `taskQueue` with the real mail activities, sending to `smtpUrl`, with a ledger of its own. */
export async function testWorker(
  connection: NativeConnection,
  bundle: WorkflowBundleWithSourceMap,
  smtpUrl: string,
): Promise<Worker> {
  return Worker.create({
    connection,
    taskQueue,
    workflowBundle: bundle,
    activities: createMailActivities({
      transport: createSmtpTransport(smtpUrl),
      from: 'wanlixing@cnipa.example',
      ledger: await openMailLedger('pglite:memory://'),
      messageIdDomain: 'test.wanlixing.example',
    }),
  });
}
