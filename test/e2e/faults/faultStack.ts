// One fault case's whole system, its own ports and folder: the dev server and the workers as processes to
// kill, an SMTP sink that can be told to refuse (an outage), the embedded mail ledger they share, and the
// units' WeCom and DingTalk robots on a local webhook server (test/support/robotServer.ts).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { schema } from '../../../infra/mailLedger/sqlLedger.ts';
import { type SqlClient, sqlClient } from '../../../infra/sql.ts';
import { dataConverter } from '../../../infra/temporal/payloadCodec.ts';
import { type LedgerServer, startLedgerServer } from '../../../scripts/ledgerServer.ts';
import { type MailSink, startMailSink } from '../../../scripts/mailSink.ts';
import { freePort } from '../../support/ports.ts';
import { type RobotServer, startRobotServer } from '../../support/robotServer.ts';
import type { YearSystem } from './campaignScript.ts';
import { devServer, type Restartable, workerProcess } from './processes.ts';

export interface FaultStack extends YearSystem {
  name: string;
  dir: string;
  /** host:port of the dev server. */
  address: string;
  /** The workflow bundle the workers run. */
  bundlePath: string;
  client: Client;
  server: Restartable;
  workers: Restartable[];
  sink: MailSink;
  /** While true the sink answers every recipient with 451, as a mail server in trouble does. */
  outage: { on: boolean };
  /** Every unit's WeCom and DingTalk robot; its `outage` takes the platforms down. */
  robots: RobotServer;
  close(): Promise<void>;
}

export async function faultStack(options: {
  name: string;
  cli: string;
  bundleCode: string;
  workers: number;
  /** The units that have a WeCom and a DingTalk robot; none by default. */
  robotUnits?: readonly string[];
}): Promise<FaultStack> {
  const dir = mkdtempSync(join(tmpdir(), `wlx-fault-${options.name}-`));
  const bundle = join(dir, 'workflow-bundle.js');
  writeFileSync(bundle, options.bundleCode);
  const outage = { on: false };
  const sink = await startMailSink({ port: 0, rejectRecipient: () => (outage.on ? 451 : undefined) });
  const ledger: LedgerServer = await startLedgerServer({ dir: join(dir, 'mail-ledger'), port: 0 });
  const sql: SqlClient = await sqlClient(ledger.url);
  const robots = await startRobotServer();
  const robotsFile = join(dir, 'robots.json');
  const robotUnits = options.robotUnits ?? [];
  const entries = robotUnits.map((unit) => [
    unit,
    {
      wecom: { url: robots.wecom(`wecom-${unit}`) },
      dingtalk: {
        url: robots.dingtalk(`ding-${unit}`, `SEC-${unit}`),
        secret: { env: `DINGTALK_${unit}_SECRET` },
      },
    },
  ]);
  writeFileSync(robotsFile, JSON.stringify({ units: Object.fromEntries(entries) }));
  const port = await freePort();
  const server = devServer(options.cli, dir, port);
  await server.start();
  const env = {
    TEMPORAL_ADDRESS: `127.0.0.1:${port}`,
    SMTP_URL: sink.url,
    MAIL_LEDGER_URL: ledger.url,
    WORKFLOW_BUNDLE: bundle,
    // Stuck workflows are told to the operators within seconds, as a test can wait for.
    STUCK_WATCH_SECONDS: '3',
    NOTICE_ROBOTS_FILE: robotsFile,
    // The DingTalk secrets from the environment, as a deployment keeps them out of the file.
    ...Object.fromEntries(robotUnits.map((unit) => [`DINGTALK_${unit}_SECRET`, `SEC-${unit}`])),
  };
  const workers = Array.from({ length: options.workers }, (_, i) =>
    workerProcess(`worker-${i + 1}`, dir, env),
  );
  await Promise.all(workers.map((w) => w.start()));
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
  return {
    name: options.name,
    dir,
    address: env.TEMPORAL_ADDRESS,
    bundlePath: bundle,
    client: new Client({ connection, dataConverter }),
    server,
    workers,
    sink,
    outage,
    robots,
    mailKeys: async () => sink.messages().map((m) => m.headers.key ?? '(no key)'),
    postKeys: async () => robots.posts().map((p) => p.key ?? '(no key)'),
    async takenOver() {
      const { rows } = await sql.query<{ business_key: string }>(
        `SELECT business_key FROM ${schema}.deliveries WHERE takeovers > 0 ORDER BY business_key`,
      );
      return rows.map((r) => r.business_key);
    },
    async close() {
      await Promise.all(workers.map((w) => w.kill('SIGKILL')));
      await server.kill('SIGKILL');
      await connection.close();
      await sql.close();
      await Promise.all([sink.close(), ledger.close(), robots.close()]);
    },
  };
}
