// Opens the mail ledger named by a URL: `postgres://…` for a PostgreSQL server that several workers share
// (deployments, and `npm start`'s embedded server), `pglite:<dir>` for PGlite inside this one process.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { MailLedger } from './ledger.ts';
import { openSqlLedger, type SqlClient, type SqlLedgerOptions } from './sqlLedger.ts';

export async function openMailLedger(url: string, options: SqlLedgerOptions = {}): Promise<MailLedger> {
  return openSqlLedger(await sqlClient(url), options);
}

export async function sqlClient(url: string): Promise<SqlClient> {
  if (url.startsWith('pglite:')) {
    const db = await PGlite.create(url.slice('pglite:'.length));
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
