// Builds the worker from its configuration: shared by the worker process and `npm start`.
import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createMailActivities, createSmtpTransport } from '../activities/mail.ts';
import { openMailLedger } from '../activities/mailLedger/open.ts';
import { createMatchingActivities } from '../activities/matching.ts';
import { createOutcomeActivities } from '../activities/outcomes.ts';
import { openDocumentStore } from '../client/documents/config.ts';
import { taskQueue } from '../workflows/messages.ts';
import type { WorkerConfig } from './config.ts';
import { dataConverter } from './payloadCodec.ts';

/** Longer than one SMTP delivery can take (createSmtpTransport's timeouts); compose's stop_grace_period is longer still. */
export const shutdownGraceTime = '50 seconds';

export interface RunningWorker {
  worker: Worker;
  /** Resolves once the worker has drained and every connection it opened is closed. */
  run(): Promise<void>;
}

export async function createWorker(config: WorkerConfig): Promise<RunningWorker> {
  const transport = createSmtpTransport(config.SMTP_URL);
  const ledger = await openMailLedger(config.MAIL_LEDGER_URL);
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const workflows: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> = config.WORKFLOW_BUNDLE
    ? { workflowBundle: { codePath: config.WORKFLOW_BUNDLE } }
    : { workflowsPath: fileURLToPath(new URL('../workflows/index.ts', import.meta.url)) };
  const worker = await Worker.create({
    connection,
    dataConverter,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue,
    ...workflows,
    ...(config.MAX_CACHED_WORKFLOWS && { maxCachedWorkflows: config.MAX_CACHED_WORKFLOWS }),
    // On SIGINT/SIGTERM a delivery in progress finishes and is recorded before the worker lets go of it.
    shutdownGraceTime,
    activities: {
      ...createMailActivities({
        transport,
        from: config.MAIL_FROM,
        ledger,
        messageIdDomain: config.MESSAGE_ID_DOMAIN,
        webUrl: config.WEB_PUBLIC_URL,
      }),
      ...createMatchingActivities(openDocumentStore(config)),
      ...createOutcomeActivities(),
    },
  });
  return {
    worker,
    async run() {
      try {
        await worker.run();
      } finally {
        transport.close();
        await ledger.close();
        await connection.close();
      }
    },
  };
}
