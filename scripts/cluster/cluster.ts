// `npm run cluster`: the production topology on one machine, from real parts. The Temporal server built from its
// Go module (scripts/cluster/buildServer.sh) on Debian's PostgreSQL, its four services as four processes; two
// workers and two web replicas sharing one database (mail ledger, users, sign-in limits) and one document folder;
// an SMTP sink. All on 127.0.0.1 under --data-dir; Ctrl-C stops everything, a second start resumes. A process
// that dies is started again, as compose's `restart: unless-stopped` does (each one's pid in <data-dir>/pids/).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { z } from 'zod';
import { demoCalendarFlag } from '../../client/operations/calendar/officialHolidays.ts';
import { parseInput } from '../../domain/validation.ts';
import { untilTemporalAnswers } from '../devServer.ts';
import { type MailSink, startMailSink } from '../mailSink.ts';
import { portSchema, stopProcess } from '../processes.ts';
import { ensureBinary, temporalCli } from '../temporalBinaries.ts';
import { type Postgres, startPostgres } from './postgres.ts';
import { dynamicConfig, serverConfig, type TemporalService, temporalServices } from './serverConfig.ts';
import { prepareTemporalDatabases, registerNamespace, serverBinaries } from './serverSetup.ts';

const optionsSchema = z.object({
  // The services take the ports after it, membership ports at +110…+113, kept by the server in a smallint.
  port: portSchema.max(32_500, 'a port up to 32500: the services take the ports after it').default(7233),
  postgresPort: portSchema.default(5434),
  smtpPort: portSchema.default(2525),
  webPorts: z
    .string()
    .transform((text) => text.split(',').map((p) => Number(p.trim())))
    .pipe(z.array(z.number().int().min(1).max(65_535)).min(1, 'at least one port, e.g. 3000,3001')),
  workers: z.coerce.number().int().min(1).max(8).default(2),
  shards: z.coerce.number().int().min(1).max(512).default(4),
  dataDir: z.string().min(1).default('var/cluster'),
});

const program = new Command('cluster')
  .description('run the Temporal server on PostgreSQL with two workers and two web replicas until Ctrl-C')
  .option('--port <port>', 'Temporal frontend (gRPC) port', '7233')
  .option('--postgres-port <port>', 'PostgreSQL port', '5434')
  .option('--smtp-port <port>', 'SMTP sink port', '2525')
  .option('--web-ports <ports>', 'web replicas, comma-separated', '3000,3001')
  .option('--workers <n>', 'worker processes', '2')
  .option('--shards <n>', "history shards (fixed at the first start: it is the database's)", '4')
  .option('--data-dir <dir>', 'PostgreSQL, mail and documents live here', 'var/cluster')
  .parse();
const options = parseInput(optionsSchema, program.opts(), 'options');
const dataDir = resolve(options.dataDir);
const pids = join(dataDir, 'pids');
mkdirSync(join(dataDir, 'mail'), { recursive: true });
rmSync(pids, { recursive: true, force: true });
mkdirSync(pids);

const bin = serverBinaries();
const children: ChildProcess[] = [];
const address = `127.0.0.1:${options.port}`;
let postgres: Postgres | undefined;
let sink: MailSink | undefined;
let stopping = false;

const stopAll = async (code: number) => {
  if (stopping) return;
  stopping = true;
  // Our processes first (workers drain their tasks), the server's after, PostgreSQL last.
  const ours = (child: ChildProcess) => child.spawnfile === process.execPath;
  await Promise.all(children.filter(ours).map((child) => stopProcess(child)));
  await Promise.all(children.filter((child) => !ours(child)).map((child) => stopProcess(child)));
  await sink?.close();
  postgres?.stop();
  console.log('stopped');
  process.exit(code);
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopAll(0));

// A failure on the way up stops what already started (PostgreSQL above all), as Ctrl-C would.
await up().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return stopAll(1);
});

