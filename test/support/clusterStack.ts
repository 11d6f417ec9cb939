// `npm run cluster` as a process (scripts/cluster/cluster.ts): the Temporal server built from its Go module on
// PostgreSQL, two workers and two web replicas, on ports and a data folder of its own; wlx a process per command.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { postgresBinaries } from '../../scripts/cluster/postgres.ts';
import { serverVersion } from '../../scripts/cluster/serverSetup.ts';
import { stopProcess } from '../../scripts/processes.ts';
import { freeLowPorts, freePort } from './ports.ts';
import { type WlxResult, wlxFor } from './wlx.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Why the cluster cannot run here, or undefined when it can (CI builds the server first). */
export function clusterMissing(): string | undefined {
  if (!postgresBinaries()) return 'PostgreSQL is not installed (apt-get install postgresql)';
  const server = join(root, '.tools', `temporal-server-${serverVersion}`, 'bin', 'temporal-server');
  if (!existsSync(server))
    return `the Temporal server is not built: bash scripts/cluster/buildServer.sh (${server})`;
  return undefined;
}

export interface ClusterStack {
  dataDir: string;
  /** host:port of the Temporal frontend. */
  address: string;
  postgresPort: number;
  /** The pid of one of the cluster's processes (temporal-history, worker-1, web-<port>…), as it is now. */
  pid(name: string): number;
  webUrls: [string, string];
  /** The database the workers and web replicas share. */
  appDbUrl: string;
  start(): Promise<void>;
  /** Ctrl-C, and waits for everything to stop. */
  stop(): Promise<number | null>;
  wlx(...args: string[]): Promise<WlxResult>;
  wlxJson<T>(...args: string[]): Promise<T>;
}

export interface ClusterOptions {
  /** The Temporal CLI, which registers the namespace and search attributes. */
  temporalCli: string;
  /** Extra environment for every process (e.g. MAX_CACHED_WORKFLOWS for the workers). */
  env?: NodeJS.ProcessEnv;
}

/** The cluster on free ports and a fresh folder; no vitest here, the cluster bench starts one too. */
export async function clusterStack(options: ClusterOptions): Promise<ClusterStack> {
  // The frontend, then its three services (+10…+13), their membership (+110…) and metrics (+210…) ports.
  const port = await freeLowPorts(220);
  const [postgresPort, smtpPort, web1, web2] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const dataDir = mkdtempSync(join(tmpdir(), 'wlx-cluster-'));
  // Under root (CI), PostgreSQL runs as the postgres user, which must reach its folder inside this one.
  chmodSync(dataDir, 0o755);
  const env = {
    ...process.env,
    ...options.env,
    TEMPORAL_CLI_PATH: options.temporalCli,
    TEMPORAL_ADDRESS: `127.0.0.1:${port}`,
  };
  let child: ChildProcess | undefined;
  return {
    dataDir,
    address: `127.0.0.1:${port}`,
    postgresPort,
    pid: (name) => Number(readFileSync(join(dataDir, 'pids', `${name}.pid`), 'utf8')),
    webUrls: [`http://127.0.0.1:${web1}`, `http://127.0.0.1:${web2}`],
    appDbUrl: `postgres://postgres@127.0.0.1:${postgresPort}/wanlixing`,
    async start() {
      let output = '';
      const args = ['--port', port, '--postgres-port', postgresPort, '--smtp-port', smtpPort];
      child = spawn(
        process.execPath,
        ['--import', 'tsx', join(root, 'scripts/cluster/cluster.ts'), ...args.map(String)].concat([
          '--web-ports',
          `${web1},${web2}`,
          '--data-dir',
          dataDir,
        ]),
        { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const started = child;
      started.stdout?.on('data', (chunk) => (output += chunk));
      started.stderr?.on('data', (chunk) => (output += chunk));
      // Up when the banner is out and both workers poll and both replicas listen.
      const ready = () =>
        output.includes('on the cluster') &&
        output.split('worker polling task queue').length > 2 &&
        output.split('web on http').length > 2;
      const deadline = Date.now() + 180_000;
      while (!ready()) {
        if (started.exitCode !== null)
          throw new Error(`npm run cluster exited with ${started.exitCode}:\n${output}`);
        if (Date.now() > deadline) throw new Error(`npm run cluster did not come up in 180s:\n${output}`);
        await new Promise((done) => setTimeout(done, 200));
      }
    },
    stop: () => stopProcess(child, 'SIGINT'),
    ...wlxFor(env),
  };
}
