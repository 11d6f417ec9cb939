// Debian's PostgreSQL on a data folder of ours: created at the first start, resumed after. It refuses to run as
// root, so under root (CI) the folder belongs to the postgres user and the tools run as it. The cluster script
// keeps one under var/cluster/; the tests make a fresh one in a temporary folder.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Postgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** Runs psql's SQL as the superuser against `database`. */
  sql(database: string, statement: string): string;
  stop(): void;
}

/** The newest installed PostgreSQL's bin folder, or undefined without the package. */
export function postgresBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const version = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  const bin = version && join(root, version, 'bin');
  return bin && existsSync(join(bin, 'initdb')) ? bin : undefined;
}

export function startPostgres(options: { dir: string; port: number; durable: boolean }): Postgres {
  const bin = postgresBinaries();
  if (!bin) throw new Error('PostgreSQL is not installed: apt-get install postgresql');
  const { dir, port } = options;
  const data = join(dir, 'data');
  mkdirSync(dir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString());
    chownSync(dir, id('-u'), id('-g'));
  }
  const run = (tool: string, args: string[]) =>
    (asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, tool), args, { stdio: 'pipe' })
    ).toString();
  if (!existsSync(join(data, 'PG_VERSION')))
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-instructions']);
  // A durable cluster (deployments' shape) syncs to disk; a test's throwaway one need not.
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${options.durable ? '' : ' -c fsync=off'}`;
  run('pg_ctl', ['-D', data, '-w', '-l', join(dir, 'server.log'), '-o', settings, 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    sql: (database, statement) =>
      run('psql', [
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'postgres',
        '-d',
        database,
        '-Atc',
        statement,
      ]),
    stop: () => run('pg_ctl', ['-D', data, '-m', options.durable ? 'fast' : 'immediate', 'stop']),
  };
}
