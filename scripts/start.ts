// `npm start`: the embedded default on one machine, everything it writes under --data-dir (var/) — the
// Temporal CLI dev server (SQLite, Web UI, our search attributes), a local SMTP sink keeping every message as .eml, the mail ledger
// (PGlite, served over the PostgreSQL protocol so that more workers can share it), the worker and the web
// (its API on --web-port; users, sessions and sign-in links in the ledger's database, schema wanlixing_web;
// uploaded documents in documents/).
// Ctrl-C stops them all; starting again resumes the same campaigns with their timers.

import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { Command } from 'commander';
import { z } from 'zod';
import { demoCalendarFlag } from '../client/operations/calendar/officialHolidays.ts';
import { webConfig } from '../client/web/config.ts';
import { startWebServer } from '../client/web/server.ts';
import { parseInput } from '../domain/validation.ts';
import { workerConfigSchema } from '../worker/config.ts';
import { createWorker } from '../worker/createWorker.ts';
import { devServerArgs, untilTemporalAnswers } from './devServer.ts';
import { startLedgerServer } from './ledgerServer.ts';
import { startMailSink } from './mailSink.ts';
import { portIsFree, portSchema, stopProcess } from './processes.ts';
import { ensureBinary, temporalCli } from './temporalBinaries.ts';

const optionsSchema = z.object({
  port: portSchema.default(7233),
  httpPort: portSchema.default(7243),
  uiPort: portSchema.default(8233),
  smtpPort: portSchema.default(2525),
  ledgerPort: portSchema.default(5433),
  webPort: portSchema.default(3000),
  dataDir: z.string().min(1).default('var'),
});

const program = new Command('start')
  .description('run the dev server, the SMTP sink and the worker until Ctrl-C')
  .option('--port <port>', 'Temporal frontend (gRPC) port', '7233')
  .option('--http-port <port>', "Temporal's HTTP API port (wlx reads status over it)", '7243')
  .option('--ui-port <port>', 'Temporal Web UI port', '8233')
  .option('--smtp-port <port>', 'SMTP sink port', '2525')
  .option('--ledger-port <port>', 'mail ledger (PostgreSQL protocol) port', '5433')
  .option('--web-port <port>', 'web (HTTP API) port', '3000')
  .option(
    '--data-dir <dir>',
    'where the server database, the mail, the mail ledger and the documents live',
    'var',
  )
  .parse();
const options = parseInput(optionsSchema, program.opts(), 'options');
const dataDir = resolve(options.dataDir);
// The worker's bundle report and state changes at INFO would bury the banner; warnings still show.
Runtime.install({ logger: new DefaultLogger('WARN') });
mkdirSync(join(dataDir, 'mail'), { recursive: true });
// Uploaded documents too live under the data folder (unless DOCUMENT_DIR or an S3 store says otherwise).
process.env.DOCUMENT_DIR ??= join(dataDir, 'documents');

for (const [flag, port] of [
  ['--port', options.port],
  ['--http-port', options.httpPort],
  ['--ui-port', options.uiPort],
  ['--smtp-port', options.smtpPort],
  ['--ledger-port', options.ledgerPort],
  ['--web-port', options.webPort],
] as const) {
  if (!(await portIsFree(port))) {
    console.error(`port ${port} is in use (another npm start?); stop that, or choose another with ${flag}`);
    process.exit(2);
  }
}

const address = `127.0.0.1:${options.port}`;
const uiUrl = `http://localhost:${options.uiPort}`;
const server = startDevServer();
const sink = await startMailSink({ port: options.smtpPort, dir: join(dataDir, 'mail') });
const ledger = await startLedgerServer({ dir: join(dataDir, 'mail-ledger'), port: options.ledgerPort });
try {
  await untilTemporalAnswers(server, address);
} catch (error) {
  await Promise.all([sink.close(), ledger.close()]);
  server.kill('SIGTERM');
  throw error;
}

