// Builds the worker from its configuration: shared by the worker process and `npm start`.
import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createMailActivities, createSmtpTransport } from '../activities/mail.ts';
import { SentLedger } from '../activities/sentLedger.ts';
import { taskQueue } from '../workflows/messages.ts';
import type { WorkerConfig } from './config.ts';

export interface RunningWorker {
  worker: Worker;
  /** Resolves once the worker has drained and every connection it opened is closed. */
  run(): Promise<void>;
}

export async function createWorker(config: WorkerConfig): Promise<RunningWorker> {
  const transport = createSmtpTransport(config.SMTP_URL);
  const ledger = await SentLedger.open(config.SENT_LEDGER_PATH);
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue,
    workflowsPath: fileURLToPath(new URL('../workflows/index.ts', import.meta.url)),
    activities: createMailActivities({
      transport,
      from: config.MAIL_FROM,
      ledger,
      messageIdDomain: config.MESSAGE_ID_DOMAIN,
    }),
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
