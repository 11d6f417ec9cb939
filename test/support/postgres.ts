// A real PostgreSQL server for tests (scripts/cluster/postgres.ts, Debian's package, which CI installs): a fresh
// cluster in a temporary folder on a free port, stopped at the end. Undefined when the binaries are absent.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Postgres,
  postgresBinaries,
  startPostgres as startCluster,
} from '../../scripts/cluster/postgres.ts';
import { freePort } from './ports.ts';

export type { Postgres };

export async function startPostgres(): Promise<Postgres | undefined> {
  if (!postgresBinaries()) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'wlx-pg-'));
  return startCluster({ dir, port: await freePort(), durable: false });
}