const { worker, run } = await createWorker(
  workerConfigSchema.parse({
    ...process.env,
    TEMPORAL_ADDRESS: address,
    TEMPORAL_NAMESPACE: 'default',
    SMTP_URL: sink.url,
    WEB_PUBLIC_URL: `http://localhost:${options.webPort}`,
    MAIL_LEDGER_URL: ledger.url,
  }),
);
// The web signs its cookies with WEB_SESSION_SECRET; without one, a random secret for this run (sessions
// then end when npm start does).
const sessionSecret = process.env.WEB_SESSION_SECRET ?? randomBytes(48).toString('base64url');
const web = await startWebServer(
  webConfig({
    ...process.env,
    WEB_HOST: '127.0.0.1',
    WEB_PORT: String(options.webPort),
    WEB_PUBLIC_URL: `http://localhost:${options.webPort}`,
    WEB_SESSION_SECRET: sessionSecret,
    WEB_DB_URL: ledger.url,
    SMTP_URL: sink.url,
  }),
  { TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: 'default', TEMPORAL_UI_URL: uiUrl },
).catch(async (error: unknown) => {
  await Promise.all([sink.close(), ledger.close()]);
  server.kill('SIGTERM');
  throw error;
});
// What wlx needs to find this stack: the HTTP API for quick status reads (over gRPC the client's loading takes
// twice as long), the web's database for the audit trail of its actions, the documents folder for uploads.
const exports = [
  ...(options.port === 7233 ? [] : [`TEMPORAL_ADDRESS=${address}`, `TEMPORAL_UI_URL=${uiUrl}`]),
  `TEMPORAL_HTTP_URL=http://127.0.0.1:${options.httpPort}`,
  `WEB_DB_URL=${ledger.url}`,
  `DOCUMENT_DIR=${process.env.DOCUMENT_DIR}`,
];
console.log(
  [
    '',
    `知识产权服务万里行 is running (Ctrl-C stops it; running it again resumes).`,
    `  Temporal Web UI  ${uiUrl}`,
    `  Temporal server  ${address}   (data in ${join(dataDir, 'temporal.db')}; HTTP API http://127.0.0.1:${options.httpPort})`,
    `  SMTP sink        ${sink.url}   (mail kept in ${join(dataDir, 'mail')})`,
    `  Mail ledger      ${ledger.url}   (PGlite in ${join(dataDir, 'mail-ledger')}; more workers may share it)`,
    `  Web              ${web.url}   (pages for units and operators; API docs ${web.url}/api/docs)`,
    `  Documents        ${process.env.DOCUMENT_DIR}   (uploads)`,
    process.env.WEB_SESSION_SECRET
      ? '                   sessions signed with WEB_SESSION_SECRET'
      : '                   sessions signed with a random secret for this run (set WEB_SESSION_SECRET to keep them)',
    '',
    'Next, in another terminal (the export lets wlx find this stack and record its actions in the audit trail):',
    `  export ${exports.join(' ')}`,
    `  npx wlx campaign start --year ${new Date().getFullYear() + 1} --compress 10m${demoCalendarFlag(new Date().getFullYear() + 1)}`,
    `  npx wlx campaign status --year ${new Date().getFullYear() + 1}`,
    `  npx wlx mail list --dir ${join(options.dataDir, 'mail')}`,
    `  npx wlx operator add-user --name you --role operator   # password on stdin`,
    `  then sign in at ${web.url}/sign-in (a unit: its link arrives in the mail above)`,
    '',
  ].join('\n'),
);

// The SDK stops the worker on SIGINT/SIGTERM; the server and sink follow once it has drained.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (stopping = true));
server.once('exit', (code) => {
  if (stopping) return;
  console.error(`the Temporal dev server exited unexpectedly (code ${code}); stopping`);
  process.exitCode = 1;
  worker.shutdown();
});
try {
  await run();
} finally {
  stopping = true;
  await web.close();
  await Promise.all([sink.close(), ledger.close()]);
  await stopProcess(server);
  console.log('stopped');
}

function startDevServer(): ChildProcess {
  const args = devServerArgs({
    port: options.port,
    httpPort: options.httpPort,
    uiPort: options.uiPort,
    dbFile: join(dataDir, 'temporal.db'),
  });
  // Its own process group: a Ctrl-C in the terminal reaches us, and we stop it after the worker.
  return spawn(ensureBinary(temporalCli, console.error), args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
}
