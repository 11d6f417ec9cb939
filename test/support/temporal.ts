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
import { createMailActivities } from '../../activities/mail.ts';
import { createMatchingActivities } from '../../activities/matching.ts';
import { createOutcomeActivities } from '../../activities/outcomes.ts';
import { skipToNoon } from '../../bench/timeSkippingServer.ts';
import type { AuditTrail } from '../../infra/audit/trail.ts';
import type { UnitRobots } from '../../infra/channels/robotsFile.ts';
import { documentConfig, openDocumentStore } from '../../infra/documents/config.ts';
import { createSmtpTransport } from '../../infra/mail/smtp.ts';
import { openMailLedger } from '../../infra/mailLedger/open.ts';
import { dataConverter } from '../../infra/temporal/payloadCodec.ts';
import { type MailSink, startMailSink } from '../../scripts/mailSink.ts';
import { registerSearchAttributes } from '../../scripts/registerSearchAttributes.ts';
import { campaignWorkflowId, taskQueue, unitWorkflowId } from '../../workflows/shared/messages.ts';

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
    client: { dataConverter },
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
  /** Activities to run instead of the real ones: faults injected by a test. */
  faults: Partial<ReturnType<typeof createMatchingActivities>> = {},
  /** The units' group robots (a robot server's addresses); none by default. */
  robots?: UnitRobots,
  /** Where delivered notices are recorded; nowhere by default. */
  audit?: AuditTrail,
): Promise<Worker> {
  return Worker.create({
    connection,
    dataConverter,
    taskQueue,
    workflowBundle: bundle,
    activities: {
      ...createMailActivities({
        transport: createSmtpTransport(smtpUrl),
        from: 'wanlixing@cnipa.example',
        ledger: await openMailLedger('pglite:memory://'),
        messageIdDomain: 'test.wanlixing.example',
        ...(robots && { robots, webUrl: 'http://web.test' }),
        audit,
      }),
      ...createMatchingActivities(openDocumentStore(documentConfig())),
      ...createOutcomeActivities(),
      ...faults,
    },
  });
}

export interface TimeSkippingStack {
  env: TestWorkflowEnvironment;
  sink: MailSink;
  /** Runs `fn` with a fresh test worker polling, as Temporal's runUntil does. */
  runWorker<T>(fn: () => Promise<T>, faults?: Parameters<typeof testWorker>[3]): Promise<T>;
  /** Skips the server's clock to noon, Beijing time, on a month-day of `year`. */
  skipTo(year: number, monthDay: string): Promise<void>;
  /**
   * Terminates a year left running, its units included. This server does not end the children of a
   * terminated parent, and a unit left running has its next task on the sticky queue of a worker that is
   * gone, which this server never times out: the next test's skip would wait for it forever.
   */
  endYear(year: number, unitCodes: readonly string[]): Promise<void>;
  stop(): Promise<void>;
}

/** The time-skipping server, the workflow bundle and an SMTP sink, for a year run in seconds. */
export async function timeSkippingStack(): Promise<TimeSkippingStack> {
  const [env, bundle, sink] = await Promise.all([
    timeSkippingServer(),
    bundleWorkflows(),
    startMailSink({ port: 0 }),
  ]);
  return {
    env,
    sink,
    async runWorker(fn, faults) {
      return (await testWorker(env.nativeConnection, bundle, sink.url, faults)).runUntil(fn);
    },
    skipTo: (year, monthDay) => skipToNoon(env, year, monthDay),
    async endYear(year, unitCodes) {
      for (const id of [campaignWorkflowId(year), ...unitCodes.map((c) => unitWorkflowId(year, c))]) {
        const handle = env.client.workflow.getHandle(id);
        if ((await handle.describe()).status.name === 'RUNNING') await handle.terminate('test over');
      }
    },
    async stop() {
      await sink.close();
      await env.teardown();
    },
  };
}
