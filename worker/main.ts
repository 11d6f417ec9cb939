// The worker process: workflows and mail activities on task queue `wanlixing`, configured by environment.

import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createMailActivities, createSmtpTransport } from '../activities/mail.ts';
import { SentLedger } from '../activities/sentLedger.ts';
import { taskQueue } from '../workflows/messages.ts';
import { workerConfig } from './config.ts';

const config = workerConfig();
const transport = createSmtpTransport(config.SMTP_URL);
const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
const worker = await Worker.create({
  connection,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue,
  workflowsPath: fileURLToPath(new URL('../workflows/index.ts', import.meta.url)),
  activities: createMailActivities({
    transport,
    from: config.MAIL_FROM,
    ledger: await SentLedger.open(config.SENT_LEDGER_PATH),
    messageIdDomain: config.MESSAGE_ID_DOMAIN,
  }),
});
console.log(
  `worker polling task queue "${taskQueue}" on ${config.TEMPORAL_ADDRESS} (${config.TEMPORAL_NAMESPACE})`,
);
// Worker.run() stops on SIGINT/SIGTERM by itself, finishing the tasks in hand first.
try {
  await worker.run();
} finally {
  transport.close();
  await connection.close();
}
