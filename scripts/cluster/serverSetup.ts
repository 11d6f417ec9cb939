// What a real Temporal server needs before and after it starts, done as its own tools do it: the two databases
// created and migrated by temporal-sql-tool (from the module's embedded schemas), then the `default` namespace and
// our search attributes registered through the Temporal CLI. Every step is safe to repeat on a second start.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { searchAttributeFlags } from '../../workflows/shared/searchAttributes.ts';
import type { Postgres } from './postgres.ts';

/** The pin: the same release as docker-compose.yml's temporalio/server image. */
export const serverVersion = 'v1.32.2';

export interface ServerBinaries {
  version: string;
  server: string;
  sqlTool: string;
}

/** The server and temporal-sql-tool, built into .tools/ the first time (a few minutes). */
export function serverBinaries(): ServerBinaries {
  const root = resolve(import.meta.dirname, '../..');
  const dir = join(root, '.tools', `temporal-server-${serverVersion}`, 'bin');
  const bin = {
    version: serverVersion,
    server: join(dir, 'temporal-server'),
    sqlTool: join(dir, 'temporal-sql-tool'),
  };
  if (!existsSync(bin.server) || !existsSync(bin.sqlTool))
    execFileSync('bash', [join(root, 'scripts/cluster/buildServer.sh')], {
      stdio: 'inherit',
      env: { ...process.env, TEMPORAL_SERVER_VERSION: serverVersion },
    });
  return bin;
}

const databases = [
  { name: 'temporal', schema: 'postgresql/v12/temporal' },
  { name: 'temporal_visibility', schema: 'postgresql/v12/visibility' },
] as const;

/** Creates the databases at the first start and brings their schemas to this release's on every start. */
export function prepareTemporalDatabases(postgres: Postgres, bin: ServerBinaries): void {
  for (const { name, schema } of databases) {
    const tool = (...args: string[]) =>
      execFileSync(
        bin.sqlTool,
        [
          '--plugin',
          'postgres12',
          '--ep',
          '127.0.0.1',
          '-p',
          String(postgres.port),
          '-u',
          'postgres',
          '--db',
          name,
          '--quiet',
          ...args,
        ],
        { stdio: 'pipe' },
      );
    const exists = postgres.sql('postgres', `SELECT 1 FROM pg_database WHERE datname = '${name}'`) === '1';
    if (!exists) {
      tool('create-database');
      tool('setup-schema', '-v', '0.0');
    }
    tool('update-schema', '--schema-name', schema);
  }
}

/** The `default` namespace (a real server starts with none) and our search attributes in it. */
export function registerNamespace(temporalCli: string, address: string): void {
  const cli = (...args: string[]) => {
    try {
      execFileSync(temporalCli, [...args, '--address', address], { stdio: 'pipe' });
    } catch (error) {
      const stderr = String((error as { stderr?: Buffer }).stderr ?? '');
      if (!/already exists|already registered/i.test(stderr))
        throw new Error(`temporal ${args.join(' ')}: ${stderr}`);
    }
  };
  cli('operator', 'namespace', 'create', '--namespace', 'default', '--retention', '30d');
  for (const flag of searchAttributeFlags) {
    const [name = '', type = ''] = flag.split('=');
    untilDone(() =>
      cli('operator', 'search-attribute', 'create', '--namespace', 'default', '--name', name, '--type', type),
    );
  }
}

/** A namespace just created reaches every service's cache within seconds; until then the call says not found. */
function untilDone(step: () => void): void {
  for (let attempt = 1; ; attempt++) {
    try {
      step();
      return;
    } catch (error) {
      if (attempt >= 30 || !/not found|NotFound/i.test(String(error))) throw error;
      execFileSync('sleep', ['1']);
    }
  }
}
