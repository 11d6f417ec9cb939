// The one SQL connection the mail ledger and the web's store both use: PostgreSQL through `pg` (deployments,
// several processes sharing it) or PGlite (`pglite:<dir>`, inside one process), the same statements on both.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** The little of `pg.Pool` and `PGlite` that our stores use. */
export interface SqlClient {
  query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
  close(): Promise<void>;
}

export async function sqlClient(url: string): Promise<SqlClient> {
  if (url.startsWith('pglite:')) {
    const dir = url.slice('pglite:'.length);
    // PGlite makes its own folder but not the ones above it (var/ on a fresh clone).
    if (!dir.startsWith('memory:')) mkdirSync(dirname(resolve(dir)), { recursive: true });
    const db = await PGlite.create(dir);
    return { query: (text, params) => db.query(text, params), close: () => db.close() };
  }
  // A handful of connections: each delivery makes two short statements.
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle connection that drops (a database restart) must not crash the worker; the next query reconnects.
  pool.on('error', () => {});
  return {
    query: async <R>(text: string, params?: unknown[]) => ({
      rows: (await pool.query(text, params)).rows as R[],
    }),
    close: () => pool.end(),
  };
}

// Two processes starting together may both try to create a schema; the loser sees one of these.
const alreadyCreated = new Set(['23505', '42P06', '42P07']);

/** Runs idempotent CREATE … IF NOT EXISTS statements, once more for any that lost a race to another process. */
export async function migrate(client: SqlClient, statements: readonly string[]): Promise<void> {
  for (const statement of statements) {
    try {
      await client.query(statement);
    } catch (error) {
      if (!alreadyCreated.has((error as { code?: string }).code ?? '')) throw error;
      await client.query(statement);
    }
  }
}
