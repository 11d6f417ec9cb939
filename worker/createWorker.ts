// Builds the worker from its configuration: shared by the worker process and `npm start`.
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createMailActivities } from '../activities/mail.ts';
import { createMatchingActivities } from '../activities/matching.ts';
import { createOutcomeActivities } from '../activities/outcomes.ts';
import { defaultRegistry } from '../domain/defaultRegistry.ts';
import type { Recipient } from '../domain/notices/notifications.ts';
import { openAuditTrail, openSqlAuditTrail } from '../infra/audit/sqlTrail.ts';
import { loadRobotsFile, noRobots } from '../infra/channels/robotsFile.ts';
import { webDbUrl } from '../infra/config.ts';
import { openDocumentStore } from '../infra/documents/config.ts';
import { createSmtpTransport } from '../infra/mail/smtp.ts';
import { openSqlLedger } from '../infra/mailLedger/sqlLedger.ts';
import { projectPath } from '../infra/projectRoot.ts';
import { sqlClient } from '../infra/sql.ts';
import { dataConverter } from '../infra/temporal/payloadCodec.ts';
import { taskQueue } from '../workflows/shared/messages.ts';
import type { WorkerConfig } from './config.ts';
import { type StuckWatch, startStuckWatch } from './stuckWatch.ts';

/** Longer than one SMTP delivery can take (createSmtpTransport's timeouts); compose's stop_grace_period is longer still. */
export const shutdownGraceTime = '50 seconds';

export interface RunningWorker {
  worker: Worker;
  /** Resolves once the worker has drained and every connection it opened is closed. */
  run(): Promise<void>;
}

export async function createWorker(config: WorkerConfig): Promise<RunningWorker> {
  // Read first: a robots file with a mistake stops the worker before it opens anything.
  const robots = config.NOTICE_ROBOTS_FILE ? await loadRobotsFile(config.NOTICE_ROBOTS_FILE) : noRobots;
  const transport = createSmtpTransport(config.SMTP_URL);
  const ledgerSql = await sqlClient(config.MAIL_LEDGER_URL);
  const ledger = await openSqlLedger(ledgerSql);
  // The trail is in the web's database; when that is the ledger's (the default), on the same connection,
  // since a PGlite folder has one owner.
  const auditUrl = webDbUrl(config);
  const audit =
    auditUrl === config.MAIL_LEDGER_URL ? await openSqlAuditTrail(ledgerSql) : await openAuditTrail(auditUrl);
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const workflows: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> = config.WORKFLOW_BUNDLE
    ? { workflowBundle: { codePath: config.WORKFLOW_BUNDLE } }
    : { workflowsPath: projectPath('workflows', 'index.ts') };
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
        robots,
        audit,
      }),
      ...createMatchingActivities(openDocumentStore(config)),
      ...createOutcomeActivities(),
    },
  });
  const watch = await watchForStuck(config);
  return {
    worker,
    async run() {
      try {
        await worker.run();
      } finally {
        await watch?.stop();
        transport.close();
        await audit.close();
        await ledger.close();
        await connection.close();
      }
    },
  };
}

/** "运用促进司 <wanlixing@cnipa.example>" as a recipient; the default registry's department without one. */
function operatorsOf(config: WorkerConfig): Recipient[] {
  const match = /^\s*([^<>]+?)\s*<([^<>]+)>\s*$/.exec(config.OPERATOR_EMAIL ?? '');
  if (match) return [{ name: match[1] as string, email: match[2] as string }];
  return [defaultRegistry().promotionDepartment];
}

/** The stuck watch with a client connection of its own, closed with it; none when switched off. */
async function watchForStuck(config: WorkerConfig): Promise<StuckWatch | null> {
  if (config.STUCK_WATCH_SECONDS === 0) return null;
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter });
  const watch = startStuckWatch({
    client,
    operators: operatorsOf(config),
    everyMs: config.STUCK_WATCH_SECONDS * 1000,
    log: (message, error) => (error ? console.error(message, error) : console.log(message)),
  });
  return {
    async stop() {
      await watch.stop();
      await connection.close();
    },
  };
}