async function up(): Promise<void> {
  postgres = startPostgres({ dir: join(dataDir, 'postgres'), port: options.postgresPort, durable: true });
  prepareTemporalDatabases(postgres, bin);
  const appDb = 'wanlixing';
  if (postgres.sql('postgres', `SELECT 1 FROM pg_database WHERE datname = '${appDb}'`) === '')
    postgres.sql('postgres', `CREATE DATABASE ${appDb}`);
  const appDbUrl = postgres.url.replace(/\/postgres$/, `/${appDb}`);

  const dynamicConfigFile = join(dataDir, 'dynamicconfig.yaml');
  writeFileSync(dynamicConfigFile, dynamicConfig);
  function startService(service: TemporalService): ChildProcess {
    const configFile = join(dataDir, `temporal-${service}.yaml`);
    const ports = { frontend: options.port, base: options.port + 10 };
    writeFileSync(
      configFile,
      serverConfig({
        service,
        ports,
        postgresPort: options.postgresPort,
        shards: options.shards,
        dynamicConfigFile,
      }),
    );
    return supervise(`temporal-${service}`, () =>
      spawn(bin.server, ['--config-file', configFile, '--allow-no-auth', 'start', '--service', service], {
        stdio: ['ignore', 'inherit', 'inherit'],
        detached: true,
      }),
    );
  }
  // The first service up writes the cluster's metadata to a fresh database; four starting at once race to write it
  // and the losers die on a duplicate key. So the frontend first, the others once it answers.
  const [first, ...rest] = temporalServices;
  await untilTemporalAnswers(startService(first), address, 120_000);
  for (const service of rest) startService(service);
  registerNamespace(ensureBinary(temporalCli, console.error), address);

  sink = await startMailSink({ port: options.smtpPort, dir: join(dataDir, 'mail') });
  const webUrl = `http://localhost:${options.webPorts[0]}`;
  const common = {
    ...process.env,
    TEMPORAL_ADDRESS: address,
    TEMPORAL_NAMESPACE: 'default',
    SMTP_URL: sink.url,
    MAIL_LEDGER_URL: appDbUrl,
    WEB_DB_URL: appDbUrl,
    DOCUMENT_DIR: join(dataDir, 'documents'),
    WEB_PUBLIC_URL: webUrl,
  };
  for (let i = 0; i < options.workers; i++) {
    supervise(`worker-${i + 1}`, () =>
      spawn(process.execPath, ['bin/worker.js'], { env: common, stdio: 'inherit' }),
    );
  }
  const secretFile = join(dataDir, 'session-secret');
  if (!existsSync(secretFile))
    writeFileSync(secretFile, randomBytes(48).toString('base64url'), { mode: 0o600 });
  const sessionSecret = process.env.WEB_SESSION_SECRET ?? readFileSync(secretFile, 'utf8');
  for (const webPort of options.webPorts) {
    const env = {
      ...common,
      WEB_HOST: '127.0.0.1',
      WEB_PORT: String(webPort),
      WEB_SESSION_SECRET: sessionSecret,
    };
    supervise(`web-${webPort}`, () => spawn(process.execPath, ['bin/web.js'], { env, stdio: 'inherit' }));
  }

  const year = new Date().getFullYear() + 1;
  console.log(
    [
      '',
      '知识产权服务万里行 on the cluster (Ctrl-C stops it; running it again resumes).',
      `  Temporal server  ${address}   (${temporalServices.join(', ')}: ${options.shards} history shards, ${bin.version})`,
      `  PostgreSQL       ${postgres.url}   (temporal, temporal_visibility, ${appDb}; data in ${join(dataDir, 'postgres')})`,
      `  Workers          ${options.workers}   (mail ledger in ${appDb})`,
      `  Web              ${options.webPorts.map((p) => `http://localhost:${p}`).join('  ')}   (one store, one session secret)`,
      `  SMTP sink        ${sink.url}   (mail kept in ${join(dataDir, 'mail')})`,
      `  Documents        ${
        process.env.DOCUMENT_STORE === 's3'
          ? `S3 bucket ${process.env.S3_BUCKET} at ${process.env.S3_ENDPOINT ?? 'AWS'}`
          : `${common.DOCUMENT_DIR}   (DOCUMENT_STORE=s3 and S3_* put them in a bucket)`
      }`,
      '',
      'Next, in another terminal:',
      `  npx wlx campaign start --year ${year} --compress 10m${demoCalendarFlag(year)}`,
      `  npx wlx campaign status --year ${year}`,
      `  WEB_DB_URL=${appDbUrl} npx wlx operator add-user --name you --role operator   # password on stdin`,
      '',
    ].join('\n'),
  );
}

/** Starts a process and starts it again whenever it dies, unless it keeps dying (5 times in a minute). */
function supervise(name: string, start: () => ChildProcess): ChildProcess {
  const deaths: number[] = [];
  const run = (): ChildProcess => {
    const child = start();
    children.push(child);
    writeFileSync(join(pids, `${name}.pid`), `${child.pid}\n`);
    child.once('exit', (code, signal) => {
      children.splice(children.indexOf(child), 1);
      if (stopping) return;
      const now = Date.now();
      deaths.push(now);
      const recent = deaths.filter((at) => now - at < 60_000).length;
      if (recent >= 5) {
        console.error(
          `${name} exited (${signal ?? `code ${code}`}) ${recent} times in a minute; stopping everything`,
        );
        void stopAll(1);
        return;
      }
      console.error(`${name} exited (${signal ?? `code ${code}`}); starting it again`);
      setTimeout(() => stopping || run(), 1000);
    });
    return child;
  };
  return run();
}
